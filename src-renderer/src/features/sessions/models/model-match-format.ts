/** How a session model's match among the local models is told. */
import type { ModelMatch } from "@contract/sessions";

export type MatchStatus = "sha256" | "name" | "missing";

export function matchStatus(entry: ModelMatch): MatchStatus {
  return entry.match?.by ?? "missing";
}

/** "same file (sha256) ✓", "by name ⚠ another file", "by name ⚠ (file not compared)", "missing". */
export function matchLabel(entry: ModelMatch): string {
  const { match } = entry;
  if (!match) return "missing";
  if (match.by === "sha256") return "same file (sha256) ✓";
  if (match.sameFile === false) return "by name ⚠ another file";
  if (match.sameFile === null) return "by name ⚠ (file not compared)";
  return "by name ✓ same file";
}
