/**
 * `npm run bench:tokenize`: tokenization throughput through the workbench against node-llama-cpp's
 * `tokenize` called directly, and the wall time of corpus mode.
 *
 * Text: 10 MB of mixed-script text — FLORES-200 devtest's 39 languages from ../shared, line i of
 * every language in turn, repeated until 10,000,000 UTF-8 bytes. Tokenizers: Qwen2, Llama-2 (SPM)
 * and Gemma from ../shared/tokenizers, loaded vocab-only. Medians over BENCH_RUNS repetitions.
 *   - direct: `model.tokenize(text)` in this process, the whole text in one call;
 *   - CLI: `polyglot tokenize --model F --file T --json` as a user runs it, stdout to a file: the
 *     whole process (start-up, vocab load, ids and pieces written) timed from spawn to exit. Its
 *     baseline is the same job done by a script calling node-llama-cpp directly (a Node process
 *     that loads the vocabulary, reads the file, tokenizes it and writes the ids as JSON), and the
 *     bare `tokenize` call is shown beside it;
 *   - API: `tokenize.text` over server mode's WebSocket (a real `polyglot serve`), the text in
 *     requests of at most MAX_LAB_TEXT_CHARS cut at line ends, one after another; the baseline for
 *     this row is `model.tokenize` on the same pieces, so both tokenize exactly the same strings.
 * Corpus mode: `tokenize.corpus` over the 39 languages × 1,012 sentences × 3 tokenizers, and
 * `polyglot fertility` on the same, wall time.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { projectRoot } from "../app/paths";
import { MAX_LAB_TEXT_CHARS } from "../contract/tokenize";
import { getLlamaRuntime } from "../llama/llama-runtime";
import { format, median } from "./bench-stats";
import { startServeProcess, type ServeProcess } from "./serve-process";

const REPS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_BYTES = 10_000_000;
const SHARED = resolve(projectRoot(), "../shared");
const FLORES = join(SHARED, "data", "flores200-devtest");
const TOKENIZERS = ["qwen2", "llama-spm", "gemma-4"].map((name) => ({ name, path: join(SHARED, "tokenizers", `ggml-vocab-${name}.gguf`) }));
const CLI = join(projectRoot(), "out", "main", "cli.js");
/** node-llama-cpp called directly, as a user's script would (src-main/bench/direct-tokenize.ts). */
const DIRECT_SCRIPT = join(projectRoot(), "out", "main", "bench-direct-tokenize.js");

