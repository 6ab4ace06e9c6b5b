/**
 * Answers of tokenize.* for the Tokenizers view's tests, parsed with the contract's schemas so a
 * fixture that drifts from it fails loudly. The figures are worked out by hand in the comments.
 */
import {
  FertilityReportSchema, TokenizationSchema, TokenizerInfoSchema,
  type FertilityReport, type FertilityRow, type Tokenization, type TokenizerInfo, type TokenPiece,
} from "@contract/tokenize";
import { model } from "../../test/fixtures";

/**
 * "Hi ก": ก (U+0E01) is 3 UTF-8 bytes (E0 B8 81). Intl.Segmenter finds 2 words ("Hi", "ก"), 4
 * characters, 6 bytes.
 */
export const TEXT = "Hi ก";
export const TEXT_COUNTS = { words: 2, characters: 4, bytes: 6 };

export function tokenizerInfo(overrides: Partial<TokenizerInfo> & Pick<TokenizerInfo, "modelId" | "name">): TokenizerInfo {
  return TokenizerInfoSchema.parse({
    path: `/home/ana/workbench/models/${overrides.name}.gguf`, vocabularyType: "spm", vocabularySize: 512, addsBos: true, addsEos: false, ...overrides,
  });
}

const piece = (id: number, text: string, kind: TokenPiece["kind"], bytes: number, start: number | null, end: number | null): TokenPiece =>
  ({ id, piece: text, kind, bytes, start, end });

/** Cost from the counts above: tokens / 2 words, tokens / 4 characters, 6 bytes / tokens. */
function cost(tokens: number, byteFallbackTokens: number) {
  return {
    tokens, tokensPerWord: tokens / 2, tokensPerCharacter: tokens / 4, bytesPerToken: 6 / tokens,
    byteFallbackTokens, byteFallbackShare: byteFallbackTokens / tokens,
  };
}

/** A tokenization as main sends it: every id (here all described) beside the described tokens. */
function tokenization(input: Omit<Tokenization, "ids">): Tokenization {
  return TokenizationSchema.parse({ ...input, ids: input.tokens.map((token) => token.id) });
}

/** SentencePiece with byte fallback: ก is three byte tokens sharing its range. 5 tokens, 3 of them bytes. */
export function spmTokenization(addSpecial = false): Tokenization {
  const bos = addSpecial ? [piece(1, "<s>", "control", 3, null, null)] : [];
  const tokens = [...bos, piece(412, "Hi", "normal", 2, 0, 2), piece(35, " ", "normal", 1, 2, 3),
    piece(227, "<0xE0>", "byte", 1, 3, 4), piece(187, "<0xB8>", "byte", 1, 3, 4), piece(132, "<0x81>", "byte", 1, 3, 4)];
  return tokenization({
    tokenizer: tokenizerInfo({ modelId: "m-spm", name: "fixture-spm-tokenizer" }),
    tokens, detokenized: TEXT, roundTrips: true, cost: cost(tokens.length, 3), error: null,
  });
}

/** Byte-level BPE: ก as a two-byte and a one-byte partial token. 4 tokens, 2 partial. */
export function bpeTokenization(): Tokenization {
  return tokenization({
    tokenizer: tokenizerInfo({ modelId: "m-bpe", name: "fixture-bpe-tokenizer", vocabularyType: "bpe", vocabularySize: 300, addsBos: false }),
    tokens: [piece(71, "Hi", "normal", 2, 0, 2), piece(220, " ", "normal", 1, 2, 3), piece(290, "<0xE0><0xB8>", "partial", 2, 3, 4), piece(129, "<0x81>", "partial", 1, 3, 4)],
    detokenized: TEXT, roundTrips: true, cost: cost(4, 2), error: null,
  });
}

/** A lossy WordPiece-like vocabulary: lower-cases, and ก is unknown. Detokenized "hi [UNK]" differs at character 1. */
export function lossyTokenization(): Tokenization {
  return tokenization({
    tokenizer: tokenizerInfo({ modelId: "m-wpm", name: "lossy-wpm", vocabularyType: "wpm", vocabularySize: 30_522 }),
    tokens: [piece(7592, "hi", "normal", 2, null, null), piece(100, "[UNK]", "unknown", 5, null, null)],
    detokenized: "hi [UNK]", roundTrips: false, cost: cost(2, 0), error: null,
  });
}

