import { describe, expect, it } from "vitest";
import { quantileOfSorted } from "./percentile";

describe("quantileOfSorted", () => {
  it("returns the ends at 0 and 1 and the median at 0.5", () => {
    expect(quantileOfSorted([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantileOfSorted([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(quantileOfSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileOfSorted([7], 0.975)).toBe(7);
  });

  it("interpolates linearly between neighbouring ranks (numpy's default)", () => {
    // numpy.percentile([10, 20, 30, 40], 25) == 17.5: position 0.75 between 10 and 20.
    expect(quantileOfSorted([10, 20, 30, 40], 0.25)).toBeCloseTo(17.5, 12);
    // position 0.025 · 100 = 2.5 → halfway between the 3rd and 4th values.
    const hundredAndOne = Array.from({ length: 101 }, (_, i) => i * 2);
    expect(quantileOfSorted(hundredAndOne, 0.025)).toBeCloseTo(5, 12);
  });

  it("refuses no values and quantiles outside [0, 1]", () => {
    expect(() => quantileOfSorted([], 0.5)).toThrow();
    expect(() => quantileOfSorted([1, 2], 1.5)).toThrow();
  });
});
