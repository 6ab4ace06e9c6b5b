import type { GeneratedToken } from "@contract/generation";
import { describe, expect, it } from "vitest";
import {
  CHIPS_PER_GROUP, ChipBuilder, GROUP_MAX, GROUP_MIN_AT_NEWLINE, probabilityColor, visibleControls, visibleToken,
} from "./token-chips";

const token = (text: string, logprob: number, id = 0): GeneratedToken => ({ id, text, logprob });

/** "Привет" as a byte-level vocabulary streams it: each letter's first byte adds "", its second the letter. */
function bytesOf(word: string, logprob: number): GeneratedToken[] {
  return [...word].flatMap((letter) => {
    const bytes = [...new TextEncoder().encode(letter)];
    return bytes.map((byte, index) => token(index === bytes.length - 1 ? letter : "", logprob, byte));
  });
}

describe("ChipBuilder", () => {
  it("makes one chip per token when every token has text", () => {
    const chips = new ChipBuilder().update([token("The", -0.1), token(" river", -0.5)]).groups.flat();
    expect(chips).toEqual([
      { start: 0, end: 1, text: "The", probability: Math.exp(-0.1) },
      { start: 1, end: 2, text: " river", probability: Math.exp(-0.5) },
    ]);
  });

  it("groups the byte tokens of a multi-byte character into one chip whose probability is the product", () => {
    // "ж" is two bytes, "中" three, "😀" four: the empty tokens before the completing one belong to it.
    const tokens = [
      token(" ", -0.2), token("", -0.1), token("ж", -0.3),
      token("", -0.4), token("", -0.5), token("中", -0.6),
      token("", -0.01), token("", -0.02), token("", -0.03), token("😀", -0.04),
    ];
    const chips = new ChipBuilder().update(tokens).groups.flat();
    expect(chips.map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 0, end: 1, text: " " },
      { start: 1, end: 3, text: "ж" },
      { start: 3, end: 6, text: "中" },
      { start: 6, end: 10, text: "😀" },
    ]);
    expect(chips[1].probability).toBeCloseTo(Math.exp(-0.1) * Math.exp(-0.3), 12);
    expect(chips[2].probability).toBeCloseTo(Math.exp(-0.4) * Math.exp(-0.5) * Math.exp(-0.6), 12);
    expect(chips[3].probability).toBeCloseTo(Math.exp(-0.1), 12);
  });

  it("keeps a character open across updates until its last byte arrives", () => {
    const builder = new ChipBuilder();
    const tokens = [token("a", -0.1), token("", -0.7)];
    expect(builder.update(tokens).groups.flat().map((chip) => chip.text)).toEqual(["a"]);

    const more = [...tokens, token("", -0.8), token("中", -0.9)];
    const chips = builder.update(more).groups.flat();
    expect(chips.map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 0, end: 1, text: "a" },
      { start: 1, end: 4, text: "中" },
    ]);
    expect(chips[1].probability).toBeCloseTo(Math.exp(-0.7 - 0.8 - 0.9), 12);
  });

  it("reuses the closed groups (same arrays) when only later tokens are added", () => {
    const builder = new ChipBuilder();
    // Words ending in a space: the first group closes after a space once it has CHIPS_PER_GROUP chips.
    const words = Array.from({ length: CHIPS_PER_GROUP + 10 }, (_, index) => token(`w${index} `, -0.1, index));
    const first = builder.update(words);
    expect(first.groups.map((group) => group.length)).toEqual([CHIPS_PER_GROUP, 10]);
    expect(first.closed).toBe(1);

    // The same list again: the very same result.
    expect(builder.update(words)).toBe(first);

    const longer = [...words, token("more", -0.2)];
    const second = builder.update(longer);
    expect(second).not.toBe(first);
    expect(second.groups[0]).toBe(first.groups[0]); // the closed group is not rebuilt, so it does not render again
    expect(second.groups[1]).not.toBe(first.groups[1]);
    expect(second.groups[1].map((chip) => chip.text)).toEqual([...first.groups[1].map((chip) => chip.text), "more"]);
    expect(first.groups[1]).toHaveLength(10); // the earlier result is left as it was

    // An unfinished character changes no group at all.
    expect(builder.update([...longer, token("", -0.3)])).toBe(second);
  });

  it("closes a group where a line ends once it has a few chips, and never mid-word before the maximum", () => {
    const lines = Array.from({ length: 3 * GROUP_MIN_AT_NEWLINE }, (_, index) => token(index % GROUP_MIN_AT_NEWLINE === GROUP_MIN_AT_NEWLINE - 1 ? ".\n" : "a", -0.1));
    const { groups, closed } = new ChipBuilder().update(lines);
    expect(groups.map((group) => group.length)).toEqual([GROUP_MIN_AT_NEWLINE, GROUP_MIN_AT_NEWLINE, GROUP_MIN_AT_NEWLINE]);
    expect(closed).toBe(3);
    expect(groups.every((group) => group.at(-1)!.text.endsWith("\n"))).toBe(true);

    // No spaces (Chinese): one group until the maximum, then the next.
    const chinese = Array.from({ length: GROUP_MAX + 3 }, () => token("中", -0.1));
    expect(new ChipBuilder().update(chinese).groups.map((group) => group.length)).toEqual([GROUP_MAX, 3]);

    // Spaces but short: the group stays open (it flows inline with what comes next).
    const short = new ChipBuilder().update(Array.from({ length: 20 }, () => token("w ", -0.1)));
    expect(short).toMatchObject({ closed: 0 });
    expect(short.groups.flat()).toHaveLength(20);
  });

  it("starts over when the list shrinks (a new run)", () => {
    const builder = new ChipBuilder();
    builder.update([token("one", -0.1), token(" two", -0.1), token("", -0.2)]);

    const chips = builder.update([token("ж", -0.5)]).groups.flat();
    expect(chips).toEqual([{ start: 0, end: 1, text: "ж", probability: Math.exp(-0.5) }]);
  });

  it("starts over when another run's tokens replace the list, even as many or more", () => {
    const builder = new ChipBuilder();
    builder.update([token("one", -0.1), token(" two", -0.1)]);

    expect(builder.update([token("uno", -0.2), token(" dos", -0.2)]).groups.flat().map((chip) => chip.text)).toEqual(["uno", " dos"]);
    const other = [token("", -0.3), token("ж", -0.3), token("!", -0.4)];
    expect(builder.update(other).groups.flat().map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 0, end: 2, text: "ж" },
      { start: 2, end: 3, text: "!" },
    ]);
  });

  it("streams Cyrillic text arriving byte by byte as whole letters", () => {
    const builder = new ChipBuilder();
    const tokens = bytesOf("Привет", -0.1);
    for (let count = 1; count <= tokens.length; count++) builder.update(tokens.slice(0, count));
    const chips = builder.update(tokens).groups.flat();
    expect(chips.map((chip) => chip.text)).toEqual([..."Привет"]);
    expect(chips.every((chip) => chip.end - chip.start === 2)).toBe(true);
    expect(chips.map((chip) => chip.text).join("")).not.toContain("\uFFFD");
  });
});

