/**
 * A text through tokenizers exactly as llama.cpp cuts it: the ids (llama_tokenize, with BOS/EOS
 * added only when asked), what each token stands for and where it is in the text, and what the
 * tokenizer costs on it.
 */
import type { LlamaModel, Token } from "node-llama-cpp";
import { AppError } from "../../contract/errors";
import { modelDisplayName, type ModelInfo } from "../../contract/models";
import {
  BYTE_FALLBACK_KINDS,
  MAX_DESCRIBED_TOKENS,
  type TextCounts,
  type TokenizeRequest,
  type TokenizeResult,
  type Tokenization,
  type TokenizerInfo,
  type TokenPiece,
} from "../../contract/tokenize";
import { tokenPiecesOf } from "../../llama/token-pieces";
import { vocabularyAddon } from "../../llama/vocabulary-addon";
import type { ModelsService } from "../models/models-service";
import { countText } from "./text-counts";
import { tokenCost } from "./token-cost";
import { tokenOffsets } from "./token-offsets";
import type { TokenizerPool } from "./tokenizer-pool";

export interface TokenizeOptions {
  /** Add BOS/EOS (BERT's CLS/SEP) as llama.cpp's add_special does. */
  addSpecial: boolean;
  /** Read special-token text (`<|im_start|>`) as the special token. */
  parseSpecial: boolean;
}

/** The tokens llama.cpp's add_special puts around a text (llama_vocab::impl::tokenize, per vocabulary type). */
export function specialTokensAround(model: LlamaModel): { before: Token[]; after: Token[] } {
  const { bos, eos, sep } = model.tokens;
  switch (model.vocabularyType as string) {
    case "wpm": // BERT: always [CLS] text [SEP]
      return { before: bos === null ? [] : [bos], after: sep === null ? [] : [sep] };
    case "spm":
    case "bpe":
    case "ugm":
      return {
        before: model.tokens.shouldPrependBosToken && bos !== null ? [bos] : [],
        after: vocabularyAddon(model).shouldAppendEosToken() && eos !== null ? [eos] : [],
      };
    default: // RWKV, PLaMo-2: add_special adds nothing
      return { before: [], after: [] };
  }
}

/** The ids llama.cpp gives for `text` (llama_tokenize with add_special and parse_special). */
export function tokenizeText(model: LlamaModel, text: string, options: TokenizeOptions): Token[] {
  // node-llama-cpp tokenizes with add_special = false; the added tokens are put around here.
  const ids = model.tokenize(text, options.parseSpecial);
  if (!options.addSpecial) return ids;
  const { before, after } = specialTokensAround(model);
  return [...before, ...ids, ...after];
}

export interface TokensDescription {
  /** The first `limit` tokens described. */
  tokens: TokenPiece[];
  /** Of all the tokens, those of a byte-fallback kind (BYTE_FALLBACK_KINDS). */
  byteFallbackTokens: number;
  /** llama.cpp's detokenisation of the text's own tokens (added BOS/EOS left out). */
  detokenized: string;
  roundTrips: boolean;
}

/**
 * Each token of `ids` (as `tokenizeText` gave them for `text` with `options`) with its piece, kind
 * and range in the text, and whether the ids give the text back. The detokenised text leaves out
 * the BOS/EOS that add_special put around the text (they are not text, and after a BOS llama.cpp
 * keeps SentencePiece's leading space) and renders special tokens only when the text's own special
 * tokens were parsed, so a text that round-trips comes back exactly. Only the first `limit` tokens
 * are described (a page shows a few thousand chips), their offsets laid over the text's beginning.
 */
