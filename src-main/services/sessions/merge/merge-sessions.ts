/**
 * Several raters' copies of a session made into one: comparisons joined by id (the same
 * comparison must hold the same panes in every file), votes pooled with their raters, the items
 * raters disagree on listed, and the agreement between raters measured.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../../../contract/errors";
import { SESSION_FORMAT, SESSION_VERSION, type Comparison, type SessionFile, type Verdict, type Vote } from "../../../contract/session";
import type { Agreement, AgreementReport, MergeReport, RatedItem } from "../../../contract/sessions";
import { cohensKappa, fleissKappa } from "./agreement";

export interface SessionSource {
  file: string;
  session: SessionFile;
}

export function mergeSessions(sources: readonly SessionSource[]): { session: SessionFile; report: MergeReport } {
  const comparisons = new Map<string, { comparison: Comparison; file: string }>();
  for (const { file, session } of sources) {
    for (const comparison of session.comparisons) {
      const known = comparisons.get(comparison.id);
      if (!known) {
        comparisons.set(comparison.id, { comparison: { ...comparison, votes: [...comparison.votes] }, file });
        continue;
      }
      if (!samePanes(known.comparison, comparison)) {
        throw new AppError({
          code: "INVALID_INPUT", file,
          message: `Comparison ${comparison.id} differs between ${known.file} and ${file} (other models or outputs): these are not copies of one session.`,
        });
      }
      const votes = new Set(known.comparison.votes.map((vote) => vote.id));
      known.comparison.votes.push(...comparison.votes.filter((vote) => !votes.has(vote.id)));
      known.comparison.notes = joinNotes([known.comparison.notes, comparison.notes]);
    }
  }
  const merged = [...comparisons.values()].map(({ comparison }) => ({ ...comparison, votes: sortedVotes(comparison.votes) }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const session: SessionFile = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    id: randomUUID(),
    title: `Merged: ${[...new Set(sources.map((source) => source.session.title))].join(" + ")}`,
    createdAt: sources.map((source) => source.session.createdAt).sort()[0] ?? new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    notes: joinNotes(sources.map((source) => source.session.notes)),
    evalRuns: [...new Map(sources.flatMap((source) => source.session.evalRuns).map((run) => [run.runId, run])).values()],
    comparisons: merged,
  };
  return {
    session,
    report: {
      files: sources.map((source) => source.file),
      comparisons: merged.length,
      votes: merged.reduce((count, comparison) => count + comparison.votes.length, 0),
      ...agreementReport(merged),
    },
  };
}

/** The raters of these comparisons, their agreement and the items they disagree on. */
export function agreementReport(comparisons: readonly Comparison[]): AgreementReport {
  const items = ratedItems(comparisons);
  const raters = [...new Set(comparisons.flatMap((comparison) => comparison.votes.map((vote) => vote.rater)))].sort();
  return { raters, agreement: agreement(items, raters), conflicts: items.filter((item) => new Set(Object.values(item.verdicts)).size > 1) };
}

/** Every pair of panes someone voted on, with each rater's latest verdict, seen lower pane first. */
export function ratedItems(comparisons: readonly Comparison[]): RatedItem[] {
  const items = new Map<string, RatedItem>();
  for (const comparison of comparisons) {
    for (const vote of sortedVotes(comparison.votes)) {
      const [first, second] = vote.pair;
      const pair: [number, number] = first <= second ? [first, second] : [second, first];
      const key = `${comparison.id}\u0000${pair.join(",")}`;
      const item = items.get(key) ?? { comparisonId: comparison.id, pair, verdicts: {} };
      item.verdicts[vote.rater] = first <= second ? vote.winner : swapped(vote.winner);
      items.set(key, item);
    }
  }
  return [...items.values()];
}

function agreement(items: readonly RatedItem[], raters: readonly string[]): Agreement {
  if (raters.length < 2) return { method: null, kappa: null, items: 0 };
  const common = items.filter((item) => raters.every((rater) => rater in item.verdicts));
  if (raters.length === 2) {
    const [first, second] = raters;
    return { method: "cohen", kappa: cohensKappa(common.map((item) => [item.verdicts[first], item.verdicts[second]] as const)), items: common.length };
  }
  const counts = common.map((item) => {
    const count: Record<string, number> = {};
    for (const verdict of Object.values(item.verdicts)) count[verdict] = (count[verdict] ?? 0) + 1;
    return count;
  });
  return { method: "fleiss", kappa: fleissKappa(counts), items: common.length };
}

/** A verdict as it reads with A and B the other way round. */
function swapped(verdict: Verdict): Verdict {
  return verdict === "a" ? "b" : verdict === "b" ? "a" : verdict;
}

function sortedVotes(votes: readonly Vote[]): Vote[] {
  return [...votes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The same models and the same outputs, pane by pane. */
function samePanes(a: Comparison, b: Comparison): boolean {
  return a.panes.length === b.panes.length && a.panes.every((pane, index) => {
    const other = b.panes[index];
    const sameModel = pane.model.sha256 !== null && other.model.sha256 !== null
      ? pane.model.sha256 === other.model.sha256
      : pane.model.name === other.model.name;
    return sameModel && pane.output.text === other.output.text;
  });
}

/** Each different note once, in order: raters' notes on the same thing are all kept. */
function joinNotes(notes: string[]): string {
  return [...new Set(notes.map((note) => note.trim()).filter(Boolean))].join("\n\n");
}
