/** How the Sessions view words a session's parts: prompts, verdicts, pairs of panes, file names. */
import type { Verdict } from "@contract/session";

export { promptFirstLine } from "@contract/session";

export const VERDICT_LABELS: Record<Verdict, string> = {
  a: "A is better",
  b: "B is better",
  tie: "Tie",
  "both-bad": "Both are bad",
};

/** A verdict with the models' names: "polyglot-base is better", "Tie", "Both are bad". */
export function verdictWithNames(verdict: Verdict, names: [string, string]): string {
  if (verdict === "a") return `${names[0]} is better`;
  if (verdict === "b") return `${names[1]} is better`;
  return VERDICT_LABELS[verdict];
}

/** The name of the model behind a pane, or "Pane n" (from 1) when the comparison has no such pane. */
export function paneModelName(panes: readonly { model: { name: string } }[], index: number): string {
  return panes[index]?.model.name ?? `Pane ${index + 1}`;
}

/** The first 12 hex digits of a sha256, enough to tell files apart by eye. */
export function shortHash(sha256: string | null): string {
  return sha256 === null ? "—" : sha256.slice(0, 12);
}