describe("visibleToken", () => {
  it("shows whitespace, control characters and the part of a character", () => {
    expect(visibleToken(" the")).toBe("␣the");
    expect(visibleToken("a\nb\tc")).toBe("a↵b⇥c");
    expect(visibleToken("\u0000\u001b")).toBe("‹U+0000›‹U+001B›");
    expect(visibleToken("")).toBe("‹part of a character›");
    expect(visibleToken("мир")).toBe("мир");
  });
});

describe("visibleControls", () => {
  it("draws control characters as control pictures and leaves newline, tab and text alone", () => {
    expect(visibleControls("a\u0000b\u0007c\u001bd\u007f")).toBe("a\u2400b\u2407c\u241bd\u2421");
    expect(visibleControls("line\nnext\tcell")).toBe("line\nnext\tcell");
    expect(visibleControls(" السلام")).toBe(" السلام");
  });
});

describe("probabilityColor", () => {
  it("runs from red (unlikely) to green (likely), clamped", () => {
    expect(probabilityColor(0)).toBe("hsl(0 85% 50% / 0.28)");
    expect(probabilityColor(0.5)).toBe("hsl(60 85% 50% / 0.28)");
    expect(probabilityColor(1)).toBe("hsl(120 85% 50% / 0.28)");
    expect(probabilityColor(1.5)).toBe("hsl(120 85% 50% / 0.28)");
  });
});
