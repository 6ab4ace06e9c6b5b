import { stringify } from "csv-stringify/browser/esm/sync";
import { languageName } from "@contract/languages";
import type { FertilityRow } from "@contract/tokenize";
import { csvRatio } from "../tokenize-format";

/**
 * The results table's rows, in its order, as CSV: every count and ratio main reported, the premium
 * named after its reference language. csv-stringify quotes fields holding commas, quotes or line
 * breaks (RFC 4180).
 */
export function fertilityCsv(rows: readonly FertilityRow[], reference: string): string {
  const header = [
    "language", "language_name", "tokenizer", "model_id", "sentences", "words", "characters", "bytes", "tokens",
    "tokens_per_word", "tokens_per_character", "bytes_per_token", "byte_fallback_share", `premium_vs_${reference}`,
  ];
  const records = rows.map((row) => [
    row.language, languageName(row.language), row.tokenizer, row.modelId,
    String(row.sentences), String(row.words), String(row.characters), String(row.bytes), String(row.tokens),
    csvRatio(row.tokensPerWord), csvRatio(row.tokensPerCharacter), csvRatio(row.bytesPerToken), csvRatio(row.byteFallbackShare), csvRatio(row.premium),
  ]);
  return stringify([header, ...records]);
}
