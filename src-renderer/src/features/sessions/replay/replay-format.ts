/** How a replay's outcome is told, per pane and in sum. */
import type { ReplayRow } from "@contract/sessions";

/** A token's text with its invisible characters shown: a newline as ↵, a tab as ⇥; the end of the output named. */
export function visibleToken(token: { text: string } | null): string {
  if (token === null) return "end of output";
  return token.text === "" ? "(empty)" : `«${token.text.replace(/\n/g, "↵").replace(/\t/g, "⇥")}»`;
}

/** "exact ✓", "diverged at token 4: expected «a» got «b»", "missing model", "failed: …", "cancelled". */
export function replayStatusText(row: ReplayRow): string {
  switch (row.status) {
    case "exact":
      return "exact ✓";
    case "diverged": {
      const difference = row.firstDifference;
      if (!difference) return "diverged";
      return `diverged at token ${difference.index + 1}: expected ${visibleToken(difference.expected)} got ${visibleToken(difference.actual)}`;
    }
    case "missing-model":
      return "missing model";
    case "failed":
      return row.error ? `failed: ${row.error.message}` : "failed";
    case "cancelled":
      return "cancelled";
  }
}

/** "2 of 3 panes exact (1 diverged)". */
export function replaySummary(rows: readonly ReplayRow[]): string {
  const counts = new Map<ReplayRow["status"], number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const others = (["diverged", "missing-model", "failed", "cancelled"] as const)
    .filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${status === "missing-model" ? "missing a model" : status}`);
  const exact = `${counts.get("exact") ?? 0} of ${rows.length} ${rows.length === 1 ? "pane" : "panes"} exact`;
  return others.length > 0 ? `${exact} (${others.join(", ")})` : exact;
}
