import { describe, expect, it } from "vitest";
import { fertilityReport } from "../tokenize-fixtures";
import { fertilityCsv } from "./fertility-csv";

describe("fertilityCsv", () => {
  it("writes each row's counts and ratios (4 decimals), the premium named after its reference", () => {
    const { rows } = fertilityReport();
    const lines = fertilityCsv(rows.slice(0, 2), "eng_Latn").trimEnd().split("\n");
    expect(lines).toEqual([
      "language,language_name,tokenizer,model_id,sentences,words,characters,bytes,tokens,tokens_per_word,tokens_per_character,bytes_per_token,byte_fallback_share,premium_vs_eng_Latn",
      // eng: 100 tokens, 50 words, 280 characters and bytes: 2, 100/280 = 0.35714…, 2.8.
      "eng_Latn,English,fixture-spm-tokenizer,m-spm,10,50,280,280,100,2,0.3571,2.8,0,1",
      // swh: 150 tokens, 40 words, 300 characters and bytes: 3.75, 0.5, 2.
      "swh_Latn,Swahili,fixture-spm-tokenizer,m-spm,10,40,300,300,150,3.75,0.5,2,0,1.5",
    ]);
  });

  it("leaves missing ratios empty and quotes names holding commas", () => {
    const [row] = fertilityReport().rows;
    const csv = fertilityCsv([{ ...row, tokenizer: "spm, 32k", premium: null }], "eng_Latn");
    expect(csv.trimEnd().split("\n")[1]).toBe('eng_Latn,English,"spm, 32k",m-spm,10,50,280,280,100,2,0.3571,2.8,0,');
  });
});
