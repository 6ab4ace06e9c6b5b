import { describe, expect, it } from "vitest";
import type { TokenKind } from "../../contract/tokenize";
import { tokenOffsets, type TokenBytes } from "./token-offsets";

const text = (piece: string, kind: TokenKind = "normal"): TokenBytes => ({ bytes: new TextEncoder().encode(piece), kind });
const bytes = (kind: TokenKind, ...values: number[]): TokenBytes => ({ bytes: Uint8Array.from(values), kind });

describe("tokenOffsets", () => {
  it("gives each token its UTF-16 range", () => {
    expect(tokenOffsets("Habari ya", [text("Habari"), text(" ya")])).toEqual([{ start: 0, end: 6 }, { start: 6, end: 9 }]);
  });

  it("skips the space SentencePiece adds before the text", () => {
    expect(tokenOffsets("Hello world", [text(" Hello"), text(" world")])).toEqual([{ start: 0, end: 5 }, { start: 5, end: 11 }]);
    // With a space of its own the text becomes "  Hi": the lone "▁" is the added one and covers nothing.
    expect(tokenOffsets(" Hi", [text(" "), text(" Hi")])).toEqual([null, { start: 0, end: 3 }]);
  });

  it("gives the byte tokens of one character that character's range, surrogate pairs included", () => {
    expect(tokenOffsets("日😀", [bytes("byte", 0xe6), bytes("byte", 0x97), bytes("byte", 0xa5), bytes("partial", 0xf0, 0x9f), bytes("partial", 0x98, 0x80)]))
      .toEqual([{ start: 0, end: 1 }, { start: 0, end: 1 }, { start: 0, end: 1 }, { start: 1, end: 3 }, { start: 1, end: 3 }]);
  });

  it("stretches a token that ends part-way into a character over all of it", () => {
    // "ก a": ก is E0 B8 81; the second token holds its last byte, then " a".
    expect(tokenOffsets("ก a", [bytes("partial", 0xe0, 0xb8), bytes("partial", 0x81, 0x20, 0x61)])).toEqual([{ start: 0, end: 1 }, { start: 0, end: 3 }]);
  });

  it("places special tokens spelled in the text, and skips the space added after them", () => {
    expect(tokenOffsets("<s>hi", [text("<s>", "control"), text(" hi")])).toEqual([{ start: 0, end: 3 }, { start: 3, end: 5 }]);
  });

  it("gives up (null) when the tokens do not spell the text", () => {
    expect(tokenOffsets("Hello", [text(" hello")])).toBeNull(); // lower-cased (BERT)
    expect(tokenOffsets("a?b", [text("a"), text("<unk>", "unknown"), text("b")])).toBeNull();
    expect(tokenOffsets("abc", [text("ab")])).toBeNull(); // text left over
    expect(tokenOffsets("ab", [text("abc")])).toBeNull();
  });

  it("gives an empty text no tokens", () => {
    expect(tokenOffsets("", [])).toEqual([]);
  });
});