export const BROKEN_ERROR = { code: "CORRUPT_GGUF" as const, message: "broken.gguf: its vocabulary cannot be read.", file: "/home/ana/workbench/models/broken.gguf" };

export function brokenTokenization(): Tokenization {
  return tokenization({
    tokenizer: tokenizerInfo({ modelId: "m-broken", name: "broken" }),
    tokens: [], detokenized: "", roundTrips: false, cost: { tokens: 0, tokensPerWord: null, tokensPerCharacter: null, bytesPerToken: null, byteFallbackTokens: 0, byteFallbackShare: null }, error: BROKEN_ERROR,
  });
}

/** The workspace behind them: a tokenizer-only SPM file, a BPE checkpoint, a lossy one, a broken one, and a corrupt header (not a tokenizer). */
export const LAB_MODELS = [
  model({ id: "m-spm", fileName: "fixture-spm-tokenizer.gguf", metadata: { name: "fixture-spm-tokenizer", tensorCount: 0, tokenizerModel: "llama" } }),
  model({ id: "m-bpe", fileName: "fixture-bpe-tokenizer.gguf", metadata: { name: "fixture-bpe-tokenizer", tokenizerModel: "gpt2" } }),
  model({ id: "m-wpm", fileName: "lossy-wpm.gguf", metadata: { name: "lossy-wpm", tokenizerModel: "bert" } }),
  model({ id: "m-broken", fileName: "broken.gguf", metadata: { name: "broken" } }),
  model({ id: "m-corrupt", fileName: "corrupt.gguf", status: "error", metadata: null, memory: null }),
];

/** Each lab model's answer for TEXT, by id. */
export function tokenizationFor(modelId: string, addSpecial: boolean): Tokenization {
  const answers: Record<string, () => Tokenization> = {
    "m-spm": () => spmTokenization(addSpecial), "m-bpe": bpeTokenization, "m-wpm": lossyTokenization, "m-broken": brokenTokenization,
  };
  return answers[modelId]();
}

/**
 * A report over three languages and two tokenizers. Per tokenizer, eng_Latn is the reference:
 * premium = tokens / the tokenizer's eng_Latn tokens (spm: 100, bpe: 80).
 *   spm: eng 100 tokens / 50 words = 2.00; swh 150/40 = 3.75, premium 1.50; tha 300/20 = 15.00, premium 3.00
 *   bpe: eng  80 / 50 = 1.60;             swh 100/40 = 2.50, premium 1.25; tha 400/20 = 20.00, premium 5.00
 */
export function fertilityReport(overrides: Partial<FertilityReport> = {}): FertilityReport {
  const spm = tokenizerInfo({ modelId: "m-spm", name: "fixture-spm-tokenizer" });
  const bpe = tokenizerInfo({ modelId: "m-bpe", name: "fixture-bpe-tokenizer", vocabularyType: "bpe" });
  const counts: Record<string, { words: number; characters: number; bytes: number }> = {
    eng_Latn: { words: 50, characters: 280, bytes: 280 },
    swh_Latn: { words: 40, characters: 300, bytes: 300 },
    tha_Thai: { words: 20, characters: 250, bytes: 740 },
  };
  const row = (tokenizer: TokenizerInfo, language: string, tokens: number, premium: number | null): FertilityRow => {
    const { words, characters, bytes } = counts[language];
    return {
      modelId: tokenizer.modelId, tokenizer: tokenizer.name, language, sentences: 10, words, characters, bytes, tokens,
      tokensPerWord: tokens / words, tokensPerCharacter: tokens / characters, bytesPerToken: bytes / tokens,
      byteFallbackTokens: 0, byteFallbackShare: 0, premium,
    };
  };
  return FertilityReportSchema.parse({
    corpusDir: "/home/ana/workbench/datasets/parallel-demo",
    reference: "eng_Latn",
    languages: ["eng_Latn", "swh_Latn", "tha_Thai"],
    tokenizers: [spm, bpe],
    rows: [
      row(spm, "eng_Latn", 100, 1), row(spm, "swh_Latn", 150, 1.5), row(spm, "tha_Thai", 300, 3),
      row(bpe, "eng_Latn", 80, 1), row(bpe, "swh_Latn", 100, 1.25), row(bpe, "tha_Thai", 400, 5),
    ],
    elapsedMs: 1500,
    ...overrides,
  });
}
