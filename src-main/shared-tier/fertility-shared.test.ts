/**
 * Corpus mode on real data and real tokenizers from ../shared (see ../shared/README.md), through
 * the built CLI: `polyglot fertility` on FLORES-200 devtest with Qwen2's and Llama-2's tokenizers
 * must count, for every language, exactly the tokens `polyglot tokenize` gives sentence by
 * sentence. It runs wherever ../shared exists; on a bare clone it says plainly that it did not
 * run. The sentences are read from the data files themselves, never copied into the project.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FertilityReportSchema } from "../contract/tokenize";
import { CLI, polyglot } from "../test-support/cli-runner";
import { useTempDir } from "../test-support/temp-dir";

const SHARED = resolve(__dirname, "../../../shared");
const FLORES = resolve(SHARED, "data/flores200-devtest");
const TOKENIZERS = ["qwen2", "llama-spm"].map((name) => resolve(SHARED, `tokenizers/ggml-vocab-${name}.gguf`));
for (const path of [FLORES, ...TOKENIZERS]) {
  if (!existsSync(path)) console.warn(`Shared-tier fertility test not run: ${path} does not exist on this machine.`);
}
const hasShared = [FLORES, ...TOKENIZERS].every((path) => existsSync(path));

const LANGUAGES = ["eng_Latn", "swh_Latn", "tha_Thai", "khm_Khmr"];
const LIMIT = 50;

/** Runs the CLI and returns its stdout; a failure throws with its stderr. */
function run(...args: string[]): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
  const { code, stdout, stderr } = polyglot(...args);
  if (code !== 0) throw new Error(`polyglot ${args.join(" ")} exited with ${code}: ${stderr}`);
  return stdout;
}

describe("polyglot fertility on FLORES-200 devtest with real tokenizers", () => {
  const dir = useTempDir("fertility-shared");

  it.runIf(hasShared)("counts per language exactly the tokens `polyglot tokenize` gives sentence by sentence; English's premium is 1", async () => {
    const report = FertilityReportSchema.parse(JSON.parse(run(
      "fertility", ...TOKENIZERS.flatMap((file) => ["--model", file]), "--corpus", FLORES, "--langs", LANGUAGES.join(","), "--limit", String(LIMIT), "--json",
    )));
    expect(report.languages).toEqual(LANGUAGES);
    expect(report.rows).toHaveLength(TOKENIZERS.length * LANGUAGES.length);

    for (const language of LANGUAGES) {
      const sentences = (await readFile(join(FLORES, `${language}.devtest`), "utf8")).split("\n").slice(0, LIMIT);
      const jsonl = dir.join(`${language}.jsonl`);
      await writeFile(jsonl, sentences.map((sentence) => JSON.stringify(sentence)).join("\n") + "\n");
      for (const [index, file] of TOKENIZERS.entries()) {
        const lines = run("tokenize", "--model", file, "--jsonl", jsonl, "--json").trimEnd().split("\n");
        expect(lines).toHaveLength(LIMIT);
        const tokens = lines.reduce((sum, line) => sum + (JSON.parse(line) as { count: number }).count, 0);
        const row = report.rows[index * LANGUAGES.length + LANGUAGES.indexOf(language)];
        expect([row.tokenizer, row.language, row.sentences, row.tokens], file).toEqual([report.tokenizers[index].name, language, LIMIT, tokens]);
        expect(row.tokensPerWord, file).toBeCloseTo(tokens / row.words, 12);
        if (language === "eng_Latn") expect(row.premium, file).toBe(1);
      }
    }
    // Llama-2's vocabulary has no Khmer: SentencePiece spells it in byte-fallback tokens (<0xE1> …).
    const khmerOnLlama = report.rows.find((row) => row.tokenizer === report.tokenizers[1].name && row.language === "khm_Khmr")!;
    expect(khmerOnLlama.byteFallbackTokens).toBeGreaterThan(0);
    expect(khmerOnLlama.premium).toBeGreaterThan(1);
  });
});
