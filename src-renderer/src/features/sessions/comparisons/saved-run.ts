/**
 * A comparison read back from a session, shaped as Compare's live ones, so Compare's panes (token
 * probabilities and alternatives) and its blind vote show and rate it as they do a fresh run.
 */
import type { Comparison, PaneRecord, Vote } from "@contract/session";
import type { ComparisonRun, PaneRun } from "../../../stores/compare";
import type { BlindPair } from "../../../stores/voting";

/** A recorded output as a finished pane. */
export function recordedPane({ output }: PaneRecord): PaneRun {
  const { text, stats, renderedPrompt, promptSpecialRanges, error } = output;
  return {
    runId: null, status: "finished", tokens: output.tokens, error,
    done: { runId: "", text, stats, renderedPrompt, promptSpecialRanges, error },
  };
}

let runs = 0;

/**
 * A saved comparison as a finished run. It names no local model (`modelIds` are empty), so panes
 * go by the names recorded in the session.
 */
export function savedComparisonRun(comparison: Comparison): ComparisonRun {
  return {
    key: ++runs,
    comparisonId: comparison.id,
    request: {
      prompt: comparison.prompt,
      panes: comparison.panes.map((pane) => ({ backend: { kind: "local", modelId: "" }, params: pane.params, topAlternatives: pane.topAlternatives })),
      language: comparison.language,
      origin: comparison.origin,
    },
    modelIds: comparison.panes.map(() => ""),
    panes: comparison.panes.map(recordedPane),
    status: "finished",
    error: null,
    saved: comparison,
    saveError: null,
  };
}

/** The rater's latest vote on the pair of panes `a` and `b` (either way round); null when none. */
export function latestVoteOn(votes: readonly Vote[], rater: string, [a, b]: readonly [number, number]): Vote | null {
  const name = rater.trim();
  return votes.findLast((vote) => vote.rater === name && ((vote.pair[0] === a && vote.pair[1] === b) || (vote.pair[0] === b && vote.pair[1] === a))) ?? null;
}

/**
 * Marks each open pair the rater has voted on already with that vote, its sides as they were voted
 * on (the verdict names A and B); pairs without one stay open for a vote.
 */
export function rememberVotes(pairs: BlindPair[], votes: readonly Vote[], rater: string): void {
  for (const pair of pairs) {
    const vote = pair.vote ? null : latestVoteOn(votes, rater, pair.shown);
    if (!vote) continue;
    pair.vote = vote;
    pair.shown = [vote.pair[0], vote.pair[1]];
  }
}
