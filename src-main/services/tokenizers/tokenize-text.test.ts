import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DESCRIBED_TOKENS, TokenizeRequestSchema, type TokenPiece } from "../../contract/tokenize";
import { bpeVocabulary, spmVocabulary } from "../../fixtures/fixture-tokenizers";
import { writeTruncatedCopy } from "../../test-support/fixture-files";
import { bpeId, loadFixtureTokenizers, spmId, type FixtureTokenizers } from "../../test-support/fixture-tokenizer-models";
import { useTempDir } from "../../test-support/temp-dir";
import { startServices, type TestServices } from "../../test-support/test-services";
import { countText } from "./text-counts";
import { describeTokens, tokenizeForModels, tokenizeText, tokenizerInfo } from "./tokenize-text";
import { TokenizerPool } from "./tokenizer-pool";

const tmp = useTempDir("tokenize-text");
let tokenizers: FixtureTokenizers;
beforeAll(async () => {
  tokenizers = await loadFixtureTokenizers(tmp.join("models"));
});
afterAll(() => tokenizers.dispose());

const PLAIN = { addSpecial: false, parseSpecial: false };
const ADD_SPECIAL = { addSpecial: true, parseSpecial: false };
const utf8 = (text: string) => [...Buffer.from(text, "utf8")];
/** Each token as [piece, kind, start, end]. */
const laidOut = (tokens: TokenPiece[]) => tokens.map(({ piece, kind, start, end }) => [piece, kind, start, end]);

/** Thai, Chinese, Arabic and an emoji (a surrogate pair): none of them in either fixture vocabulary. */
const SCRIPTS = "ก 中 ع 😀";

describe("tokenizeText", () => {
  it("gives the text's own tokens, nothing added", () => {
    expect(tokenizeText(tokenizers.spm, "Hello world", PLAIN)).toEqual([spmId(" Hello"), spmId(" world")]);
    expect(tokenizeText(tokenizers.bpe, "Hello world", PLAIN)).toEqual([bpeId("Hello"), bpeId(" world")]);
  });

  it("adds BOS and EOS as each vocabulary asks: Llama-2 style BOS only; the BPE fixture both", () => {
    expect(tokenizeText(tokenizers.spm, "Hello world", ADD_SPECIAL)).toEqual([1, spmId(" Hello"), spmId(" world")]);
    expect(tokenizeText(tokenizers.bpe, "Hello world", ADD_SPECIAL))
      .toEqual([bpeId("<|begin_of_text|>"), bpeId("Hello"), bpeId(" world"), bpeId("<|end_of_text|>")]);
    expect(tokenizeText(tokenizers.spm, "", ADD_SPECIAL)).toEqual([1]);
  });

  it("reads special-token text as the special token only when asked", () => {
    expect(tokenizeText(tokenizers.bpe, "<|im_start|>ya", { addSpecial: false, parseSpecial: true })).toEqual([bpeId("<|im_start|>"), bpeId("y"), bpeId("a")]);
    expect(tokenizeText(tokenizers.bpe, "<|im_start|>ya", PLAIN)).toEqual(utf8("<|im_start|>ya"));
  });
});

