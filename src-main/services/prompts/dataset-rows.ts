/**
 * Rows of a dataset file (JSONL, CSV, TSV, Parquet) as text, to fill a prompt's variables. The
 * eval dataset readers do the reading, so the same file reads the same way in both places, with
 * the same errors naming the file and line.
 */
import type { DatasetRows } from "../../contract/prompts";
import { readTable } from "../eval/tasks/readers/table";

export async function readDatasetRows(file: string, offset: number, limit: number): Promise<DatasetRows> {
  const rows = await readTable(file);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const page = rows.slice(offset, offset + limit).map((row) =>
    Object.fromEntries(Object.entries(row.values).map(([column, value]) => [column, asText(value)])));
  return { file, columns, rows: page, total: rows.length };
}

/**
 * A field as the text a variable takes: strings as they are; numbers, booleans and nested values as
 * JSON text (Parquet's 64-bit integers too); dates in ISO 8601. A null (JSON null, a Parquet null)
 * is an empty field, as CSV writes a missing value, rather than the word "null" in a prompt.
 */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? Number(item) : item));
}
