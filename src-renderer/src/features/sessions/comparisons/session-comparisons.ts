/**
 * A session's comparisons as the Sessions view keeps them: which ones the list shows (by prompt
 * language, and those the rater has not voted on yet), who voted, and votes heard of live.
 */
import type { ComparisonSummary, Vote } from "@contract/session";

export interface ComparisonFilter {
  /** Only comparisons whose prompt is in this language; null = every language. */
  language: string | null;
  /** Only comparisons this rater has cast no vote on; null = rated or not. */
  unratedBy: string | null;
}

export function filterComparisons<T extends Pick<ComparisonSummary, "language" | "votes">>(comparisons: readonly T[], filter: ComparisonFilter): T[] {
  const rater = filter.unratedBy?.trim() || null;
  return comparisons.filter((comparison) =>
    (filter.language === null || comparison.language === filter.language)
    && (rater === null || !comparison.votes.some((vote) => vote.rater === rater)));
}

/** The prompt languages the comparisons are in, each once, sorted. */
export function languagesOf(comparisons: readonly Pick<ComparisonSummary, "language">[]): string[] {
  return [...new Set(comparisons.flatMap((comparison) => comparison.language ?? []))].sort();
}

/** Everyone who voted in the session, each once, sorted. */
export function ratersOf(comparisons: readonly Pick<ComparisonSummary, "votes">[]): string[] {
  return [...new Set(comparisons.flatMap((comparison) => comparison.votes.map((vote) => vote.rater)))].sort();
}

/** Adds a vote to a comparison's votes unless it is there already (the voter hears of their own vote too); true when added. */
export function addVote(votes: Vote[], vote: Vote): boolean {
  if (votes.some((known) => known.id === vote.id)) return false;
  votes.push(vote);
  return true;
}

/**
 * Keeps in `fresh` (an answer from main) what was heard of live meanwhile: votes and comparisons
 * are only ever added to a session, so any `known` one the answer lacks came after it was made.
 */
export function keepKnown(fresh: ComparisonSummary[], known: readonly ComparisonSummary[]): void {
  for (const comparison of known) {
    const answered = fresh.find((candidate) => candidate.id === comparison.id);
    if (!answered) fresh.push(comparison);
    else for (const vote of comparison.votes) addVote(answered.votes, vote);
  }
}
