/**
 * `npm run bench:generate`: greedy generation speed through the workbench API in server mode
 * (over the WebSocket, as the renderer sees it) against node-llama-cpp called directly on the
 * same model, prompt, threads and length. Also: `polyglot serve` start to first API answer.
 * Prints a Markdown table for docs/benchmarks.md.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import type { LlamaModel } from "node-llama-cpp";
import type { RpcClient } from "../contract/rpc-client";
import { projectRoot } from "../app/paths";
import { writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { getLlamaRuntime } from "../llama/llama-runtime";
import { defaultThreads } from "../llama/threads";
import { format, median } from "./bench-stats";
import { startServeProcess } from "./serve-process";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 512);
const PROMPT = "Once upon a time";
const CONTEXT_SIZE = 2048;

interface Candidate {
  label: string;
  path: string;
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(os.tmpdir(), "polyglot-bench-"));
  const workspace = join(scratch, "workspace");
  const [, continued] = await writeFixtureModels(join(scratch, "fixtures"));
  const candidates: Candidate[] = [{ label: "polyglot-continued (fixture, 0.44M params, F32)", path: continued }];
  const stories = resolve(projectRoot(), "../shared/models/stories260K.gguf");
  if (existsSync(stories)) candidates.push({ label: "stories260K (../shared, 0.26M params)", path: stories });
  else console.log(`(stories260K not measured: ${stories} is missing)`);

  const threads = defaultThreads();
  const serve = await startServeProcess(workspace, { POLYGLOT_THREADS: String(threads) });
  console.log(`\nMachine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores; llama.cpp threads: ${threads}; ${RUNS} runs × ${TOKENS} tokens, greedy, median.\n`);
  console.log(`polyglot serve start → first successful API call: ${format(serve.startupMs, 0)} ms\n`);
  console.log("| model | workbench API over WebSocket (tok/s) | node-llama-cpp `sequence.evaluate` (tok/s) | ratio |");
  console.log("|---|---|---|---|");
  const llama = await getLlamaRuntime();
  try {
    for (const candidate of candidates) {
      const { added } = await serve.client.call("models.add", { paths: [candidate.path] });
      const id = added[0]?.id ?? (await serve.client.call("models.list", {})).find((m) => m.path === candidate.path)!.id;
      await serve.client.call("models.load", { id, contextSize: CONTEXT_SIZE });
      const model = await llama.loadModel({ modelPath: candidate.path, gpuLayers: 0 });
      const api: number[] = [];
      const sequence: number[] = [];
      await viaApi(serve.client, id); // warm-up, both sides
      await viaSequence(model, threads);
      for (let run = 0; run < RUNS; run++) {
        api.push(await viaApi(serve.client, id));
        sequence.push(await viaSequence(model, threads));
      }
      await model.dispose();
      await serve.client.call("models.unload", { id });
      const [a, s] = [median(api), median(sequence)];
      console.log(`| ${candidate.label} | ${format(a)} | ${format(s)} | ${format(a / s, 3)} |`);
    }
  } finally {
    await serve.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Tokens/s seen by a client: from the start call to the done event. */
async function viaApi(client: RpcClient, modelId: string): Promise<number> {
  const started = performance.now();
  const { runId } = await client.call("generation.start", {
    mode: "completion", modelId, prompt: PROMPT, params: { temperature: 0, maxTokens: TOKENS, stop: [] },
  });
  const done = await new Promise<{ generatedTokens: number }>((resolveDone) => {
    const stop = client.on("generation.done", (event) => {
      if (event.runId !== runId) return;
      stop();
      resolveDone(event.stats);
    });
  });
  if (done.generatedTokens !== TOKENS) throw new Error(`API run made ${done.generatedTokens} tokens, not ${TOKENS}`);
  return (TOKENS * 1000) / (performance.now() - started);
}

async function viaSequence(model: LlamaModel, threads: number): Promise<number> {
  const context = await model.createContext({ contextSize: CONTEXT_SIZE, threads });
  const sequence = context.getSequence();
  const tokens = [model.tokens.bos!, ...model.tokenize(PROMPT)];
  const started = performance.now();
  let count = 0;
  for await (const token of sequence.evaluate(tokens, { temperature: 0 })) {
    if (model.isEogToken(token)) break;
    if (++count >= TOKENS) break;
  }
  const elapsed = performance.now() - started;
  await context.dispose();
  if (count !== TOKENS) throw new Error(`direct run made ${count} tokens, not ${TOKENS}`);
  return (TOKENS * 1000) / elapsed;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
