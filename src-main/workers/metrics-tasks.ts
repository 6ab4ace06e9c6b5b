/**
 * CPU-heavy computations that run off the main thread (in the metrics worker), by name. Each takes
 * and returns plain data that structured clone can carry.
 */
import type { Leaderboard, LeaderboardRequest } from "../contract/compare";
import type { ComparisonSummary, SessionFile } from "../contract/session";
import { renderSessionReport } from "../services/sessions/report/html-report";
import { readFileSync } from "node:fs";
import { computeLeaderboard } from "../services/compare/leaderboard/leaderboard";
import type { DeltaRequest, DeltaRow, ItemRecord, SummaryRow } from "../contract/eval";
import { computeDeltas } from "../services/eval/delta";
import { parseItemLines } from "../services/eval/runner/run-folder";
import { summarizeRecords } from "../services/eval/runner/summarize";
import type { TextCounts } from "../contract/tokenize";
import { addCounts, countText } from "../services/tokenizers/text-counts";

export const metricsTasks = {
  leaderboard: (input: { comparisons: ComparisonSummary[]; request: LeaderboardRequest }): Leaderboard =>
    computeLeaderboard(input.comparisons, input.request),
  /** Reads items.jsonl here (a big run's records never cross threads) and summarizes it. */
  evalSummary: (input: { itemsFile: string; seed: number }): SummaryRow[] => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(input.itemsFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return []; // nothing scored yet
      throw error;
    }
    return summarizeRecords(parseItemLines(input.itemsFile, bytes).records, input.seed);
  },
  evalDelta: (input: { request: DeltaRequest; records: ItemRecord[][] }): DeltaRow[] => computeDeltas(input.request, input.records),
  /** A corpus language's words, characters and bytes (word segmentation of ~1,000 sentences takes a while). */
  textCounts: (input: { sentences: string[] }): TextCounts =>
    input.sentences.reduce((total, sentence) => addCounts(total, countText(sentence)), { words: 0, characters: 0, bytes: 0 }),
  /** The session as one self-contained HTML page. */
  sessionReport: (input: { session: SessionFile }): string => renderSessionReport(input.session),
};

export type MetricsTasks = typeof metricsTasks;
export type MetricsTask = keyof MetricsTasks;
