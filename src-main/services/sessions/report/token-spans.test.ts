import { describe, expect, it } from "vitest";
import type { GeneratedToken } from "../../../contract/generation";
import { chipTitle, probabilityClass, renderOutputText, tokenChips } from "./token-spans";

const token = (id: number, text: string, logprob: number, top?: GeneratedToken["top"]): GeneratedToken => ({ id, text, logprob, ...(top ? { top } : {}) });

describe("tokenChips", () => {
  it("joins the tokens of one character (partial UTF-8 adds \"\") with the token that completes it", () => {
    // "ع" is two bytes: the first token adds "", the second the whole character.
    const tokens = [token(1, "", -0.1), token(2, "ع", -0.2), token(3, " x", -0.5)];
    const split = tokenChips(tokens, "ع x")!;
    expect(split.chips.map((chip) => [chip.text, chip.tokens.map((part) => part.id)])).toEqual([["ع", [1, 2]], [" x", [3]]]);
    // exp(-0.1 - 0.2) = 0.740818…: the character's probability is the product of its bytes'.
    expect(split.chips[0].probability).toBeCloseTo(0.740818, 6);
    expect(split.rest).toBe("");
  });

  it("keeps text flushed after the last token as the rest, or gives it to the tokens still waiting for it", () => {
    expect(tokenChips([token(1, "ab", -1)], "abc")).toMatchObject({ chips: [{ text: "ab" }], rest: "c" });
    // The last token held its bytes back (a stop string that did not come): they are its text.
    const waiting = tokenChips([token(1, "ab", -1), token(2, "", -0.5)], "ab\n")!;
    expect(waiting.chips.map((chip) => [chip.text, chip.tokens.length])).toEqual([["ab", 1], ["\n", 1]]);
    expect(waiting.rest).toBe("");
  });

  it("gives up (plain text) without tokens or when they do not spell the start of the text", () => {
    expect(tokenChips([], "abc")).toBeNull();
    expect(tokenChips([token(1, "xy", -1)], "abc")).toBeNull();
  });
});

describe("chipTitle", () => {
  it("names the token and its probability, then its alternatives best first", () => {
    const chosen = token(7, " ya", -0.5, [
      { id: 7, text: " ya", logprob: -0.5 }, { id: 8, text: "\n", logprob: -2.3 }, { id: 9, text: "", logprob: -9 },
    ]);
    // exp(-0.5) = 0.60653 → 60.7 %; exp(-2.3) = 0.10026 → 10.0 %; exp(-9) = 0.000123 → 0.012 %.
    expect(chipTitle({ tokens: [chosen], text: " ya", probability: Math.exp(-0.5) }))
      .toBe("␣ya 60.7%\nalternatives: ␣ya 60.7% · ↵ 10.0% · ‹part of a character› 0.012%");
  });

  it("lists each token of a character with its own probability", () => {
    const parts = [token(1, "", -0.1), token(2, "ع", -0.2)];
    expect(chipTitle({ tokens: parts, text: "ع", probability: Math.exp(-0.3) })).toBe("ع 74.1% (2 tokens)\n1: 90.5%\n2: 81.9%");
  });
});

describe("renderOutputText", () => {
  it("writes a span per chip, classed by probability and escaped, and the rest as text", () => {
    const html = renderOutputText({ text: "<b>!", tokens: [token(1, "<b>", -0.05), token(2, "", -3)] });
    // exp(-0.05) = 0.951 → p9. The waiting token takes the flushed "!": exp(-3) = 0.0498 → p0.
    expect(html).toBe('<span class="p9" title="&lt;b&gt; 95.1%">&lt;b&gt;</span><span class="p0" title="! 5.0%">!</span>');
  });

  it("writes the text alone when there are no tokens", () => {
    expect(renderOutputText({ text: "a & b", tokens: [] })).toBe("a &amp; b");
  });
});

describe("probabilityClass", () => {
  it("puts probabilities in ten bands, the ends included", () => {
    expect([0, 0.0999, 0.1, 0.55, 0.9, 1].map(probabilityClass)).toEqual(["p0", "p0", "p1", "p5", "p9", "p9"]);
  });
});
