import type { TokenizeResult } from "@contract/tokenize";
import { describe, expect, it } from "vitest";
import { spmTokenization, TEXT_COUNTS, tokenizationFor } from "../tokenize-fixtures";
import { textCsvFile, textMetricsCsv, textTokensCsv } from "./text-csv";

/** The fixtures' answer for "Hi ก" from the SPM, BPE, lossy and broken tokenizers. */
const answer = (): TokenizeResult => ({ counts: TEXT_COUNTS, results: ["m-spm", "m-bpe", "m-wpm", "m-broken"].map((id) => tokenizationFor(id, false)) });
const lines = (csv: string) => csv.trimEnd().split("\n");

describe("textMetricsCsv", () => {
  it("writes each tokenizer's cost (4 decimals), round trip and the text's counts; a failed tokenizer's figures empty with its error", () => {
    expect(lines(textMetricsCsv(answer()))).toEqual([
      "tokenizer,model_id,vocabulary_type,words,characters,bytes,tokens,tokens_per_word,tokens_per_character,bytes_per_token,byte_fallback_tokens,byte_fallback_share,round_trips,error",
      // 5 tokens: 5/2 words, 5/4 characters, 6 bytes/5, 3 byte tokens of 5.
      "fixture-spm-tokenizer,m-spm,spm,2,4,6,5,2.5,1.25,1.2,3,0.6,yes,",
      // 4 tokens: 4/2, 4/4, 6/4, 2 partial of 4.
      "fixture-bpe-tokenizer,m-bpe,bpe,2,4,6,4,2,1,1.5,2,0.5,yes,",
      // 2 tokens: 2/2, 2/4, 6/2; detokenizes to "hi [UNK]".
      "lossy-wpm,m-wpm,wpm,2,4,6,2,1,0.5,3,0,0,no,",
      "broken,m-broken,spm,2,4,6,,,,,,,,broken.gguf: its vocabulary cannot be read.",
    ]);
  });

  it("counts tokens from the cost, not from the tokens described (a long text's are cut off)", () => {
    const long = { ...spmTokenization(), cost: { ...spmTokenization().cost, tokens: 6001, tokensPerWord: 3000.5 } };
    const [, row] = lines(textMetricsCsv({ counts: TEXT_COUNTS, results: [long] }));
    expect(row.split(",").slice(6, 8)).toEqual(["6001", "3000.5"]);
  });

  it("quotes names holding commas", () => {
    const spm = spmTokenization();
    const named = { ...spm, tokenizer: { ...spm.tokenizer, name: "spm, 32k" } };
    expect(lines(textMetricsCsv({ counts: TEXT_COUNTS, results: [named] }))[1]).toMatch(/^"spm, 32k",m-spm,/);
  });
});

describe("textTokensCsv", () => {
  it("writes every described token with its place in the ids, tokenizer by tokenizer; offsets empty where a token has none", () => {
    expect(lines(textTokensCsv(answer()))).toEqual([
      "tokenizer,model_id,index,id,piece,kind,bytes,start,end",
      "fixture-spm-tokenizer,m-spm,0,412,Hi,normal,2,0,2",
      'fixture-spm-tokenizer,m-spm,1,35," ",normal,1,2,3', // quoted: a reader may not trim the space
      "fixture-spm-tokenizer,m-spm,2,227,<0xE0>,byte,1,3,4",
      "fixture-spm-tokenizer,m-spm,3,187,<0xB8>,byte,1,3,4",
      "fixture-spm-tokenizer,m-spm,4,132,<0x81>,byte,1,3,4",
      "fixture-bpe-tokenizer,m-bpe,0,71,Hi,normal,2,0,2",
      'fixture-bpe-tokenizer,m-bpe,1,220," ",normal,1,2,3',
      "fixture-bpe-tokenizer,m-bpe,2,290,<0xE0><0xB8>,partial,2,3,4",
      "fixture-bpe-tokenizer,m-bpe,3,129,<0x81>,partial,1,3,4",
      "lossy-wpm,m-wpm,0,7592,hi,normal,2,,",
      "lossy-wpm,m-wpm,1,100,[UNK],unknown,5,,",
    ]);
  });

  it("quotes pieces holding commas, quotes or line breaks", () => {
    const spm = spmTokenization();
    const tokens = [{ ...spm.tokens[0], piece: "a,b" }, { ...spm.tokens[1], piece: 'say "' }, { ...spm.tokens[2], piece: ".\n" }];
    const csv = textTokensCsv({ counts: TEXT_COUNTS, results: [{ ...spm, tokens }] });
    expect(csv.split("\n").slice(1, 5)).toEqual([
      'fixture-spm-tokenizer,m-spm,0,412,"a,b",normal,2,0,2',
      'fixture-spm-tokenizer,m-spm,1,35,"say """,normal,1,2,3',
      'fixture-spm-tokenizer,m-spm,2,227,".',
      '",byte,1,3,4',
    ]);
  });
});

describe("textCsvFile", () => {
  it("names each file and counts its records: tokenizers, or described tokens", () => {
    const metrics = textCsvFile("metrics", answer());
    expect([metrics.name, metrics.mediaType, metrics.records]).toEqual(["text-metrics.csv", "text/csv", 4]);
    expect(metrics.content).toBe(textMetricsCsv(answer()));
    const tokens = textCsvFile("tokens", answer());
    expect([tokens.name, tokens.mediaType, tokens.records]).toEqual(["text-tokens.csv", "text/csv", 5 + 4 + 2 + 0]);
    expect(tokens.content).toBe(textTokensCsv(answer()));
  });
});
