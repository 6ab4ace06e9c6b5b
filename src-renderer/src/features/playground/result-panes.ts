/**
 * What the Playground shows after Run: one group per variables row, one Compare pane per model,
 * either live (the generation store's runs) or from a history entry (its recorded outputs).
 */
import type { HistoryOutput } from "@contract/prompts";
import type { PaneRun } from "../../stores/compare";
import type { Run } from "../../stores/generation";

export interface ResultPane {
  key: string;
  modelId: string;
  /** The model's name. */
  title: string;
  pane: PaneRun;
}

export interface ResultGroup {
  /** Index in the draft's variables table. */
  row: number;
  panes: ResultPane[];
}

/** One run of a Run press: a row of the variables table on one model. */
export interface BatchCell {
  row: number;
  modelId: string;
  modelName: string;
  run: Run;
}

/** A run as a Compare pane (a pane knows no "cancelling": it runs until its end arrives). */
export function runAsPane(run: Run): PaneRun {
  return {
    runId: run.runId, status: run.status === "cancelling" ? "running" : run.status, tokens: run.tokens, done: run.done, error: run.error,
  };
}

/** A recorded output as a finished pane: its text and stats (the prompt as rendered is not recorded). */
export function outputAsPane(output: HistoryOutput): PaneRun {
  const done = output.stats
    ? { runId: "", text: output.text, stats: output.stats, renderedPrompt: "", promptSpecialRanges: [], error: output.error }
    : null;
  return { runId: null, status: "finished", tokens: [], done, error: output.error };
}

/**
 * What a finished run is recorded as: the final text, or what streamed when it ended in an error.
 * Plain data (copies of the run's reactive objects), ready for IPC.
 */
export function cellOutput(cell: BatchCell): HistoryOutput {
  const { run } = cell;
  const text = run.done && !run.done.error ? run.done.text : run.tokens.map((token) => token.text).join("");
  return {
    modelId: cell.modelId, modelName: cell.modelName, row: cell.row, text,
    stats: run.done ? { ...run.done.stats } : null,
    error: run.error ? { ...run.error } : null,
  };
}

/** Panes grouped by row, rows and panes in the order first met. */
export function groupByRow(panes: readonly (ResultPane & { row: number })[]): ResultGroup[] {
  const groups = new Map<number, ResultGroup>();
  for (const { row, ...pane } of panes) {
    let group = groups.get(row);
    if (!group) groups.set(row, (group = { row, panes: [] }));
    group.panes.push(pane);
  }
  return [...groups.values()];
}
