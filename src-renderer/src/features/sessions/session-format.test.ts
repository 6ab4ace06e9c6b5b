import { describe, expect, it } from "vitest";
import { promptFirstLine, shortHash, verdictWithNames } from "./session-format";

describe("session-format", () => {
  it("takes the prompt's first non-empty line: the completion's, or the last user message's", () => {
    expect(promptFirstLine({ mode: "completion", text: "\n  Salamu za asubuhi  \nkwa Kiswahili" })).toBe("Salamu za asubuhi");
    expect(promptFirstLine({
      mode: "chat", chatTemplate: "model",
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "صباح الخير\nكيف حالك" }, { role: "assistant", content: "…" }],
    })).toBe("صباح الخير");
    expect(promptFirstLine({ mode: "completion", text: " \n " })).toBe("(empty prompt)");
  });

  it("names the winner of a verdict", () => {
    expect(verdictWithNames("a", ["base", "continued"])).toBe("base is better");
    expect(verdictWithNames("b", ["base", "continued"])).toBe("continued is better");
    expect(verdictWithNames("both-bad", ["base", "continued"])).toBe("Both are bad");
  });


  it("shortens a sha256 to 12 digits", () => {
    expect(shortHash("3f2a9c0d1e4b5a6978877665544332211ffeeddccbbaa99887766554433221100")).toBe("3f2a9c0d1e4b");
    expect(shortHash(null)).toBe("—");
  });
});
