import { describe, expect, it } from "vitest";
import { guessMapping, mapRows } from "./dataset-mapping";

describe("dataset column mapping", () => {
  it("maps variables to columns of the same name, and the language to a language column", () => {
    expect(guessMapping(["lang_code", "Text", "question"], ["id", "language", "text", "answer"])).toEqual({
      lang_code: "language", Text: "text", question: "",
    });
    expect(guessMapping(["lang_code"], ["lang", "lang_code"])).toEqual({ lang_code: "lang_code" });
  });

  it("turns dataset rows into variables rows", () => {
    const rows = [{ id: "1", language: "fra_Latn", text: "Bonjour" }, { id: "2", language: "arb_Arab", text: "مرحبا" }];
    expect(mapRows(rows, { lang_code: "language", text: "text", note: "" })).toEqual([
      { lang_code: "fra_Latn", text: "Bonjour" },
      { lang_code: "arb_Arab", text: "مرحبا" },
    ]);
  });
});
