/**
 * An extra tier on real third-party models from ../shared (see ../shared/README.md). It runs
 * wherever ../shared exists (every developer machine and CI here); on a bare clone it reports
 * plainly that it did not run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SHARED_MODELS = resolve(__dirname, "../../../shared/models");
const STORIES = resolve(SHARED_MODELS, "stories260K.gguf");
const TINY_RANDOM = resolve(SHARED_MODELS, "llama-2-tiny-random.gguf");
const CLI = resolve(__dirname, "../../out/main/cli.js");
for (const file of [STORIES, TINY_RANDOM]) {
  if (!existsSync(file)) console.warn(`Real-model test not run: ${file} does not exist on this machine.`);
}

function polyglot(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`polyglot ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

const COMMON_ENGLISH = ["the", "a", "was", "she", "he", "to", "and", "in", "it", "with", "her", "his", "there", "little", "one", "day", "named", "play"];

describe("real models from ../shared", () => {
  it.runIf(existsSync(STORIES))("stories260K continues 'Once upon a time' greedily in readable English", () => {
    const output = JSON.parse(polyglot("generate", "--model", STORIES, "--prompt", "Once upon a time", "--temperature", "0", "--max-tokens", "60", "--json").trim().split("\n").at(-1)!);
    const text: string = output.text;
    expect(text).toMatch(/^[A-Za-z0-9 ,.!?'"\n-]+$/);
    const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
    expect(words.length).toBeGreaterThanOrEqual(25);
    expect(new Set(words.filter((word) => COMMON_ENGLISH.includes(word))).size).toBeGreaterThanOrEqual(5);
  });

  it.runIf(existsSync(TINY_RANDOM))("reads a Llama-2 (SentencePiece) GGUF's metadata and hashes it to the published sha256", () => {
    const info = JSON.parse(polyglot("models", "inspect", TINY_RANDOM));
    expect(info.sha256.slice(0, 16)).toBe("81f226c62d28ed4a");
    expect(info.metadata).toMatchObject({ architecture: "llama", tokenizerModel: "llama", vocabularySize: 32000, quantization: "F16" });
  });

  it.runIf(existsSync(TINY_RANDOM))("generates from random weights with a real 32k tokenizer without failing", () => {
    const lines = polyglot("generate", "--model", TINY_RANDOM, "--prompt", "Hola, ¿qué tal?", "--max-tokens", "32", "--seed", "3", "--json").trim().split("\n");
    expect(JSON.parse(lines.at(-1)!).stats.generatedTokens).toBeGreaterThan(0);
  });

  it.runIf(existsSync(TINY_RANDOM) && existsSync(STORIES))(
    "compares two real models concurrently: every token with alternatives best first, tokens joining to each text",
    () => {
      // Random weights over Llama-2's 32k vocabulary (byte-fallback tokens included) at a high
      // temperature: whatever comes out must stream and join. (Random bytes are often not valid
      // UTF-8, so a replacement character here can be the model's own; the fixture tests check
      // that valid multi-byte characters split over tokens always arrive whole.)
      const lines = polyglot(
        "compare", "--model", TINY_RANDOM, "--model", STORIES, "--prompt", "Привет, 世界! مرحبا", "--temperature", "1.5", "--top-k", "0",
        "--top-p", "1", "--min-p", "0", "--max-tokens", "64", "--seed", "11", "--json",
      ).trim().split("\n").map((line) => JSON.parse(line));
      for (const model of [TINY_RANDOM, STORIES]) {
        const tokens = lines.filter((line) => line.model === model && "token" in line);
        const done = lines.find((line) => line.model === model && line.done);
        expect(tokens.length).toBe(done.stats.generatedTokens);
        const streamed = tokens.map((token) => token.token).join("");
        expect(done.text.startsWith(streamed)).toBe(true);
        for (const token of tokens) {
          expect(token.top.length).toBeGreaterThanOrEqual(1);
          const logprobs = token.top.map((alternative: { logprob: number }) => alternative.logprob);
          expect(logprobs).toEqual([...logprobs].sort((a, b) => b - a));
        }
      }
    },
  );
});

const SHARED_TOKENIZERS = resolve(__dirname, "../../../shared/tokenizers");
if (!existsSync(SHARED_TOKENIZERS)) console.warn(`Tokenizer-file test not run: ${SHARED_TOKENIZERS} does not exist on this machine.`);

describe("llama.cpp's vocab-only GGUFs from ../shared", () => {
  // These files end right after their metadata, without the padding that would align tensor data.
  it.runIf(existsSync(SHARED_TOKENIZERS))("inspect as tokenizer-only files (no tensors), not as truncated ones", () => {
    for (const name of ["qwen2", "llama-spm", "gemma-4"]) {
      const info = JSON.parse(polyglot("models", "inspect", resolve(SHARED_TOKENIZERS, `ggml-vocab-${name}.gguf`)));
      expect(info.metadata.tensorCount).toBe(0);
      expect(info.metadata.vocabularySize).toBeGreaterThan(30_000);
    }
  });
});
