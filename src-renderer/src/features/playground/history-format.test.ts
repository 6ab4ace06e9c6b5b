import type { HistoryEntry } from "@contract/prompts";
import { describe, expect, it } from "vitest";
import { entryPreview, entryScope, entryTime } from "./history-format";

type Draft = HistoryEntry["draft"];
const draft = (overrides: Partial<Draft>): Pick<HistoryEntry, "draft"> => ({
  draft: { mode: "completion", text: "", messages: [], chatTemplate: "model", customTemplate: null, variables: [], ...overrides },
});

describe("history entries", () => {
  it("preview the prompt in one line, or the last user message of a chat", () => {
    expect(entryPreview(draft({ text: "Translate into {{lang}}:\n  {{text}}" }))).toBe("Translate into {{lang}}: {{text}}");
    expect(entryPreview(draft({
      mode: "chat",
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "مرحبا" }, { role: "assistant", content: "أهلا" }],
    }))).toBe("مرحبا");
    expect(entryPreview(draft({ text: "  \n" }))).toBe("(empty prompt)");
    const long = entryPreview(draft({ text: "ж".repeat(100) }));
    expect([...long]).toHaveLength(80);
    expect(long.endsWith("ж…")).toBe(true);
  });

  it("count rows and models", () => {
    const output = (row: number) => ({ modelId: "m", modelName: "m", row, text: "", stats: null, error: null });
    expect(entryScope({ modelIds: ["a", "b"], outputs: [output(0), output(0), output(1), output(1)] })).toBe("2 rows × 2 models");
    expect(entryScope({ modelIds: ["a"], outputs: [output(0)] })).toBe("1 model");
  });

  it("show the time, and the date too when it is not today", () => {
    const now = new Date(2025, 10, 22, 18, 0);
    expect(entryTime(new Date(2025, 10, 22, 9, 5).toISOString(), now)).toBe("09:05");
    expect(entryTime(new Date(2025, 10, 21, 23, 59).toISOString(), now)).toBe("2025-11-21 23:59");
  });
});
