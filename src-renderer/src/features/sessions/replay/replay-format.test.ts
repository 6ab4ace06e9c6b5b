import type { ReplayRow } from "@contract/sessions";
import { describe, expect, it } from "vitest";
import { replayStatusText, replaySummary, visibleToken } from "./replay-format";

const row = (status: ReplayRow["status"], overrides: Partial<ReplayRow> = {}): ReplayRow => ({
  comparisonId: "c", pane: 0, model: "m", status, recordedTokens: 4, replayedTokens: 4, firstDifference: null, error: null, ...overrides,
});

describe("replay-format", () => {
  it("tells each outcome, with the first differing token (counted from 1) and invisible characters shown", () => {
    expect(replayStatusText(row("exact"))).toBe("exact ✓");
    expect(replayStatusText(row("diverged", { firstDifference: { index: 0, expected: { id: 1, text: " a" }, actual: { id: 2, text: "\t" } } })))
      .toBe("diverged at token 1: expected « a» got «⇥»");
    expect(replayStatusText(row("diverged", { firstDifference: { index: 3, expected: { id: 1, text: "x" }, actual: null } })))
      .toBe("diverged at token 4: expected «x» got end of output");
    expect(replayStatusText(row("missing-model"))).toBe("missing model");
    expect(replayStatusText(row("failed", { error: { code: "INSUFFICIENT_MEMORY", message: "Not enough RAM." } }))).toBe("failed: Not enough RAM.");
    expect(replayStatusText(row("cancelled"))).toBe("cancelled");
    expect(visibleToken({ text: "" })).toBe("(empty)");
  });

  it("sums up how many panes came out exact, and what happened to the others", () => {
    expect(replaySummary([row("exact"), row("exact")])).toBe("2 of 2 panes exact");
    expect(replaySummary([row("exact"), row("diverged"), row("missing-model"), row("cancelled"), row("cancelled")]))
      .toBe("1 of 5 panes exact (1 diverged, 1 missing a model, 2 cancelled)");
    expect(replaySummary([row("failed")])).toBe("0 of 1 pane exact (1 failed)");
  });
});
