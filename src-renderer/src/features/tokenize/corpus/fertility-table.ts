import type { FertilityRow } from "@contract/tokenize";

/** The results table's columns, in order, with the row field each shows. */
export const FERTILITY_COLUMNS = [
  { key: "language", label: "Language", numeric: false },
  { key: "tokenizer", label: "Tokenizer", numeric: false },
  { key: "sentences", label: "Sentences", numeric: true },
  { key: "words", label: "Words", numeric: true },
  { key: "characters", label: "Characters", numeric: true },
  { key: "bytes", label: "Bytes", numeric: true },
  { key: "tokens", label: "Tokens", numeric: true },
  { key: "tokensPerWord", label: "Tokens/word", numeric: true },
  { key: "premium", label: "Premium", numeric: true },
] as const satisfies readonly { key: keyof FertilityRow; label: string; numeric: boolean }[];

export type FertilityColumn = (typeof FERTILITY_COLUMNS)[number]["key"];

/** null: the order main answered in (per tokenizer, then per language). */
export type FertilitySort = { column: FertilityColumn; direction: "ascending" | "descending" } | null;

export const DEFAULT_FERTILITY_SORT: FertilitySort = null;

/** Sorted by one column; rows without a value (a premium with no reference) last either way; ties keep main's order. */
export function sortFertilityRows(rows: readonly FertilityRow[], sort: FertilitySort): FertilityRow[] {
  if (sort === null) return [...rows];
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = a[sort.column];
    const right = b[sort.column];
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    return sign * (typeof left === "number" && typeof right === "number" ? left - right : String(left).localeCompare(String(right)));
  });
}
