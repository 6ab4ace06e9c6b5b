/**
 * Reading a vote against the comparison it belongs to: which two panes it compared and which
 * language it counts under. Shared by the leaderboard and the preference export so both read a
 * vote the same way.
 */
import { AppError } from "../../contract/errors";
import type { ComparisonSummary, ModelIdentity, Vote } from "../../contract/session";

/**
 * Panes A and B of a vote. The session schema cannot bound `pair` by the pane count, so a
 * hand-edited or damaged file may point past the panes: fail with the ids to fix rather than
 * count the vote for the wrong model.
 */
export function votePanes<C extends ComparisonSummary>(comparison: C, vote: Vote): [C["panes"][number], C["panes"][number]] {
  const [a, b] = vote.pair.map((index) => comparison.panes[index]);
  if (!a || !b) {
    throw new AppError({
      code: "INVALID_INPUT",
      message: `Vote ${vote.id} in comparison ${comparison.id} compares panes ${vote.pair[0]} and ${vote.pair[1]}, but the comparison has ${comparison.panes.length}.`,
    });
  }
  return [a, b];
}

/** The language a vote counts under: the one the rater gave, else the comparison's prompt language. */
export function voteLanguage(comparison: ComparisonSummary, vote: Vote): string | null {
  return vote.promptLanguage ?? comparison.language;
}

/** Votes on the same file count together across comparisons; a file that could not be hashed goes by its name. */
export function modelKey(model: ModelIdentity): string {
  return model.sha256 ?? model.name;
}
