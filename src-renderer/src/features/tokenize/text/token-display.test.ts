import { describe, expect, it } from "vitest";
import { describeToken, lineDirection, pieceSegments, tokenLines, tokenPlace, visiblePiece } from "./token-display";

const token = (piece: string, overrides: Partial<Parameters<typeof describeToken>[0]> = {}) =>
  ({ id: 5, piece, kind: "normal" as const, bytes: new TextEncoder().encode(piece).length, start: 0, end: piece.length, ...overrides });

describe("pieceSegments", () => {
  it("draws space, newline and tab as marks apart from the text around them", () => {
    expect(pieceSegments(" the")).toEqual([{ text: "·", mark: true }, { text: "the", mark: false }]);
    expect(pieceSegments(".\n\n")).toEqual([{ text: ".", mark: false }, { text: "↵↵", mark: true }]);
    expect(pieceSegments("\tx")).toEqual([{ text: "→", mark: true }, { text: "x", mark: false }]);
  });

  it("keeps a real middle dot as text, and draws other control characters as control pictures", () => {
    expect(pieceSegments("a·b")).toEqual([{ text: "a·b", mark: false }]);
    expect(pieceSegments("\u0000\u001b")).toEqual([{ text: "␀␛", mark: true }]);
  });

  it("leaves any script alone, surrogate pairs included", () => {
    expect(visiblePiece(" مرحبا")).toBe("·مرحبا");
    expect(visiblePiece("😀 ")).toBe("😀·");
  });
});

describe("tokenLines", () => {
  it("ends a line after each token holding a newline, keeping token indices", () => {
    const lines = tokenLines([token("Jambo"), token("\n"), token("สวัสดี"), token(".\n"), token("مرحبا")]);
    expect(lines.map((line) => line.map(({ index }) => index))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it("adds no empty line after a final newline", () => {
    expect(tokenLines([token("a"), token("\n")]).map((line) => line.length)).toEqual([2]);
    expect(tokenLines([])).toEqual([[]]);
  });
});

describe("lineDirection", () => {
  // "Jambo\nسلام": the Arabic word (4 characters at offsets 6–10) as byte tokens, two per character.
  const text = "Jambo\nسلام";
  const arabicBytes = Array.from({ length: 8 }, (_, byte) => token("<0xD8>", { kind: "byte", bytes: 1, start: 6 + Math.floor(byte / 2), end: 7 + Math.floor(byte / 2) }));
  const lines = tokenLines([token("Jambo", { start: 0, end: 5 }), token("\n", { start: 5, end: 6 }), ...arabicBytes]);

  it("takes each line's direction from its text's first letter, not from the pieces", () => {
    expect(lines.map((line) => lineDirection(text, line))).toEqual(["ltr", "rtl"]);
    expect(lineDirection("ภาษาไทย", tokenLines([token("<0xE0>", { kind: "byte", start: 0, end: 1 })])[0])).toBe("ltr");
  });

  it("has none for tokens with no place in the text, or text without letters", () => {
    expect(lineDirection(text, tokenLines([token("[UNK]", { kind: "unknown", start: null, end: null })])[0])).toBeNull();
    expect(lineDirection("2024 ...", tokenLines([token("2024", { start: 0, end: 4 })])[0])).toBeNull();
  });
});

describe("describeToken", () => {
  it("says id, visible piece, bytes, kind and offsets", () => {
    expect(describeToken(token("<0xE3>", { id: 230, kind: "byte", bytes: 1, start: 3, end: 4 }))).toBe("id 230 · “<0xE3>” · 1 byte · Byte fallback · offsets 3–4");
    expect(describeToken(token(" a", { id: 9 }))).toBe("id 9 · “·a” · 2 bytes · Text · offsets 0–2");
  });

  it("says why a token has no place in the text", () => {
    expect(tokenPlace({ kind: "control", start: null, end: null })).toBe("added around the text");
    expect(tokenPlace({ kind: "unknown", start: null, end: null })).toBe("no place in the text (lossy)");
  });
});
