/**
 * The tokenization lab: how each checkpoint's tokenizer cuts a text, and what a language pays in
 * tokens across a parallel corpus. Tokenizers are loaded vocab-only (no weights).
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";
import { LanguageCodeSchema } from "./session";

/** The most tokenizers compared at once. */
export const MAX_TOKENIZERS = 8;

/**
 * What a token stands for:
 * - `normal`: whole characters of text;
 * - `byte`: a byte-fallback token (SentencePiece's `<0xE3>`): one byte of a character the vocabulary lacks;
 * - `partial`: a byte-level BPE token whose bytes are not whole UTF-8 characters (part of one);
 * - `control`: a special token (BOS, EOS, `<|im_start|>`);
 * - `user-defined`: a token added to the vocabulary as text (matched before the tokenizer runs);
 * - `unknown`: the vocabulary's unknown token (the text it stands for is lost).
 */
export const TokenKindSchema = z.enum(["normal", "byte", "partial", "control", "user-defined", "unknown"]);
export type TokenKind = z.infer<typeof TokenKindSchema>;

/** Kinds that stand for bytes rather than whole characters: what "byte-fallback share" counts. */
export const BYTE_FALLBACK_KINDS: readonly TokenKind[] = ["byte", "partial"];

export const TokenPieceSchema = z.object({
  id: z.number().int(),
  /** The token's text; bytes that are not whole UTF-8 characters are written `<0xE3>`. */
  piece: z.string(),
  kind: TokenKindSchema,
  /** Its UTF-8 bytes. */
  bytes: z.number().int(),
  /**
   * Where it is in the input: [start, end) UTF-16 offsets. Tokens sharing one character (byte
   * tokens) share its range. null when the tokens' bytes do not spell the input (a lossy tokenizer:
   * unknown tokens, normalisation) or for tokens added around it (BOS, EOS).
   */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type TokenPiece = z.infer<typeof TokenPieceSchema>;

/** Counts of a text itself, the same for every tokenizer. */
export const TextCountsSchema = z.object({
  /** Words as `Intl.Segmenter` finds them (word-like segments), so Thai, Chinese, Japanese and Khmer count too. */
  words: z.number().int(),
  /** User-perceived characters (grapheme clusters). */
  characters: z.number().int(),
  /** UTF-8 bytes. */
  bytes: z.number().int(),
});
export type TextCounts = z.infer<typeof TextCountsSchema>;

/** What a tokenizer costs on a text (or a corpus). Ratios are null when their denominator is 0. */
export const TokenCostSchema = z.object({
  tokens: z.number().int(),
  /** Fertility. */
  tokensPerWord: z.number().nullable(),
  tokensPerCharacter: z.number().nullable(),
  bytesPerToken: z.number().nullable(),
  /** Tokens of a BYTE_FALLBACK_KINDS kind. */
  byteFallbackTokens: z.number().int(),
  byteFallbackShare: z.number().nullable(),
});
export type TokenCost = z.infer<typeof TokenCostSchema>;

export const TokenizerInfoSchema = z.object({
  modelId: z.string(),
  /** The name a person knows it by (the GGUF's name, else its file name). */
  name: z.string(),
  path: z.string(),
  /** llama.cpp's vocabulary type: "spm", "bpe", "wpm", "ugm", … */
  vocabularyType: z.string(),
  vocabularySize: z.number().int(),
  /** Whether llama.cpp adds BOS / EOS when special tokens are added. */
  addsBos: z.boolean(),
  addsEos: z.boolean(),
});
export type TokenizerInfo = z.infer<typeof TokenizerInfoSchema>;

/** The longest text the lab tokenizes in one request (the CLI reads files of any size). */
export const MAX_LAB_TEXT_CHARS = 200_000;

export const TokenizeRequestSchema = z.object({
  text: z.string().max(MAX_LAB_TEXT_CHARS),
  modelIds: z.array(z.string().min(1)).min(1).max(MAX_TOKENIZERS),
  /** Add BOS/EOS as llama.cpp does with `add_special` (off: only the text's own tokens). */
  addSpecial: z.boolean().default(false),
  /** Read special-token text (`<|im_start|>`) as the special token (off: as plain text). */
  parseSpecial: z.boolean().default(false),
});
export type TokenizeRequest = z.infer<typeof TokenizeRequestSchema>;

/**
 * Tokens a `tokenize.text` answer describes piece by piece (more than a page can show as chips);
 * every token's id is in `ids` whatever the text's length, and the costs count them all.
 */
export const MAX_DESCRIBED_TOKENS = 5000;

/** One tokenizer's reading of the text; `error` when its file could not be read (the others still answer). */
export const TokenizationSchema = z.object({
  tokenizer: TokenizerInfoSchema,
  /** Every token's id, as llama.cpp gives them. */
  ids: z.array(z.number().int()),
  /** The first MAX_DESCRIBED_TOKENS tokens, each with its piece, kind and place in the text. */
  tokens: z.array(TokenPieceSchema),
  /** llama.cpp's detokenisation of the ids. */
  detokenized: z.string(),
  /** Whether `detokenized` equals the input exactly. */
  roundTrips: z.boolean(),
  cost: TokenCostSchema,
  error: AppErrorDataSchema.nullable(),
});
export type Tokenization = z.infer<typeof TokenizationSchema>;

export const TokenizeResultSchema = z.object({
  counts: TextCountsSchema,
  results: z.array(TokenizationSchema),
});
export type TokenizeResult = z.infer<typeof TokenizeResultSchema>;

/** A parallel corpus: one file per language, one sentence per line, line i the same sentence in every file. */
export const CorpusLanguageSchema = z.object({
  language: LanguageCodeSchema,
  file: z.string(),
  sentences: z.number().int(),
});

export const CorpusInfoSchema = z.object({
  dir: z.string(),
  languages: z.array(CorpusLanguageSchema),
  /** Every file has the same number of lines. */
  aligned: z.boolean(),
});
export type CorpusInfo = z.infer<typeof CorpusInfoSchema>;

export const DEFAULT_REFERENCE_LANGUAGE = "eng_Latn";

export const FertilityRequestSchema = z.object({
  /** Chosen by the client so progress events can be matched to it before the call answers. */
  jobId: z.string().min(1),
  corpusDir: z.string().min(1),
  /** Languages to measure; empty = every language in the folder. */
  languages: z.array(LanguageCodeSchema).default([]),
  modelIds: z.array(z.string().min(1)).min(1).max(MAX_TOKENIZERS),
  /** The premium is each language's tokens over this language's on the same sentences. */
  reference: LanguageCodeSchema.default(DEFAULT_REFERENCE_LANGUAGE),
  /** Only the first N sentences of every file. */
  limit: z.number().int().min(1).optional(),
});
export type FertilityRequest = z.infer<typeof FertilityRequestSchema>;

export const FertilityRowSchema = z.object({
  modelId: z.string(),
  tokenizer: z.string(),
  language: LanguageCodeSchema,
  sentences: z.number().int(),
  ...TextCountsSchema.shape,
  ...TokenCostSchema.shape,
  /** tokens / reference language's tokens for the same tokenizer; null when the reference is not measured. */
  premium: z.number().nullable(),
});
export type FertilityRow = z.infer<typeof FertilityRowSchema>;

export const FertilityReportSchema = z.object({
  corpusDir: z.string(),
  reference: LanguageCodeSchema,
  languages: z.array(LanguageCodeSchema),
  tokenizers: z.array(TokenizerInfoSchema),
  /** Per tokenizer, then per language in `languages` order. */
  rows: z.array(FertilityRowSchema),
  elapsedMs: z.number(),
});
export type FertilityReport = z.infer<typeof FertilityReportSchema>;

export const FertilityProgressEventSchema = z.object({
  jobId: z.string(),
  /** Sentences tokenized (over all tokenizers and languages). */
  done: z.number().int(),
  total: z.number().int(),
  itemsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type FertilityProgressEvent = z.infer<typeof FertilityProgressEventSchema>;
