/** The session files a merge can take: workspace and recent ones, each once. */
import type { SessionEntry, SessionList } from "@contract/sessions";

export function mergeCandidates(list: SessionList | null): SessionEntry[] {
  const seen = new Set<string>();
  return [...(list?.workspace ?? []), ...(list?.recent ?? [])].filter((entry) => {
    if (seen.has(entry.path)) return false;
    seen.add(entry.path);
    return true;
  });
}

/** Where a merge writes by default: the workspace's sessions folder (relative paths are the workspace's). */
export const DEFAULT_MERGE_OUT = "sessions/merged.polyglot-session.json";
