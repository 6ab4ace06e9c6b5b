/**
 * llama.cpp's own tokenizer test vectors (its test-tokenizer-0: add_special and parse_special
 * off) for every real tokenizer in ../shared/tokenizers, through `polyglot tokenize` as a user runs
 * it: every case must give exactly llama.cpp's ids; and the tokens' bytes must spell each case.
 * On a bare clone it says plainly that it did not run.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadVocabulary } from "../llama/load-vocabulary";
import { tokenPiecesOf } from "../llama/token-pieces";
import { describeTokens, tokenizeText } from "../services/tokenizers/tokenize-text";
import { CLI, polyglot } from "../test-support/cli-runner";
import { useTempDir } from "../test-support/temp-dir";

const SHARED_TOKENIZERS = resolve(__dirname, "../../../shared/tokenizers");
const TOKENIZERS = existsSync(SHARED_TOKENIZERS) ? readdirSync(SHARED_TOKENIZERS).filter((file) => file.endsWith(".gguf")).sort() : [];
if (TOKENIZERS.length === 0) console.warn(`Tokenizer test vectors not run: ${SHARED_TOKENIZERS} holds no .gguf files on this machine.`);

const CASE_SEPARATOR = "\n__ggml_vocab_test__\n";

/** The .inp file's cases, split as test-tokenizer-0 splits them (a separator at the very end starts no case). */
function readCases(file: string): string[] {
  const cases = readFileSync(file, "utf8").split(CASE_SEPARATOR);
  if (cases.at(-1) === "") cases.pop();
  return cases;
}

/** The .out file's expected ids: one line per case, ids separated by spaces. */
function readExpectedIds(file: string): number[][] {
  const lines = readFileSync(file, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => line.trim().split(" ").filter(Boolean).map(Number));
}

describe("llama.cpp's tokenizer test vectors from ../shared/tokenizers", () => {
  const dir = useTempDir("tokenizer-vectors");
  beforeAll(() => {
    if (TOKENIZERS.length > 0 && !existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
  });

  for (const tokenizer of TOKENIZERS) {
    it(`${tokenizer}: every case gives llama.cpp's ids`, async () => {
      const model = resolve(SHARED_TOKENIZERS, tokenizer);
      const cases = readCases(`${model}.inp`);
      const expected = readExpectedIds(`${model}.out`);
      expect(cases.length).toBe(expected.length);
      expect(cases.length).toBeGreaterThan(0);

      const jsonl = dir.join(`${tokenizer}.jsonl`);
      await writeFile(jsonl, cases.map((text) => `${JSON.stringify(text)}\n`).join(""));
      const { code, stdout, stderr } = polyglot("tokenize", "--model", model, "--jsonl", jsonl, "--json");
      expect(code, stderr).toBe(0);
      const results = stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { ids: number[]; count: number });
      expect(results).toHaveLength(cases.length);
      const wrong = cases
        .map((text, i) => ({ case: i + 1, text, ids: results[i].ids, expected: expected[i] }))
        .filter((result) => result.ids.join(" ") !== result.expected.join(" "));
      expect(wrong).toEqual([]);
      expect(results.map((result) => result.count)).toEqual(expected.map((ids) => ids.length));
    }, 120_000);
  }
});

describe("token bytes on the same vectors", () => {
  for (const tokenizer of TOKENIZERS) {
    it(`${tokenizer}: the tokens' bytes spell every case`, async () => {
      const path = resolve(SHARED_TOKENIZERS, tokenizer);
      const model = await loadVocabulary(path);
      try {
        const options = { addSpecial: false, parseSpecial: false };
        const unplaced: string[] = [];
        for (const text of readCases(`${path}.inp`)) {
          const ids = tokenizeText(model, text, options);
          const { tokens, detokenized } = describeTokens(model, text, ids, options);
          if (text !== "" && tokens.every((token) => token.start === null)) unplaced.push(text);
          // SentencePiece: the tokens' bytes are what llama.cpp's detokenizer writes, less the space it put before the text.
          const bytes = Buffer.concat(ids.map((id) => tokenPiecesOf(model).info(id).bytes)).toString("utf8");
          if (model.vocabularyType === "spm") expect(bytes.replace(/^ /, "")).toBe(detokenized);
        }
        // BERT's WordPiece lower-cases and strips accents, so its tokens do not spell most texts.
        if (model.vocabularyType === "wpm") expect(unplaced.length).toBeGreaterThan(0);
        else expect(unplaced).toEqual([]);
      } finally {
        await model.dispose();
      }
    }, 120_000);
  }
});