export function describeTokens(
  model: LlamaModel, text: string, ids: readonly Token[], options: TokenizeOptions, limit = ids.length,
): TokensDescription {
  const pieces = tokenPiecesOf(model);
  const facts = ids.map((id) => pieces.info(id));
  const { before, after } = options.addSpecial ? specialTokensAround(model) : { before: [], after: [] };
  const textEnd = ids.length - after.length;
  const describedEnd = Math.min(limit, textEnd);
  const ranges = tokenOffsets(text, facts.slice(before.length, describedEnd), { prefix: describedEnd < textEnd });
  const tokens = ids.slice(0, limit).map((id, i): TokenPiece => {
    const range = i >= before.length && i < textEnd ? ranges?.[i - before.length] : null;
    const { piece, kind, bytes } = facts[i];
    return { id, piece, kind, bytes: bytes.length, start: range?.start ?? null, end: range?.end ?? null };
  });
  const detokenized = model.detokenize(ids.slice(before.length, textEnd), options.parseSpecial);
  const byteFallbackTokens = facts.reduce((count, fact) => count + (BYTE_FALLBACK_KINDS.includes(fact.kind) ? 1 : 0), 0);
  return { tokens, byteFallbackTokens, detokenized, roundTrips: detokenized === text };
}

export function tokenizerInfo(model: LlamaModel, modelInfo: ModelInfo): TokenizerInfo {
  const { before, after } = specialTokensAround(model);
  return {
    modelId: modelInfo.id,
    name: modelDisplayName(modelInfo),
    path: modelInfo.path,
    vocabularyType: model.vocabularyType,
    vocabularySize: model.fileInfo.metadata.tokenizer?.ggml?.tokens?.length ?? modelInfo.metadata?.vocabularySize ?? 0,
    addsBos: before.length > 0,
    addsEos: after.length > 0,
  };
}

/**
 * The text through every requested tokenizer at once; one that cannot be read answers with its
 * error. `count` counts the text's words and characters (the service does it on the metrics
 * worker, at the same time as the tokenizers run here).
 */
export async function tokenizeForModels(
  models: ModelsService, pool: TokenizerPool, request: TokenizeRequest,
  count: (text: string) => Promise<TextCounts> = async (text) => countText(text),
): Promise<TokenizeResult> {
  const counting = count(request.text);
  counting.catch(() => {}); // awaited below; not unhandled meanwhile
  const tokenized = await Promise.all(request.modelIds.map((modelId) => tokenizeForModel(models, pool, request, modelId)));
  const counts = await counting;
  const results = tokenized.map(({ byteFallbackTokens, ...result }) => ({ ...result, cost: tokenCost(counts, result.ids.length, byteFallbackTokens) }));
  return { counts, results };
}

type TokenizationWithoutCost = Omit<Tokenization, "cost"> & { byteFallbackTokens: number };

async function tokenizeForModel(
  models: ModelsService,
  pool: TokenizerPool,
  request: TokenizeRequest,
  modelId: string,
): Promise<TokenizationWithoutCost> {
  let modelInfo: ModelInfo | null = null;
  try {
    const info = models.get(modelId);
    modelInfo = info;
    return await pool.withModel(modelId, (model) => tokenization(model, info, request));
  } catch (error) {
    const failure = error instanceof AppError ? error : new AppError({ code: "INTERNAL", message: (error as Error).message, file: modelInfo?.path });
    return {
      tokenizer: unreadTokenizer(modelId, modelInfo),
      ids: [],
      tokens: [],
      detokenized: "",
      roundTrips: false,
      byteFallbackTokens: 0,
      error: failure.toData(),
    };
  }
}

function tokenization(model: LlamaModel, modelInfo: ModelInfo, request: TokenizeRequest): TokenizationWithoutCost {
  const ids = tokenizeText(model, request.text, request);
  const description = describeTokens(model, request.text, ids, request, MAX_DESCRIBED_TOKENS);
  return { tokenizer: tokenizerInfo(model, modelInfo), ids, ...description, error: null };
}

/** What is known of a tokenizer that could not be read. */
function unreadTokenizer(modelId: string, modelInfo: ModelInfo | null): TokenizerInfo {
  return {
    modelId,
    name: modelInfo ? modelDisplayName(modelInfo) : modelId,
    path: modelInfo?.path ?? "",
    vocabularyType: "",
    vocabularySize: modelInfo?.metadata?.vocabularySize ?? 0,
    addsBos: false,
    addsEos: false,
  };
}