async function main(): Promise<void> {
  if (!existsSync(FLORES) || TOKENIZERS.some((tokenizer) => !existsSync(tokenizer.path))) {
    console.log(`The tokenization benchmark reads FLORES and tokenizers from ${SHARED}, which is missing: nothing measured.`);
    return;
  }
  const scratch = await mkdtemp(join(os.tmpdir(), "polyglot-bench-tokenize-"));
  const serve = await startServeProcess(join(scratch, "workspace"));
  try {
    const text = await mixedScriptText();
    const textFile = join(scratch, "mixed.txt");
    await writeFile(textFile, text);
    const chunks = chunkAtLineEnds(text, MAX_LAB_TEXT_CHARS);
    const { added } = await serve.client.call("models.add", { paths: TOKENIZERS.map((tokenizer) => tokenizer.path) });
    console.log(`${format(Buffer.byteLength(text) / 1e6, 1)} MB, ${chunks.length} API requests, ${REPS} repetitions, ${os.cpus().length} cores\n`);
    console.log("| tokenizer | tokens | direct call tok/s | direct script tok/s | CLI tok/s | CLI ÷ script | CLI ÷ call | API tok/s | direct call on the same requests tok/s | API ÷ direct |");
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const tokenizer of TOKENIZERS) {
      const modelId = added.find((model) => model.path === tokenizer.path)!.id;
      await benchTokenizer(tokenizer.path, modelId, text, textFile, chunks, serve, tokenizer.name);
    }
    await benchCorpus(serve, added.map((model) => model.id));
  } finally {
    await serve.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function benchTokenizer(
  path: string, modelId: string, text: string, textFile: string, chunks: string[], serve: ServeProcess, name: string,
): Promise<void> {
  const llama = await getLlamaRuntime();
  const model = await llama.loadModel({ modelPath: path, vocabOnly: true });
  const direct: number[] = [];
  const directChunks: number[] = [];
  const cli: number[] = [];
  const script: number[] = [];
  const api: number[] = [];
  let tokens = 0;
  let chunkTokens = 0;
  for (let rep = 0; rep < REPS; rep++) {
    let started = performance.now();
    tokens = model.tokenize(text).length;
    direct.push(performance.now() - started);

    started = performance.now();
    chunkTokens = 0;
    for (const chunk of chunks) chunkTokens += model.tokenize(chunk).length;
    directChunks.push(performance.now() - started);

    started = performance.now();
    const cliTokens = await runCli(["tokenize", "--model", path, "--file", textFile, "--json"]);
    cli.push(performance.now() - started);
    if (cliTokens !== tokens) throw new Error(`CLI gave ${cliTokens} tokens, node-llama-cpp ${tokens}`);

    started = performance.now();
    const scriptTokens = await runNode([DIRECT_SCRIPT, path, textFile]);
    script.push(performance.now() - started);
    if (scriptTokens !== tokens) throw new Error(`the direct script gave ${scriptTokens} tokens, node-llama-cpp ${tokens}`);

    started = performance.now();
    let apiTokens = 0;
    for (const chunk of chunks) {
      const result = await serve.client.call("tokenize.text", { text: chunk, modelIds: [modelId] });
      apiTokens += result.results[0].ids.length;
    }
    api.push(performance.now() - started);
    if (apiTokens !== chunkTokens) throw new Error(`API gave ${apiTokens} tokens, node-llama-cpp ${chunkTokens}`);
  }
  await model.dispose();
  const rate = (count: number, ms: number[]) => count / (median(ms) / 1000);
  console.log(`| ${name} | ${tokens.toLocaleString("en-US")} | ${format(rate(tokens, direct), 0)} | ${format(rate(tokens, script), 0)} | ` +
    `${format(rate(tokens, cli), 0)} | ${format(median(script) / median(cli), 2)} | ${format(median(direct) / median(cli), 2)} | ` +
    `${format(rate(chunkTokens, api), 0)} | ${format(rate(chunkTokens, directChunks), 0)} | ${format(median(directChunks) / median(api), 2)} |`);
}

async function benchCorpus(serve: ServeProcess, modelIds: string[]): Promise<void> {
  const languages = (await readdir(FLORES)).filter((file) => file.endsWith(".devtest")).length;
  const api: number[] = [];
  const cli: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    let started = performance.now();
    const report = await serve.client.call("tokenize.corpus", { jobId: randomUUID(), corpusDir: FLORES, modelIds });
    api.push(performance.now() - started);
    if (report.rows.length !== languages * modelIds.length) throw new Error(`corpus mode gave ${report.rows.length} rows`);

    started = performance.now();
    await runCli(["fertility", ...TOKENIZERS.flatMap((tokenizer) => ["--model", tokenizer.path]), "--corpus", FLORES, "--json"]);
    cli.push(performance.now() - started);
  }
  console.log(`\nCorpus mode, ${languages} languages × 1,012 sentences × ${modelIds.length} tokenizers: ` +
    `API ${format(median(api) / 1000, 2)} s (runs: ${api.map((ms) => format(ms / 1000, 2)).join(", ")}), ` +
    `CLI ${format(median(cli) / 1000, 2)} s (runs: ${cli.map((ms) => format(ms / 1000, 2)).join(", ")}).`);
}

/** Runs the built CLI with stdout to a file; for `tokenize --json`, answers the token count it printed. */
function runCli(args: string[]): Promise<number> {
  return runNode([CLI, ...args]);
}

/** Runs Node with stdout to a file; answers the `count` it printed, if any. */
async function runNode(args: string[]): Promise<number> {
  const out = join(os.tmpdir(), `polyglot-bench-cli-${randomUUID()}.json`);
  try {
    const file = createWriteStream(out);
    await new Promise<void>((done) => file.once("open", () => done()));
    const child = spawn(process.execPath, args, { stdio: ["ignore", file, "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.once("exit", done));
    file.close();
    if (code !== 0) throw new Error(`node ${args[0]} exited with ${code}: ${stderr}`);
    const text = await readFile(out, "utf8");
    return text.startsWith("{") ? (JSON.parse(text) as { count?: number }).count ?? 0 : 0;
  } finally {
    await rm(out, { force: true });
  }
}

/** Line i of every language in turn, repeated until TARGET_BYTES. */
async function mixedScriptText(): Promise<string> {
  const files = (await readdir(FLORES)).filter((file) => file.endsWith(".devtest")).sort();
  const languages = await Promise.all(files.map(async (file) => (await readFile(join(FLORES, file), "utf8")).split("\n").filter(Boolean)));
  const lines: string[] = [];
  let bytes = 0;
  for (;;) {
    for (let index = 0; index < languages[0].length; index++) {
      for (const sentences of languages) {
        const line = `${sentences[index]}\n`;
        const size = Buffer.byteLength(line);
        if (bytes + size > TARGET_BYTES) return lines.join("");
        lines.push(line);
        bytes += size;
      }
    }
  }
}

function chunkAtLineEnds(text: string, maxChars: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + maxChars, text.length);
    if (end < text.length) end = text.lastIndexOf("\n", end - 1) + 1 || end;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

await main();
