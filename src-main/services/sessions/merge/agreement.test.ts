import { describe, expect, it } from "vitest";
import { cohensKappa, fleissKappa } from "./agreement";

describe("cohensKappa", () => {
  it("matches the textbook case: 50 items, 35 agreed, chance 0.5 → 0.4", () => {
    // Yes/yes 20, no/no 15, yes/no 5, no/yes 10: p_o = 35/50 = 0.7; A says yes 25/50, B 30/50;
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4.
    const labels: [string, string][] = [
      ...Array<[string, string]>(20).fill(["yes", "yes"]), ...Array<[string, string]>(15).fill(["no", "no"]),
      ...Array<[string, string]>(5).fill(["yes", "no"]), ...Array<[string, string]>(10).fill(["no", "yes"]),
    ];
    expect(cohensKappa(labels)).toBeCloseTo(0.4, 12);
  });

  it("is 1 for full agreement, negative below chance, null when undefined", () => {
    expect(cohensKappa([["a", "a"], ["b", "b"], ["tie", "tie"]])).toBe(1);
    // Always disagreeing on two balanced categories: p_o = 0, p_e = 0.5 → −1.
    expect(cohensKappa([["a", "b"], ["b", "a"]])).toBe(-1);
    expect(cohensKappa([])).toBeNull();
    expect(cohensKappa([["a", "a"], ["a", "a"]])).toBeNull();
  });
});

describe("fleissKappa", () => {
  it("matches Fleiss's worked example (10 items, 14 raters, 5 categories): 0.210", () => {
    // The table from Fleiss (1971) as reproduced on Wikipedia's "Fleiss' kappa" page; P̄ = 0.378, P̄e = 0.213.
    const rows = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const items = rows.map((row) => Object.fromEntries(row.map((count, category) => [`c${category + 1}`, count])));
    expect(fleissKappa(items)).toBeCloseTo(0.2099, 4);
  });

  it("equals 1 for full agreement and refuses items rated by different numbers of raters", () => {
    expect(fleissKappa([{ a: 3 }, { b: 3 }, { tie: 3 }])).toBe(1);
    expect(fleissKappa([])).toBeNull();
    expect(() => fleissKappa([{ a: 3 }, { a: 1, b: 1 }])).toThrow(/same number of raters/);
  });
});
