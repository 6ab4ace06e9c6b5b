/**
 * `polyglot fertility` as a user runs it: the built CLI on the fixture checkpoints, whose byte-level
 * tokenizer gives one token per UTF-8 byte, so every number below is worked out by hand.
 */
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { FertilityReportSchema, type FertilityReport } from "../contract/tokenize";
import { writeParallelFixture } from "../fixtures/demo-parallel";
import { writeFixture } from "../services/eval/tasks/task-test-fixtures";
import { CLI, polyglot } from "../test-support/cli-runner";
import { writeFixtures, type FixturePaths } from "../test-support/fixture-files";
import { useTempDir } from "../test-support/temp-dir";

describe("polyglot fertility", () => {
  const dir = useTempDir("cli-fertility");
  let models: FixturePaths;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    models = await writeFixtures(dir.join("models"));
    // 16 + 13 bytes; 17 + 14; Thai: 11 + 10 code points of 3 bytes.
    await writeFixture(dir.join("small/eng_Latn.devtest"), "The bus is late.\nWe cook rice.\n");
    await writeFixture(dir.join("small/swh_Latn.devtest"), "Basi limechelewa.\nTunapika wali.\n");
    await writeFixture(dir.join("small/tha_Thai.devtest"), "รถเมล์มาสาย\nเราหุงข้าว\n");
    await writeParallelFixture(dir.join("demo"));
  });

  function report(...args: string[]): FertilityReport {
    const { code, stdout, stderr } = polyglot("fertility", ...args, "--json");
    expect(code, stderr).toBe(0);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    return FertilityReportSchema.parse(JSON.parse(stdout));
  }

  it("--json prints the report: per tokenizer and language, tokens = bytes, fertility and the premium over English", () => {
    const result = report("--model", models.base, "--model", models.continued, "--corpus", dir.join("small"));
    expect(result.corpusDir).toBe(dir.join("small"));
    expect(result.tokenizers.map((tokenizer) => [tokenizer.name, tokenizer.path])).toEqual([["polyglot-base", models.base], ["polyglot-continued", models.continued]]);
    expect(result.rows.map((row) => [row.tokenizer, row.language, row.sentences, row.words, row.characters, row.bytes, row.tokens, row.tokensPerWord, row.premium])).toEqual([
      ["polyglot-base", "eng_Latn", 2, 7, 29, 29, 29, 29 / 7, 1],
      ["polyglot-base", "swh_Latn", 2, 4, 31, 31, 31, 31 / 4, 31 / 29],
      ["polyglot-base", "tha_Thai", 2, 6, 18, 63, 63, 10.5, 63 / 29],
      ["polyglot-continued", "eng_Latn", 2, 7, 29, 29, 29, 29 / 7, 1],
      ["polyglot-continued", "swh_Latn", 2, 4, 31, 31, 31, 31 / 4, 31 / 29],
      ["polyglot-continued", "tha_Thai", 2, 6, 18, 63, 63, 10.5, 63 / 29],
    ]);
  });

  it("prints a table: text columns left, numbers right, ratios to two decimals, no premium without English", () => {
    const { code, stdout, stderr } = polyglot("fertility", "--model", models.base, "--corpus", dir.join("small"), "--langs", "tha_Thai,swh_Latn", "--limit", "1");
    expect(code, stderr).toBe(0);
    expect(stdout).toBe([
      "tokenizer      language  sentences  words  characters  bytes  tokens  tokens/word  premium vs eng_Latn",
      "polyglot-base  tha_Thai          1      3          10     33      33        11.00                    -",
      "polyglot-base  swh_Latn          1      2          17     17      17         8.50                    -",
      "",
    ].join("\n"));
  });

  it("measures the demo corpus in eight languages", () => {
    const result = report("--model", models.base, "--corpus", dir.join("demo"), "--langs", "eng_Latn,khm_Khmr,zho_Hans");
    expect(result.rows.map((row) => [row.language, row.sentences])).toEqual([["eng_Latn", 12], ["khm_Khmr", 12], ["zho_Hans", 12]]);
    for (const row of result.rows) expect(row.tokens).toBe(row.bytes);
  });

  it("refuses bad flags with exit code 2, naming the flag", () => {
    const badLanguage = polyglot("fertility", "--model", models.base, "--corpus", dir.join("small"), "--langs", "english");
    expect(badLanguage.code).toBe(2);
    expect(badLanguage.stderr).toBe('polyglot: error: --langs: "english" is not a Flores-200 code such as swh_Latn.\n');
    const badLimit = polyglot("fertility", "--model", models.base, "--corpus", dir.join("small"), "--limit", "0");
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toMatch(/^polyglot: error: --limit: /);
    const noCorpus = polyglot("fertility", "--model", models.base);
    expect(noCorpus.code).not.toBe(0);
    expect(noCorpus.stderr).toMatch(/required option '--corpus <dir>' not specified/);
  });

  it("names the folder, the language or the file when the corpus or a model cannot be used", () => {
    const missing = polyglot("fertility", "--model", models.base, "--corpus", dir.join("nowhere"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`polyglot: error: ${dir.join("nowhere")} does not exist.\n`);
    const absent = polyglot("fertility", "--model", models.base, "--corpus", dir.join("small"), "--langs", "eng_Latn,yor_Latn");
    expect(absent.code).toBe(1);
    expect(absent.stderr).toBe(`polyglot: error: ${dir.join("small")} has no file for yor_Latn. It has: eng_Latn, swh_Latn, tha_Thai.\n`);
    const noModel = polyglot("fertility", "--model", dir.join("models/none.gguf"), "--corpus", dir.join("small"));
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/none\.gguf does not exist/);
  });
});
