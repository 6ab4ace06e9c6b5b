import { describe, expect, it } from "vitest";
import { fitBradleyTerry, type Game } from "./bradley-terry";
import { bootstrapRatings } from "./bootstrap";

/** Model 0 beats model 1 in `wins` of `total` games, model 1 beats model 2 likewise, 2 and 0 split evenly. */
function games(scale: number): Game[] {
  const list: Game[] = [];
  const add = (count: number, game: Game) => { for (let k = 0; k < count * scale; k++) list.push(game); };
  add(7, { i: 0, j: 1, score: 1 }); add(3, { i: 1, j: 0, score: 1 });
  add(6, { i: 1, j: 2, score: 1 }); add(4, { i: 2, j: 1, score: 1 });
  add(2, { i: 2, j: 0, score: 0.5 }); add(4, { i: 0, j: 2, score: 1 }); add(4, { i: 2, j: 0, score: 1 });
  return list;
}

describe("bootstrapRatings", () => {
  it("gives the same intervals for the same seed, and different ones for another seed", () => {
    const a = bootstrapRatings(3, games(1), { rounds: 200, seed: 5 });
    const b = bootstrapRatings(3, games(1), { rounds: 200, seed: 5 });
    const c = bootstrapRatings(3, games(1), { rounds: 200, seed: 6 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("puts the full-data rating inside each interval, low below high", () => {
    const point = fitBradleyTerry(3, games(1));
    const intervals = bootstrapRatings(3, games(1), { rounds: 500, seed: 1, initial: point.strengths });
    intervals.forEach((interval, i) => {
      expect(interval).not.toBeNull();
      expect(interval!.low).toBeLessThan(interval!.high);
      expect(interval!.low).toBeLessThanOrEqual(point.ratings[i]);
      expect(interval!.high).toBeGreaterThanOrEqual(point.ratings[i]);
    });
  });

  it("narrows as the same results are backed by more votes", () => {
    const width = (scale: number) =>
      bootstrapRatings(3, games(scale), { rounds: 400, seed: 3 }).map((interval) => interval!.high - interval!.low);
    const few = width(1);
    const many = width(10);
    for (let i = 0; i < 3; i++) {
      // About √10 ≈ 3.2 times narrower; asking for 2× leaves room for resampling noise.
      expect(many[i] * 2, `model ${i}`).toBeLessThan(few[i]);
    }
  });

  it("has no interval without rounds, and none for a model that never played", () => {
    expect(bootstrapRatings(3, games(1), { rounds: 0, seed: 1 })).toEqual([null, null, null]);
    const intervals = bootstrapRatings(4, games(1), { rounds: 50, seed: 1 });
    expect(intervals[3]).toBeNull();
    expect(intervals[0]).not.toBeNull();
  });
});
