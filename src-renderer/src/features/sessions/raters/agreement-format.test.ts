import { describe, expect, it } from "vitest";
import { kappaReading, kappaText } from "./agreement-format";

describe("agreement-format", () => {
  it("names the kappa and the items it is computed on, or why there is none", () => {
    expect(kappaText({ method: "cohen", kappa: 0.6154, items: 12 }, 2)).toBe("Cohen's κ = 0.62 on 12 items");
    expect(kappaText({ method: "fleiss", kappa: -0.05, items: 1 }, 5)).toBe("Fleiss' κ = -0.05 on 1 item");
    expect(kappaText({ method: null, kappa: null, items: 0 }, 1)).toBe("No agreement yet: it needs at least two raters.");
    expect(kappaText({ method: null, kappa: null, items: 0 }, 2)).toBe("No agreement yet: no pair of panes has been judged by every rater.");
  });

  it("reads a kappa with Landis and Koch's words, bounds included below", () => {
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.8, 0.81].map(kappaReading)).toEqual([
      "poor", "slight", "slight", "fair", "fair", "moderate", "substantial", "almost perfect",
    ]);
  });
});
