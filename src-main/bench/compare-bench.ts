/**
 * `npm run bench:compare`: how much generation a comparison gets done with several panes at once,
 * against one pane alone, through the real services (the workbench started in this process, as
 * Electron's main process runs it; CompareService.start; no transport). Greedy runs on a prompt
 * whose continuation never ends, so every pane makes its full maxTokens.
 *
 * Per layout (1, 2, 4 panes on one model; 2, 4 panes on two models, half on each) and per number
 * of alternatives per token (5, the app's default, and 0): aggregate tok/s = all panes' tokens /
 * wall time from the start call to the last pane's end; each pane's tok/s (its tokens / time from
 * the start call to its own end); aggregate ÷ the one-pane aggregate of the same repetition; and
 * whether every pane had produced tokens when the first one ended. Medians over repetitions.
 * Prints Markdown tables for docs/benchmarks.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { CompareRequestSchema } from "../contract/compare";
import { startWorkbench, type Workbench } from "../app/workbench";
import { FIXTURE_CHECKPOINTS, writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { defaultThreads } from "../llama/threads";
import { fixtureTable, greedyContinuation, SAFE_MARGIN } from "../test-support/bigram-oracle";
import { BENCH_MODELS_DIR, cachedCopy, cachedFixtureModel, findStoriesModel, MEDIUM_SHAPE } from "./bench-models";
import { format, median } from "./bench-stats";

const REPS = Number(process.env.BENCH_RUNS ?? 5);
const ALTERNATIVES = [5, 0];
/** The most panes a layout has: models are loaded with this many sequences up front, so no run reloads one. */
const MAX_LAYOUT_PANES = 4;

interface Layout {
  label: string;
  panes: number;
  /** 2: the panes alternate between the setup's two models. */
  models: 1 | 2;
}

const LAYOUTS: Layout[] = [
  { label: "1 pane", panes: 1, models: 1 },
  { label: "2 panes, 1 model", panes: 2, models: 1 },
  { label: "4 panes, 1 model", panes: 4, models: 1 },
  { label: "2 panes, 2 models", panes: 2, models: 2 },
  { label: "4 panes, 2 models", panes: 4, models: 2 },
];

interface Setup {
  label: string;
  /** Two models of the same size (the two-model layouts put half the panes on each). */
  paths: [string, string];
  tokens: number;
  reps: number;
  /** A prompt on which greedy generation runs the full `tokens` on both models. */
  prompt: (workbench: Workbench, ids: [string, string], tokens: number) => Promise<string>;
}

interface Sample {
  aggregate: number;
  paneMin: number;
  paneMax: number;
  /** The smallest share of maxTokens a pane had streamed when the first pane ended (1 with one pane). */
  shareAtFirstEnd: number;
}

const PROMPT_CANDIDATES = [..."abcdefghijklmnopqrstuvwxyz"].map((letter) => `The ${letter}`);

/** For the fixture checkpoints (in any shape: same output): a prompt whose greedy chain never ends on either. */
async function fixturePrompt(_workbench: Workbench, _ids: [string, string], tokens: number): Promise<string> {
  const tables = [fixtureTable("polyglot-base"), fixtureTable("polyglot-continued")];
  const prompt = PROMPT_CANDIDATES.find((candidate) => tables.every((table) => {
    const prediction = greedyContinuation(table, candidate, tokens);
    return !prediction.endsWithEog && prediction.minMargin > SAFE_MARGIN;
  }));
  if (!prompt) throw new Error(`No candidate prompt runs ${tokens} tokens on both fixture checkpoints.`);
  return prompt;
}

/** For a real model: the first candidate on which a greedy run makes the full `tokens` (tried once). */
async function probedPrompt(workbench: Workbench, ids: [string, string], tokens: number): Promise<string> {
  for (const candidate of ["Once upon a time", "One day", "Lily and Tom", ...PROMPT_CANDIDATES]) {
    const started = await workbench.compare.start(compareRequest([ids[0]], candidate, tokens, 0));
    const { comparison } = await started.finished;
    if (comparison.panes[0].output.stats.stopReason === "max-tokens") return candidate;
  }
  throw new Error(`No candidate prompt runs ${tokens} tokens on ${ids[0]}.`);
}

