/**
 * What the session list shows of a file (title, counts, raters), read once per file version: a
 * big session takes seconds to parse, so entries are kept by path, size and modification time.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../../contract/errors";
import type { SessionFile } from "../../contract/session";
import type { SessionEntry } from "../../contract/sessions";
import { readExistingSessionFile } from "./session-file";

export const SESSION_FILE_SUFFIX = ".polyglot-session.json";

export class SessionEntries {
  private readonly cache = new Map<string, { stamp: string; entry: SessionEntry }>();

  async entry(path: string): Promise<SessionEntry> {
    const info = await stat(path).catch(() => null);
    const stamp = info ? `${info.size}:${info.mtimeMs}` : "missing";
    const cached = this.cache.get(path);
    if (cached?.stamp === stamp) return cached.entry;
    const entry = await this.read(path);
    this.cache.set(path, { stamp, entry });
    return entry;
  }

  /** Every `*.polyglot-session.json` in `dir` (not its subfolders), newest first. */
  async inFolder(dir: string): Promise<SessionEntry[]> {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(SESSION_FILE_SUFFIX));
    const entries = await Promise.all(names.map((name) => this.entry(join(dir, name))));
    return entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async read(path: string): Promise<SessionEntry> {
    try {
      return describeSession(path, await readExistingSessionFile(path));
    } catch (error) {
      return { path, title: "", comparisons: 0, votes: 0, raters: [], updatedAt: "", error: AppError.from(error).toData() };
    }
  }
}

export function describeSession(path: string, session: SessionFile): SessionEntry {
  const votes = session.comparisons.flatMap((comparison) => comparison.votes);
  return {
    path, title: session.title, comparisons: session.comparisons.length, votes: votes.length,
    raters: [...new Set(votes.map((vote) => vote.rater))].sort(), updatedAt: session.updatedAt, error: null,
  };
}
