import { describe, expect, it } from "vitest";
import { SamplingParamsSchema } from "../contract/generation";
import { makeComparison } from "./comparison-factory";

describe("makeComparison", () => {
  it("fills every field from a few, with unique ids and votes in order", () => {
    const first = makeComparison({ panes: [{ name: "alpha" }, { name: "beta", sha256: "ab".repeat(32) }], votes: [{ winner: "a" }, { winner: "tie", pair: [1, 0] }] });
    const second = makeComparison({ panes: [{ name: "alpha" }] });
    expect(first.id).not.toBe(second.id);
    expect(Date.parse(second.createdAt)).toBeGreaterThan(Date.parse(first.createdAt));
    expect(first.panes[0].model).toMatchObject({ name: "alpha", sha256: null });
    expect(first.panes[1].model.sha256).toBe("ab".repeat(32));
    expect(first.panes[0].params).toEqual(SamplingParamsSchema.parse({}));
    expect(first.prompt.mode).toBe("completion");
    expect(first.panes[0].output.renderedPrompt).toBe(first.prompt.mode === "completion" ? first.prompt.text : "");
    expect(first.votes.map((vote) => [vote.pair, vote.winner])).toEqual([[[0, 1], "a"], [[1, 0], "tie"]]);
    expect(new Set(first.votes.map((vote) => vote.id)).size).toBe(2);
  });

  it("takes a chat prompt and renders it for every pane by default", () => {
    const comparison = makeComparison({
      prompt: { mode: "chat", messages: [{ role: "user", content: "Habari?" }] },
      panes: [{ name: "alpha" }, { name: "beta", renderedPrompt: "[INST] Habari? [/INST]" }],
    });
    expect(comparison.prompt).toMatchObject({ mode: "chat", chatTemplate: "model" });
    expect(comparison.panes[0].output.renderedPrompt).toContain("Habari?");
    expect(comparison.panes[1].output.renderedPrompt).toBe("[INST] Habari? [/INST]");
  });

  it("refuses what the session schema refuses", () => {
    expect(() => makeComparison({ panes: [] })).toThrow();
    expect(() => makeComparison({ panes: [{ name: "alpha" }], language: "swahili" })).toThrow();
    expect(() => makeComparison({ panes: [{ name: "alpha" }], votes: [{ winner: "a", rater: "" }] })).toThrow();
  });
});
