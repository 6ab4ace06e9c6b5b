/** How the report names comparisons and panes, the same in the votes, the conflicts and the links. */
import type { ComparisonSummary, Verdict } from "../../../contract/session";

/** The in-page anchor of a comparison: its position, since ids are free text. */
export function comparisonAnchor(index: number): string {
  return `comparison-${index + 1}`;
}

/** "2. polyglot-continued": the pane's position and model; a pane the comparison lacks is said to be missing. */
export function paneName(comparison: Pick<ComparisonSummary, "panes">, index: number): string {
  const pane = comparison.panes[index];
  return pane ? `${index + 1}. ${pane.model.name}` : `${index + 1}. (no such pane)`;
}

/** A verdict in words, with the panes it names. */
export function verdictText(comparison: Pick<ComparisonSummary, "panes">, pair: readonly [number, number], verdict: Verdict): string {
  switch (verdict) {
    case "a": return `A better (${paneName(comparison, pair[0])})`;
    case "b": return `B better (${paneName(comparison, pair[1])})`;
    case "tie": return "tie";
    case "both-bad": return "both bad";
  }
}
