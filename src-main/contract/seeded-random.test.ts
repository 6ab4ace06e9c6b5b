import { describe, expect, it } from "vitest";
import { mulberry32, randomIndex } from "./seeded-random";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: number) => { const random = mulberry32(seed); return Array.from({ length: 20 }, () => random()); };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("yields floats in [0, 1) spread evenly enough for resampling", () => {
    const random = mulberry32(1);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    let outside = 0;
    for (let k = 0; k < draws; k++) {
      const value = random();
      if (!(value >= 0 && value < 1)) outside++;
      else buckets[Math.floor(value * 10)]++;
    }
    expect(outside).toBe(0);
    // Each bucket expects 10,000 with a standard deviation of about 95.
    for (const count of buckets) expect(Math.abs(count - draws / 10)).toBeLessThan(500);
  });

  it("randomIndex stays within [0, size) and reaches every index", () => {
    const random = mulberry32(9);
    const seen = new Set<number>();
    for (let k = 0; k < 1000; k++) {
      const index = randomIndex(random, 7);
      expect(Number.isInteger(index) && index >= 0 && index < 7).toBe(true);
      seen.add(index);
    }
    expect(seen.size).toBe(7);
  });
});
