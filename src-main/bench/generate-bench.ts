/**
 * `npm run bench:generate`: greedy generation speed through the workbench API in server mode
 * (over the WebSocket, as the renderer sees it) against node-llama-cpp called directly on the
 * same model, prompt, threads and length. Two baselines: `evaluateWithMetadata` with each token's
 * probability (the same work the workbench does: it reports a log-probability per token) and plain
 * `evaluate` (tokens only). Also: `polyglot serve` start to first API answer.
 * Prints a Markdown table for docs/benchmarks.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import type { LlamaModel } from "node-llama-cpp";
import type { RpcClient } from "../contract/rpc-client";
import { FIXTURE_CHECKPOINTS, writeFixtureModel, writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { getLlamaRuntime } from "../llama/llama-runtime";
import { startRun } from "../rpc/client-run";
import { defaultThreads } from "../llama/threads";
import { findStoriesModel, MEDIUM_SHAPE } from "./bench-models";
import { format, median } from "./bench-stats";
import { startServeProcess } from "./serve-process";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 1024);
const PROMPT = "Once upon a time";
const CONTEXT_SIZE = 2048;

interface Candidate {
  label: string;
  path: string;
  tokens: number;
  runs: number;
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(os.tmpdir(), "polyglot-bench-"));
  const workspace = join(scratch, "workspace");
  const [, continued] = await writeFixtureModels(join(scratch, "fixtures"));
  // The same checkpoint in a ~100M-parameter shape: per-token compute like a small real model on CPU.
  const medium = await writeFixtureModel(join(scratch, "fixtures"), FIXTURE_CHECKPOINTS[1], MEDIUM_SHAPE, "polyglot-continued-100m.gguf");
  const candidates: Candidate[] = [
    { label: "polyglot-continued (fixture, 0.44M params, F32)", path: continued, tokens: TOKENS, runs: RUNS },
    { label: "polyglot-continued in a 103M-parameter shape (F32)", path: medium, tokens: 96, runs: 7 },
  ];
  const stories = findStoriesModel();
  if (stories) candidates.push({ label: "stories260K (../shared, 0.26M params)", path: stories, tokens: TOKENS, runs: RUNS });

  const threads = defaultThreads();
  const serve = await startServeProcess(workspace, { POLYGLOT_THREADS: String(threads) });
  console.log(`\nMachine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores; llama.cpp threads: ${threads}; greedy; tok/s are medians; ratios are medians of run-by-run ratios.\n`);
  console.log(`polyglot serve start → first successful API call: ${format(serve.startupMs, 0)} ms\n`);
  console.log("| model | runs × tokens | workbench API over WebSocket (tok/s) | direct `evaluateWithMetadata` + probability (tok/s) | ratio | direct `evaluate`, tokens only (tok/s) | ratio |");
  console.log("|---|---|---|---|---|---|---|");
  const llama = await getLlamaRuntime();
  try {
    for (const candidate of candidates) {
      const { added } = await serve.client.call("models.add", { paths: [candidate.path] });
      const id = added[0]?.id ?? (await serve.client.call("models.list", {})).find((m) => m.path === candidate.path)!.id;
      await serve.client.call("models.load", { id, contextSize: CONTEXT_SIZE });
      const model = await llama.loadModel({ modelPath: candidate.path, gpuLayers: 0 });
      const api: number[] = [];
      const withProbability: number[] = [];
      const tokensOnly: number[] = [];
      const { tokens, runs } = candidate;
      await viaApi(serve.client, id, tokens); // warm-up, both sides
      await viaSequence(model, threads, true, tokens);
      for (let run = 0; run < runs; run++) {
        // Alternate the order so neither side always runs first (caches, clocks).
        const apiFirst = run % 2 === 0;
        if (apiFirst) api.push(await viaApi(serve.client, id, tokens));
        withProbability.push(await viaSequence(model, threads, true, tokens));
        tokensOnly.push(await viaSequence(model, threads, false, tokens));
        if (!apiFirst) api.push(await viaApi(serve.client, id, tokens));
      }
      await model.dispose();
      await serve.client.call("models.unload", { id });
      // Ratios are taken run by run (adjacent in time, so they share the machine's state), then the median.
      const ratio = (baseline: number[]) => median(api.map((value, run) => value / baseline[run]));
      console.log(
        `| ${candidate.label} | ${runs} × ${tokens} | ${format(median(api))} | ${format(median(withProbability))} | ${format(ratio(withProbability), 3)} ` +
        `| ${format(median(tokensOnly))} | ${format(ratio(tokensOnly), 3)} |`,
      );
    }
  } finally {
    await serve.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Tokens/s seen by a client: from the start call to the done event. */
async function viaApi(client: RpcClient, modelId: string, tokens: number): Promise<number> {
  const started = performance.now();
  const run = await startRun(client, {
    mode: "completion", modelId, prompt: PROMPT, params: { temperature: 0, maxTokens: tokens, stop: [] },
  });
  const { done } = await run.finished;
  if (done.stats.generatedTokens !== tokens) throw new Error(`API run made ${done.stats.generatedTokens} tokens, not ${tokens}`);
  return (tokens * 1000) / (performance.now() - started);
}

async function viaSequence(model: LlamaModel, threads: number, withProbability: boolean, tokens: number): Promise<number> {
  const context = await model.createContext({ contextSize: CONTEXT_SIZE, threads, });
  const sequence = context.getSequence();
  const prompt = [model.tokens.bos!, ...model.tokenize(PROMPT)];
  const started = performance.now();
  let count = 0;
  const evaluation = withProbability
    ? sequence.evaluateWithMetadata(prompt, { confidence: true }, { temperature: 0 })
    : sequence.evaluate(prompt, { temperature: 0 });
  for await (const output of evaluation) {
    const token = typeof output === "number" ? output : output.token;
    if (model.isEogToken(token)) break;
    if (++count >= tokens) break;
  }
  const elapsed = performance.now() - started;
  await context.dispose();
  if (count !== tokens) throw new Error(`direct run made ${count} tokens, not ${tokens}`);
  return (tokens * 1000) / elapsed;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
