/**
 * `polyglot tokenize` as a user runs it: the built CLI on the fixture tokenizers, whose ids are
 * read off their vocabularies (test-support/fixture-tokenizer-models.ts).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFixtureTokenizers } from "../fixtures/fixture-tokenizers";
import { CLI, polyglot } from "../test-support/cli-runner";
import { writeTruncatedCopy } from "../test-support/fixture-files";
import { bpeId, spmId } from "../test-support/fixture-tokenizer-models";
import { useTempDir } from "../test-support/temp-dir";

interface TokenizeJson {
  ids: number[];
  pieces: string[];
  count: number;
}

const utf8 = (text: string) => [...Buffer.from(text, "utf8")];

describe("polyglot tokenize", () => {
  const dir = useTempDir("cli-tokenize");
  let spm: string;
  let bpe: string;

  /** The command's JSON lines, after checking it succeeded. */
  function tokenizeJson(...args: string[]): TokenizeJson[] {
    const { code, stdout, stderr } = polyglot("tokenize", ...args, "--json");
    expect(code, stderr).toBe(0);
    return stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as TokenizeJson);
  }

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    [spm, bpe] = await writeFixtureTokenizers(dir.join("models"));
  });

  it("--text --json prints the ids llama.cpp gives, their pieces and the count, nothing added", () => {
    expect(tokenizeJson("--model", spm, "--text", "Habari ya dunia")).toEqual([
      { ids: [" Habari", " ya", " dunia"].map(spmId), pieces: [" Habari", " ya", " dunia"], count: 3 },
    ]);
    expect(tokenizeJson("--model", bpe, "--text", "Habari ya dunia")).toEqual([
      { ids: ["Habari", " ya", " dunia"].map(bpeId), pieces: ["Habari", " ya", " dunia"], count: 3 },
    ]);
  });

  it("writes bytes that are not whole characters as <0xNN>: SentencePiece byte fallback, BPE byte tokens", () => {
    expect(tokenizeJson("--model", spm, "--text", "ก")).toEqual([
      { ids: [spmId(" "), spmId("<0xE0>"), spmId("<0xB8>"), spmId("<0x81>")], pieces: [" ", "<0xE0>", "<0xB8>", "<0x81>"], count: 4 },
    ]);
    expect(tokenizeJson("--model", bpe, "--text", "😀")).toEqual([{ ids: utf8("😀"), pieces: ["<0xF0>", "<0x9F>", "<0x98>", "<0x80>"], count: 4 }]);
  });

  it("--add-special adds BOS/EOS as the vocabulary asks", () => {
    expect(tokenizeJson("--model", spm, "--text", "ya", "--add-special")[0]).toMatchObject({ ids: [1, spmId(" ya")], pieces: ["<s>", " ya"], count: 2 });
    expect(tokenizeJson("--model", bpe, "--text", "ya", "--add-special")[0])
      .toMatchObject({ ids: [bpeId("<|begin_of_text|>"), bpeId("y"), bpeId("a"), bpeId("<|end_of_text|>")], count: 4 });
  });

  it("reads special-token text as plain text", () => {
    expect(tokenizeJson("--model", bpe, "--text", "<|im_end|>")[0].ids).toEqual(utf8("<|im_end|>"));
  });

  it("--file tokenizes the whole file as one text, newlines included", async () => {
    await writeFile(dir.join("two-lines.txt"), "Habari\nya\n");
    expect(tokenizeJson("--model", bpe, "--file", dir.join("two-lines.txt"))).toEqual([
      { ids: [bpeId("Habari"), 0x0a, bpeId("y"), bpeId("a"), 0x0a], pieces: ["Habari", "\n", "y", "a", "\n"], count: 5 },
    ]);
  });

  it("--jsonl prints one result per line, in order, the empty string included", async () => {
    await writeFile(dir.join("cases.jsonl"), `${JSON.stringify("Hello world")}\n""\n${JSON.stringify("line\nbreak")}\n`);
    const results = tokenizeJson("--model", bpe, "--jsonl", dir.join("cases.jsonl"));
    expect(results.map((result) => result.ids)).toEqual([[bpeId("Hello"), bpeId(" world")], [], utf8("line\nbreak")]);
  });

  it("prints the count and the ids for a person without --json", () => {
    const { code, stdout } = polyglot("tokenize", "--model", spm, "--text", "Hello world");
    expect(code).toBe(0);
    expect(stdout).toBe(`2 tokens: ${spmId(" Hello")} ${spmId(" world")}\n`);
  });

  describe("refuses bad input with the file (and line) named", () => {
    it("a --jsonl line that is not JSON, or not a string", async () => {
      const notJson = dir.join("not-json.jsonl");
      await writeFile(notJson, `"fine"\nHabari\n`);
      const bad = polyglot("tokenize", "--model", spm, "--jsonl", notJson);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`${notJson} line 2 is not JSON`);

      const notString = dir.join("not-string.jsonl");
      await writeFile(notString, `"fine"\n"fine"\n{"text": "Habari"}\n`);
      const wrong = polyglot("tokenize", "--model", spm, "--jsonl", notString);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain(`${notString} line 3 is {"text":"Habari"}, not a JSON string`);
    });

    it("a --file that is missing or not UTF-8", async () => {
      const missing = polyglot("tokenize", "--model", spm, "--file", dir.join("nowhere.txt"));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`${dir.join("nowhere.txt")} does not exist`);
      await writeFile(dir.join("latin1.txt"), Buffer.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
      const latin1 = polyglot("tokenize", "--model", spm, "--file", dir.join("latin1.txt"));
      expect(latin1.code).toBe(2);
      expect(latin1.stderr).toContain(`${dir.join("latin1.txt")} line 2 is not valid UTF-8`);
    });

    it("a model file that is missing or corrupt", async () => {
      const missing = polyglot("tokenize", "--model", dir.join("none.gguf"), "--text", "a");
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`${dir.join("none.gguf")} does not exist`);
      const broken = dir.join("broken.gguf");
      await writeTruncatedCopy(spm, broken, 4000);
      const corrupt = polyglot("tokenize", "--model", broken, "--text", "a");
      expect(corrupt.code).toBe(1);
      expect(corrupt.stderr).toContain(`polyglot: error: ${broken} is not a GGUF file whose tokenizer llama.cpp can read`);
    });

    it("no text, or more than one", () => {
      for (const args of [[], ["--text", "a", "--file", "b.txt"]]) {
        const result = polyglot("tokenize", "--model", spm, ...args);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("Give exactly one of --text, --file or --jsonl.");
      }
    });
  });
});
