/**
 * `npm run bench:session`: opening and saving a big session file, as issue 6 asks: 1,000
 * comparisons × 4 panes × 256 tokens, each with its top-5 alternatives. Times are medians of
 * BENCH_RUNS; memory is the process's resident size gained by opening (the parsed session held).
 * Also the HTML report of that session (`session export-html`): the time to render it and its size.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import type { GeneratedToken } from "../contract/generation";
import { ComparisonSchema, SESSION_FORMAT, SESSION_VERSION, roundLogprob, type SessionFile } from "../contract/session";
import { renderSessionReport } from "../services/sessions/report/html-report";
import { readSessionFile, writeSessionFile } from "../services/sessions/session-file";
import { format, median } from "./bench-stats";

const REPS = Number(process.env.BENCH_RUNS ?? 3);
const COMPARISONS = 1000;
const PANES = 4;
const TOKENS = 256;
const TOP = 5;

function bigSession(): SessionFile {
  const words = ["Habari", " ya", " leo", ",", " rafiki", " yangu", ".", " Ninafurahi", " kukuona", "!"];
  const tokens: GeneratedToken[] = Array.from({ length: TOKENS }, (_, index) => ({
    id: 1000 + index, text: words[index % words.length], logprob: roundLogprob(-0.1 * (index % 7) - index / 997),
    top: Array.from({ length: TOP }, (_, rank) => ({ id: 1000 + index + rank, text: words[(index + rank) % words.length], logprob: roundLogprob(-0.1 * (index % 7) - index / 997 - rank * 1.37) })),
  }));
  const comparisons = Array.from({ length: COMPARISONS }, (_, index) => ComparisonSchema.parse({
    id: `comparison-${index}`, createdAt: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
    prompt: { mode: "completion", text: `Tafsiri kwa Kiingereza: sentensi ${index}` }, language: "swh_Latn", origin: null,
    panes: Array.from({ length: PANES }, (_, pane) => ({
      backend: "local",
      model: { name: `model-${pane}`, path: `/models/model-${pane}.gguf`, sha256: `${pane}`.repeat(64), quantization: "Q4_K_M", architecture: "llama", parameterCount: 7e9 },
      params: {}, topAlternatives: TOP,
      output: {
        text: tokens.map((token) => token.text).join(""), tokens,
        stats: { promptTokens: 12, generatedTokens: TOKENS, timeToFirstTokenMs: 40, tokensPerSecond: 30, totalMs: 8000, stopReason: "max-tokens" },
        renderedPrompt: `<s>Tafsiri kwa Kiingereza: sentensi ${index}`, error: null,
      },
    })),
    votes: [{ id: `vote-${index}`, createdAt: new Date(Date.UTC(2025, 0, 2) + index * 60_000).toISOString(), rater: "amina", pair: [0, 1], winner: "a", note: "", promptLanguage: null, responseLanguage: null, blind: true }],
  }));
  return { format: SESSION_FORMAT, version: SESSION_VERSION, id: "bench", title: "bench", createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z", notes: "", evalRuns: [], comparisons };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(os.tmpdir(), "polyglot-bench-session-"));
  const file = join(dir, "big.polyglot-session.json");
  try {
    let session: SessionFile | null = bigSession();
    const saves: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const started = performance.now();
      await writeSessionFile(file, session);
      saves.push(performance.now() - started);
    }
    const renders: number[] = [];
    let reportBytes = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const started = performance.now();
      const html = renderSessionReport(session);
      renders.push(performance.now() - started);
      reportBytes = Buffer.byteLength(html);
    }
    session = null; // only the opened copy is held while memory is measured
    const opens: number[] = [];
    let rssGrowth = 0;
    for (let rep = 0; rep < REPS; rep++) {
      global.gc?.();
      const before = process.memoryUsage();
      const started = performance.now();
      const opened = await readSessionFile(file);
      opens.push(performance.now() - started);
      global.gc?.();
      const after = process.memoryUsage();
      rssGrowth = after.rss - before.rss;
      if (opened?.comparisons.length !== COMPARISONS) throw new Error("the session did not read back whole");
    }
    const size = (await stat(file)).size;
    console.log(`${COMPARISONS} comparisons × ${PANES} panes × ${TOKENS} tokens, top-${TOP} alternatives; ${REPS} repetitions`);
    console.log("| file size | save (s) | open (s) | resident memory gained by opening | HTML report (s) | report size |");
    console.log("|---|---|---|---|---|---|");
    console.log(`| ${format(size / 1e6, 1)} MB | ${format(median(saves) / 1000, 2)} | ${format(median(opens) / 1000, 2)} | ${format(rssGrowth / 1e6, 0)} MB ` +
      `| ${format(median(renders) / 1000, 2)} | ${format(reportBytes / 1e6, 1)} MB |`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
