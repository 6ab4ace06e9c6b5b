/**
 * Filling the variables table from a dataset file's rows: which column gives each variable, and the
 * rows that result.
 */
import type { VariableRow } from "./draft-template";

/** Column names that hold a FLORES-200 code, tried in order for the row's language. */
const LANGUAGE_COLUMNS = ["lang_code", "language", "lang", "flores_code"];

/** variable → column ("" for none). The language is the variable `lang_code`. */
export type ColumnMapping = Record<string, string>;

/** The column named like each variable (case-insensitive), the language from a column named like one. */
export function guessMapping(variables: readonly string[], columns: readonly string[]): ColumnMapping {
  const byName = new Map(columns.map((column) => [column.toLowerCase(), column]));
  return Object.fromEntries(variables.map((variable) => {
    const candidates = variable === "lang_code" ? LANGUAGE_COLUMNS : [variable.toLowerCase()];
    const column = candidates.map((name) => byName.get(name)).find((found) => found !== undefined);
    return [variable, column ?? ""];
  }));
}

/** The dataset rows as variables rows, each variable from its mapped column (unmapped ones left empty). */
export function mapRows(rows: readonly Record<string, string>[], mapping: ColumnMapping): VariableRow[] {
  return rows.map((row) => Object.fromEntries(
    Object.entries(mapping).filter(([, column]) => column !== "").map(([variable, column]) => [variable, row[column] ?? ""]),
  ));
}
