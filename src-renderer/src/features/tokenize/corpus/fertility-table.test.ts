import { describe, expect, it } from "vitest";
import { fertilityReport } from "../tokenize-fixtures";
import { sortFertilityRows } from "./fertility-table";

const { rows } = fertilityReport();
const keys = (sorted: typeof rows) => sorted.map((row) => `${row.modelId}:${row.language}`);

describe("sortFertilityRows", () => {
  it("keeps main's order (per tokenizer, then language) until a column is chosen", () => {
    expect(keys(sortFertilityRows(rows, null))).toEqual(["m-spm:eng_Latn", "m-spm:swh_Latn", "m-spm:tha_Thai", "m-bpe:eng_Latn", "m-bpe:swh_Latn", "m-bpe:tha_Thai"]);
  });

  it("sorts numbers by value and text alphabetically, either way", () => {
    expect(sortFertilityRows(rows, { column: "tokensPerWord", direction: "descending" }).map((row) => row.tokensPerWord)).toEqual([20, 15, 3.75, 2.5, 2, 1.6]);
    // Ties (the same language) keep main's order: spm before bpe.
    expect(keys(sortFertilityRows(rows, { column: "language", direction: "ascending" }))).toEqual(["m-spm:eng_Latn", "m-bpe:eng_Latn", "m-spm:swh_Latn", "m-bpe:swh_Latn", "m-spm:tha_Thai", "m-bpe:tha_Thai"]);
  });

  it("puts rows without a value last whichever way it sorts", () => {
    const withGap = rows.map((row) => (row.language === "tha_Thai" ? { ...row, premium: null } : row));
    for (const direction of ["ascending", "descending"] as const) {
      expect(sortFertilityRows(withGap, { column: "premium", direction }).slice(-2).map((row) => row.premium)).toEqual([null, null]);
    }
    expect(sortFertilityRows(withGap, { column: "premium", direction: "ascending" }).slice(0, 4).map((row) => row.premium)).toEqual([1, 1, 1.25, 1.5]);
  });
});
