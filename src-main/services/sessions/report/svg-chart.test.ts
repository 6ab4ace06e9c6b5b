import { describe, expect, it } from "vitest";
import { linearScale, niceTicks } from "./svg-chart";

describe("niceTicks", () => {
  it("covers the range with steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(881, 1346, 6)).toEqual([800, 900, 1000, 1100, 1200, 1300, 1400]);
    expect(niceTicks(0, 48.3, 5)).toEqual([0, 10, 20, 30, 40, 50]);
    // 0.3 / 0.05 is 5.999… in floating point: the ticks still end on 0.3, written round.
    expect(niceTicks(0.1, 0.3, 4)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it("gives the one value of an empty range", () => {
    expect(niceTicks(1000, 1000)).toEqual([1000]);
  });
});

describe("linearScale", () => {
  it("maps the domain's ends onto the range's, inverted ranges included", () => {
    const y = linearScale(0, 1, 212, 12);
    expect(y(0)).toBe(212);
    expect(y(0.55)).toBeCloseTo(102, 10);
    expect(y(1)).toBe(12);
  });
});