function compareRequest(modelIds: string[], prompt: string, tokens: number, topAlternatives: number) {
  return CompareRequestSchema.parse({
    prompt: { mode: "completion", text: prompt },
    panes: modelIds.map((modelId) => ({
      backend: { kind: "local", modelId }, params: { temperature: 0, maxTokens: tokens, stop: [] }, topAlternatives,
    })),
  });
}

/** One comparison, timed from the start call to each pane's generation.done event. */
async function runComparison(workbench: Workbench, modelIds: string[], prompt: string, tokens: number, topAlternatives: number): Promise<Sample> {
  const streamed = new Map<string, number>();
  const endedAt = new Map<string, number>();
  let streamedAtFirstEnd: Map<string, number> | null = null;
  const stopTokens = workbench.bus.on("generation.tokens", ({ runId, tokens: batch }) => streamed.set(runId, (streamed.get(runId) ?? 0) + batch.length));
  const stopDone = workbench.bus.on("generation.done", ({ runId }) => {
    endedAt.set(runId, performance.now());
    streamedAtFirstEnd ??= new Map(streamed);
  });
  const request = compareRequest(modelIds, prompt, tokens, topAlternatives);
  const startedAt = performance.now();
  try {
    const started = await workbench.compare.start(request);
    const { comparison } = await started.finished; // saved in the session: after the timing
    const runIds = started.panes.map((pane, index) => {
      const { stats, error } = comparison.panes[index].output;
      if (error || !pane.runId) throw new Error(`pane ${index + 1} failed: ${error?.message ?? "no run"}`);
      if (stats.generatedTokens !== tokens) throw new Error(`pane ${index + 1} made ${stats.generatedTokens} tokens (${stats.stopReason}), not ${tokens}`);
      return pane.runId;
    });
    const paneRates = runIds.map((runId) => (tokens * 1000) / (endedAt.get(runId)! - startedAt));
    const lastEnd = Math.max(...runIds.map((runId) => endedAt.get(runId)!));
    const atFirstEnd = streamedAtFirstEnd as Map<string, number> | null;
    return {
      aggregate: (runIds.length * tokens * 1000) / (lastEnd - startedAt),
      paneMin: Math.min(...paneRates),
      paneMax: Math.max(...paneRates),
      shareAtFirstEnd: Math.min(...runIds.map((runId) => (atFirstEnd?.get(runId) ?? 0) / tokens)),
    };
  } finally {
    stopTokens();
    stopDone();
  }
}

function paneModels(layout: Layout, ids: [string, string]): string[] {
  return Array.from({ length: layout.panes }, (_, index) => ids[layout.models === 2 ? index % 2 : 0]);
}

/**
 * A workbench on the setup's workspace with both models loaded for the largest layout, and a session
 * of its own: every comparison is saved and the session file is rewritten each time, so a new one
 * per repetition keeps saving (after the timing, but before the next run) from growing.
 */
async function openWorkbench(scratch: string, setup: Setup, session: string): Promise<{ workbench: Workbench; ids: [string, string] }> {
  const workbench = await startWorkbench({
    workspaceDir: join(scratch, "workspace"), mode: "server", demo: false, hashModels: false,
    sessionFile: join(scratch, `session-${session}.json`),
  });
  await workbench.models.add(setup.paths); // the workspace keeps them: added once
  const ids = setup.paths.map((path) => workbench.models.list().find((model) => model.path === path)!.id) as [string, string];
  for (const id of ids) await workbench.models.load(id, undefined, MAX_LAYOUT_PANES);
  return { workbench, ids };
}