describe("describeTokens", () => {
  it("lays SentencePiece byte fallback over the text: a character's bytes share its range", () => {
    const ids = tokenizeText(tokenizers.spm, SCRIPTS, PLAIN);
    const { tokens, detokenized, roundTrips } = describeTokens(tokenizers.spm, SCRIPTS, ids, PLAIN);
    const byte = (value: number, start: number, end: number) => [`<0x${value.toString(16).toUpperCase()}>`, "byte", start, end];
    expect(laidOut(tokens)).toEqual([
      [" ", "normal", null, null], // the space SentencePiece puts before the text
      byte(0xe0, 0, 1), byte(0xb8, 0, 1), byte(0x81, 0, 1),
      [" ", "normal", 1, 2],
      byte(0xe4, 2, 3), byte(0xb8, 2, 3), byte(0xad, 2, 3),
      [" ", "normal", 3, 4],
      byte(0xd8, 4, 5), byte(0xb9, 4, 5),
      [" ", "normal", 5, 6],
      byte(0xf0, 6, 8), byte(0x9f, 6, 8), byte(0x98, 6, 8), byte(0x80, 6, 8),
    ]);
    expect(tokens.map((token) => token.bytes)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(tokens.map((token) => token.id)).toEqual(ids);
    expect({ detokenized, roundTrips }).toEqual({ detokenized: SCRIPTS, roundTrips: true });
  });

  it("marks byte-level BPE tokens that are parts of characters as partial", () => {
    const ids = tokenizeText(tokenizers.bpe, SCRIPTS, PLAIN);
    const { tokens, roundTrips } = describeTokens(tokenizers.bpe, SCRIPTS, ids, PLAIN);
    const part = (value: number, start: number, end: number) => [`<0x${value.toString(16).toUpperCase()}>`, "partial", start, end];
    expect(laidOut(tokens)).toEqual([
      part(0xe0, 0, 1), part(0xb8, 0, 1), part(0x81, 0, 1), [" ", "normal", 1, 2],
      part(0xe4, 2, 3), part(0xb8, 2, 3), part(0xad, 2, 3), [" ", "normal", 3, 4],
      part(0xd8, 4, 5), part(0xb9, 4, 5), [" ", "normal", 5, 6],
      part(0xf0, 6, 8), part(0x9f, 6, 8), part(0x98, 6, 8), part(0x80, 6, 8),
    ]);
    expect(roundTrips).toBe(true);
  });

  it("leaves added BOS/EOS without a range and out of the detokenized text", () => {
    for (const model of [tokenizers.spm, tokenizers.bpe]) {
      const ids = tokenizeText(model, "Habari ya dunia", ADD_SPECIAL);
      const { tokens, detokenized, roundTrips } = describeTokens(model, "Habari ya dunia", ids, ADD_SPECIAL);
      expect(tokens[0]).toMatchObject({ kind: "control", start: null, end: null });
      expect(tokens.slice(1, 4).map(({ piece, start, end }) => [piece.trim(), start, end])).toEqual([["Habari", 0, 6], ["ya", 6, 9], ["dunia", 9, 15]]);
      expect({ detokenized, roundTrips }).toEqual({ detokenized: "Habari ya dunia", roundTrips: true });
    }
    const bpe = describeTokens(tokenizers.bpe, "ya", tokenizeText(tokenizers.bpe, "ya", ADD_SPECIAL), ADD_SPECIAL).tokens;
    expect(bpe.at(-1)).toMatchObject({ piece: "<|end_of_text|>", kind: "control", start: null, end: null });
  });

  it("places special tokens spelled in the text, and says so when llama.cpp's text differs from the input", () => {
    const options = { addSpecial: false, parseSpecial: true };
    const bpe = describeTokens(tokenizers.bpe, "<|im_start|>ya", tokenizeText(tokenizers.bpe, "<|im_start|>ya", options), options);
    expect(laidOut(bpe.tokens)).toEqual([["<|im_start|>", "control", 0, 12], ["y", "normal", 12, 13], ["a", "normal", 13, 14]]);
    expect(bpe.roundTrips).toBe(true);
    // SentencePiece puts a space after a special token, and llama.cpp's detokenizer keeps it.
    const spm = describeTokens(tokenizers.spm, "</s>ya", tokenizeText(tokenizers.spm, "</s>ya", options), options);
    expect(laidOut(spm.tokens)).toEqual([["</s>", "control", 0, 4], [" ya", "normal", 4, 6]]);
    expect({ detokenized: spm.detokenized, roundTrips: spm.roundTrips }).toEqual({ detokenized: "</s> ya", roundTrips: false });
  });
});

describe("tokenizerInfo", () => {
  it("names the tokenizer and says what add_special adds", () => {
    const modelInfo = { id: "m1", path: tokenizers.paths.spm, fileName: "fixture-spm-tokenizer.gguf", metadata: null } as never;
    expect(tokenizerInfo(tokenizers.spm, modelInfo)).toEqual({
      modelId: "m1", name: "fixture-spm-tokenizer.gguf", path: tokenizers.paths.spm,
      vocabularyType: "spm", vocabularySize: spmVocabulary().length, addsBos: true, addsEos: false,
    });
    expect(tokenizerInfo(tokenizers.bpe, modelInfo)).toMatchObject({ vocabularyType: "bpe", vocabularySize: bpeVocabulary().entries.length, addsBos: true, addsEos: true });
  });
});

describe("tokenizeForModels", () => {
  let services: TestServices;
  let pool: TokenizerPool;
  beforeAll(async () => {
    services = await startServices(tmp.join("workspace"));
    pool = new TokenizerPool(services.models);
  });
  afterAll(async () => {
    await pool.dispose();
    await services.dispose();
  });

  it("answers for every tokenizer at once; one whose file is broken answers with its error", async () => {
    const broken = tmp.join("broken-tokenizer.gguf");
    await writeTruncatedCopy(tokenizers.paths.spm, broken, 4000);
    const { added } = await services.models.add([tokenizers.paths.spm, broken, tokenizers.paths.bpe]);
    const text = "Habari ya dunia 你好";
    const request = TokenizeRequestSchema.parse({ text, modelIds: added.map((model) => model.id) });
    const { counts, results: [spm, failed, bpe] } = await tokenizeForModels(services.models, pool, request);

    expect(counts).toEqual(countText(text));
    // " Habari" " ya" " dunia" " " and 你好's six bytes.
    expect(spm.tokens.map((token) => token.kind)).toEqual(["normal", "normal", "normal", "normal", ...Array(6).fill("byte")]);
    expect(spm.cost).toMatchObject({ tokens: 10, byteFallbackTokens: 6, byteFallbackShare: 0.6, tokensPerWord: 10 / counts.words, bytesPerToken: 22 / 10 });
    expect(spm).toMatchObject({ tokenizer: { name: "fixture-spm-tokenizer", vocabularyType: "spm" }, detokenized: text, roundTrips: true, error: null });
    expect(bpe.tokens.map((token) => token.kind)).toEqual(["normal", "normal", "normal", "normal", ...Array(6).fill("partial")]);
    expect(bpe.cost).toMatchObject({ tokens: 10, byteFallbackTokens: 6 });

    expect(failed).toMatchObject({ tokens: [], roundTrips: false, cost: { tokens: 0 }, error: { code: "CORRUPT_GGUF", file: broken } });
    expect(failed.tokenizer).toMatchObject({ modelId: added[1].id, name: "broken-tokenizer.gguf", path: broken });
  });

  it("gives every id of a long text but describes only the first MAX_DESCRIBED_TOKENS; costs count them all", async () => {
    const model = services.models.list().find((candidate) => candidate.path === tokenizers.paths.spm)!;
    // " ya" and 你's three byte tokens, then "y" "a" and 你's bytes 1,999 times: 9,999 tokens, 6,000 of them bytes.
    const text = "ya你".repeat(2000);
    const request = TokenizeRequestSchema.parse({ text, modelIds: [model.id] });
    const { results: [spm] } = await tokenizeForModels(services.models, pool, request);
    expect(spm.ids).toEqual(tokenizeText(tokenizers.spm, text, PLAIN));
    expect(spm.ids).toHaveLength(9999);
    expect(spm.tokens).toHaveLength(MAX_DESCRIBED_TOKENS);
    expect(spm.tokens.map((token) => token.id)).toEqual(spm.ids.slice(0, MAX_DESCRIBED_TOKENS));
    // Token 4,999 is the "y" of the 1,000th repetition after the first: character 3,000.
    expect(spm.tokens.at(-1)).toMatchObject({ piece: "y", kind: "normal", start: 3000, end: 3001 });
    expect(spm.cost).toMatchObject({ tokens: 9999, byteFallbackTokens: 6000 });
    expect(spm.roundTrips).toBe(true);
  });
});
