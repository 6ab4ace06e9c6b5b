import type { Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bpeId, loadFixtureTokenizers, spmId, type FixtureTokenizers } from "../test-support/fixture-tokenizer-models";
import { useTempDir } from "../test-support/temp-dir";
import { tokenPiecesOf, utf8CharLength } from "./token-pieces";

const tmp = useTempDir("token-pieces");
let tokenizers: FixtureTokenizers;
beforeAll(async () => {
  tokenizers = await loadFixtureTokenizers(tmp.join("models"));
});
afterAll(() => tokenizers.dispose());

const facts = (model: "spm" | "bpe", id: number) => {
  const { kind, bytes, piece } = tokenPiecesOf(tokenizers[model]).info(id as Token);
  return { kind, bytes: [...bytes], piece };
};

describe("tokenPiecesOf on SentencePiece", () => {
  it("turns ▁ into a space in a normal piece, as token_to_piece does", () => {
    expect(facts("spm", spmId(" Habari"))).toEqual({ kind: "normal", bytes: [...Buffer.from(" Habari")], piece: " Habari" });
    expect(facts("spm", spmId(" "))).toEqual({ kind: "normal", bytes: [0x20], piece: " " });
  });

  it("gives a byte token its one byte, written <0xNN> when it is not a character on its own", () => {
    expect(facts("spm", spmId("<0xE0>"))).toEqual({ kind: "byte", bytes: [0xe0], piece: "<0xE0>" });
    expect(facts("spm", spmId("<0x0A>"))).toEqual({ kind: "byte", bytes: [0x0a], piece: "\n" });
  });

  it("gives special tokens their text: BOS and EOS are control, <unk> unknown", () => {
    expect(facts("spm", 1)).toEqual({ kind: "control", bytes: [...Buffer.from("<s>")], piece: "<s>" });
    expect(facts("spm", 2)).toMatchObject({ kind: "control", piece: "</s>" });
    expect(facts("spm", 0)).toMatchObject({ kind: "unknown", piece: "<unk>" });
  });
});

describe("tokenPiecesOf on byte-level BPE", () => {
  it("reads a normal token's text through GPT-2's byte table", () => {
    expect(facts("bpe", bpeId(" dunia"))).toEqual({ kind: "normal", bytes: [...Buffer.from(" dunia")], piece: " dunia" });
    expect(facts("bpe", 0x0a)).toEqual({ kind: "normal", bytes: [0x0a], piece: "\n" }); // "Ċ" in the vocabulary
  });

  it("marks a token that is part of a character as partial", () => {
    // "ก" is E0 B8 81: the fixture has no merges for it, so each byte is a token (id = byte).
    expect(facts("bpe", 0xe0)).toEqual({ kind: "partial", bytes: [0xe0], piece: "<0xE0>" });
    expect(facts("bpe", 0x81)).toEqual({ kind: "partial", bytes: [0x81], piece: "<0x81>" });
  });

  it("gives control tokens their text", () => {
    expect(facts("bpe", bpeId("<|im_start|>"))).toEqual({ kind: "control", bytes: [...Buffer.from("<|im_start|>")], piece: "<|im_start|>" });
  });

  it("computes each token once per model", () => {
    const pieces = tokenPiecesOf(tokenizers.bpe);
    expect(tokenPiecesOf(tokenizers.bpe)).toBe(pieces);
    const the = bpeId(" the") as Token;
    expect(pieces.info(the)).toBe(pieces.info(the));
    expect(tokenPiecesOf(tokenizers.spm)).not.toBe(pieces);
  });
});

describe("utf8CharLength", () => {
  const at0 = (...bytes: number[]) => utf8CharLength(Uint8Array.from(bytes), 0);

  it("measures whole characters of one to four bytes", () => {
    expect(at0(0x41)).toBe(1);
    expect(at0(0xc3, 0xa9)).toBe(2); // é
    expect(at0(0xe0, 0xb8, 0x81)).toBe(3); // ก
    expect(at0(0xf0, 0x9f, 0x98, 0x80)).toBe(4); // 😀
  });

  it("refuses cut, stray, overlong, surrogate and out-of-range sequences", () => {
    expect(at0(0xe0, 0xb8)).toBe(0); // cut short
    expect(at0(0x81)).toBe(0); // a continuation byte on its own
    expect(at0(0xc0, 0x80)).toBe(0); // overlong NUL
    expect(at0(0xe0, 0x80, 0x80)).toBe(0); // overlong
    expect(at0(0xed, 0xa0, 0x80)).toBe(0); // U+D800, a surrogate
    expect(at0(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
  });
});