async function measureSetup(setup: Setup): Promise<void> {
  const scratch = await mkdtemp(join(os.tmpdir(), "polyglot-bench-compare-"));
  const setupStarted = performance.now();
  const samples = new Map<string, Sample[]>();
  const key = (layout: Layout, alternatives: number) => `${layout.label}/${alternatives}`;
  let prompt = "";
  let params: number | null | undefined = null;
  try {
    for (let rep = -1; rep < setup.reps; rep++) {
      const { workbench, ids } = await openWorkbench(scratch, setup, String(rep));
      try {
        if (rep < 0) {
          params = workbench.models.get(ids[0]).metadata?.parameterCount;
          prompt = await setup.prompt(workbench, ids, setup.tokens);
          // Warm-up: every layout once, short. (hashModels: false: no file is hashed, in the background or for saving.)
          for (const layout of LAYOUTS) await runComparison(workbench, paneModels(layout, ids), prompt, 8, ALTERNATIVES[0]);
          continue;
        }
        // Each repetition starts the layouts at a different one, and swaps the order of the runs with
        // and without alternatives (adjacent in time), so none always runs first (clocks, caches).
        const order = LAYOUTS.map((_, index) => LAYOUTS[(index + rep) % LAYOUTS.length]);
        for (const layout of order) {
          for (const alternatives of rep % 2 ? [...ALTERNATIVES].reverse() : ALTERNATIVES) {
            const sample = await runComparison(workbench, paneModels(layout, ids), prompt, setup.tokens, alternatives);
            samples.set(key(layout, alternatives), [...(samples.get(key(layout, alternatives)) ?? []), sample]);
          }
        }
      } finally {
        await workbench.dispose();
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  console.log(`\n### ${setup.label}${params ? ` (${format(params / 1e6, 2)}M params)` : ""}: ${setup.reps} repetitions × ${setup.tokens} tokens a pane, prompt ${JSON.stringify(prompt)}\n`);
  console.log("| layout | alternatives | aggregate tok/s | per pane tok/s (min – max) | aggregate ÷ 1 pane | aggregate ÷ same with 0 alternatives | every pane streaming when the first ended (least streamed share) |");
  console.log("|---|---|---|---|---|---|---|");
  for (const layout of LAYOUTS) {
    for (const alternatives of ALTERNATIVES) {
      const runs = samples.get(key(layout, alternatives))!;
      const single = samples.get(key(LAYOUTS[0], alternatives))!;
      const without = samples.get(key(layout, 0))!;
      // Ratios run by run (the runs of one repetition are adjacent in time), then the median.
      const ratio = (baseline: Sample[]) => format(median(runs.map((run, index) => run.aggregate / baseline[index].aggregate)), 2);
      const streaming = layout.panes === 1 ? "—" : `${runs.every((run) => run.shareAtFirstEnd > 0) ? "yes" : "NO"} (${format(median(runs.map((run) => run.shareAtFirstEnd)) * 100, 0)} %)`;
      console.log(
        `| ${layout.label} | ${alternatives} | ${format(median(runs.map((run) => run.aggregate)))} ` +
        `| ${format(median(runs.map((run) => run.paneMin)))} – ${format(median(runs.map((run) => run.paneMax)))} ` +
        `| ${layout.panes === 1 ? "1" : ratio(single)} | ${alternatives === 0 ? "—" : ratio(without)} | ${streaming} |`,
      );
    }
  }
  console.log(`\n(${format((performance.now() - setupStarted) / 1000, 0)} s)`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const [base, continued] = await writeFixtureModels(BENCH_MODELS_DIR);
  const setups: Setup[] = [
    { label: "Fixture checkpoints polyglot-base + polyglot-continued (F32)", paths: [base, continued], tokens: 1024, reps: REPS, prompt: fixturePrompt },
    {
      label: "The same checkpoints in a 103M-parameter shape (F32)",
      paths: [
        await cachedFixtureModel(FIXTURE_CHECKPOINTS[0], MEDIUM_SHAPE, "polyglot-base-103m.gguf"),
        await cachedFixtureModel(FIXTURE_CHECKPOINTS[1], MEDIUM_SHAPE, "polyglot-continued-103m.gguf"),
      ],
      tokens: 64, reps: Math.min(REPS, 4), prompt: fixturePrompt,
    },
  ];
  const stories = findStoriesModel();
  if (stories) {
    setups.push({
      label: "stories260K (../shared) + a copy of it under another name (two loaded models of the same cost)",
      paths: [stories, await cachedCopy(stories, "stories260K-copy.gguf")], tokens: 512, reps: REPS, prompt: probedPrompt,
    });
  }
  console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores; llama.cpp threads per context: ${defaultThreads()}; greedy; medians over repetitions; ratios are medians of run-by-run ratios.`);
  for (const setup of setups) await measureSetup(setup);
  console.log(`\nTotal: ${format((performance.now() - started) / 1000, 0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
