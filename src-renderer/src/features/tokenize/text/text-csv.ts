import { stringify } from "csv-stringify/browser/esm/sync";
import type { ExportedFile } from "@contract/compare";
import type { TokenizeResult } from "@contract/tokenize";
import { csvRatio } from "../tokenize-format";

/** The text tab's two files: its metrics table, or every token it describes. */
export type TextCsvKind = "metrics" | "tokens";

/** A count, or nothing where the tokenizer could not tokenize the text. */
const count = (value: number, failed: boolean): string => (failed ? "" : String(value));

/**
 * The metrics table as CSV, one row per tokenizer in its order: what the tokenizer costs on the
 * text, whether it round-trips, and the text's own counts (the same on every row, so each row
 * stands alone). A tokenizer that failed keeps its row, figures empty and its error said.
 * csv-stringify quotes fields holding commas, quotes or line breaks (RFC 4180).
 */
export function textMetricsCsv(result: TokenizeResult): string {
  const header = [
    "tokenizer", "model_id", "vocabulary_type", "words", "characters", "bytes", "tokens", "tokens_per_word",
    "tokens_per_character", "bytes_per_token", "byte_fallback_tokens", "byte_fallback_share", "round_trips", "error",
  ];
  const { words, characters, bytes } = result.counts;
  const records = result.results.map(({ tokenizer, cost, roundTrips, error }) => {
    const failed = error !== null;
    return [
      tokenizer.name, tokenizer.modelId, tokenizer.vocabularyType, String(words), String(characters), String(bytes),
      // Counts come from `cost`, which counts every token: `tokens` describes only the first ones.
      count(cost.tokens, failed), csvRatio(cost.tokensPerWord), csvRatio(cost.tokensPerCharacter), csvRatio(cost.bytesPerToken),
      count(cost.byteFallbackTokens, failed), csvRatio(cost.byteFallbackShare),
      failed ? "" : roundTrips ? "yes" : "no", error?.message ?? "",
    ];
  });
  return stringify([header, ...records]);
}

/**
 * The tokens main described, one row per token, tokenizer by tokenizer. Main describes at most
 * MAX_DESCRIBED_TOKENS per tokenizer; the rest of a long text's tokens are ids only (`ids`), so they
 * have no piece, kind or offsets to write and are left out. `index` is the token's place in `ids`
 * (from 0, like the offsets); `start`/`end` are empty where the token has no place in the text.
 */
export function textTokensCsv(result: TokenizeResult): string {
  const header = ["tokenizer", "model_id", "index", "id", "piece", "kind", "bytes", "start", "end"];
  const records = result.results.flatMap(({ tokenizer, tokens }) =>
    tokens.map((token, index) => [
      tokenizer.name, tokenizer.modelId, String(index), String(token.id), token.piece, token.kind, String(token.bytes),
      token.start === null ? "" : String(token.start), token.end === null ? "" : String(token.end),
    ]));
  // Quoted where a piece starts or ends with whitespace, so no reader trims a token's space away.
  return stringify([header, ...records], { quoted_match: /^\s|\s$/ });
}

/** The chosen file, named and counted for ExportStatus. */
export function textCsvFile(kind: TextCsvKind, result: TokenizeResult): ExportedFile {
  if (kind === "metrics") {
    return { name: "text-metrics.csv", mediaType: "text/csv", content: textMetricsCsv(result), records: result.results.length };
  }
  const records = result.results.reduce((sum, { tokens }) => sum + tokens.length, 0);
  return { name: "text-tokens.csv", mediaType: "text/csv", content: textTokensCsv(result), records };
}
