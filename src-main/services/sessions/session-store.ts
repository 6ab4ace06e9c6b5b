/**
 * The session comparisons are saved in: kept in memory, written through to its file after every
 * change. Changes are applied in order, one save at a time, so concurrent votes are never lost.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { AppError } from "../../contract/errors";
import type { Comparison, EvalRunRef, SessionFile, Vote } from "../../contract/session";
import { newSession, openSessionFile, writeSessionFile } from "./session-file";

type Change = (session: SessionFile) => SessionFile;

interface PendingChange {
  change: Change;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SessionStore {
  /** Changes asked for and not yet being saved. */
  private pending: PendingChange[] = [];
  /** The running save loop, if any: it takes every pending change, batch after batch. */
  private saving: Promise<void> | null = null;
  private originalKept = false;

  private constructor(
    readonly path: string,
    private session: SessionFile,
    /** Why the file could not be read, when opened with `unreadable: "refuse-writes"`. */
    readonly openError: AppError | null = null,
    /** The older format version the file was migrated from; its original is copied aside before the first save. */
    readonly migratedFrom: number | null = null,
  ) {}

  /** Where the original of a migrated file is kept: `x.polyglot-session.json` → `x.polyglot-session.v1.json`. */
  static backupPath(path: string, version: number): string {
    return path.endsWith(".json") ? `${path.slice(0, -".json".length)}.v${version}.json` : `${path}.v${version}`;
  }

  /**
   * Opens the session in `path`, or starts a new one there (written on the first change). A file
   * that cannot be read (malformed, truncated, newer) throws — or, with `unreadable:
   * "refuse-writes"` (the app's own session at start-up: the app must still start), gives an empty
   * session whose every change fails with that error, so the file is never overwritten.
   */
  static async open(path: string, { unreadable = "throw" }: { unreadable?: "throw" | "refuse-writes" } = {}): Promise<SessionStore> {
    const fresh = () => newSession(basename(path).replace(/\.json$/, "").replace(/\.polyglot-session$/, ""));
    try {
      const opened = await openSessionFile(path);
      return new SessionStore(path, opened?.session ?? fresh(), null, opened?.migratedFrom ?? null);
    } catch (error) {
      if (unreadable === "throw") throw error;
      return new SessionStore(path, fresh(), AppError.from(error));
    }
  }

  get current(): SessionFile {
    return this.session;
  }

  addComparison(comparison: Comparison): Promise<void> {
    return this.update((session) => ({ ...session, comparisons: [...session.comparisons, comparison] }));
  }

  /** Adds a vote to a comparison; NOT_FOUND when the session has no such comparison. */
  addVote(comparisonId: string, vote: Vote): Promise<void> {
    return this.update((session) => this.changeComparison(session, comparisonId, (comparison) => ({ ...comparison, votes: [...comparison.votes, vote] })));
  }

  /** NOT_FOUND when the session has no such comparison. */
  private changeComparison(session: SessionFile, comparisonId: string, change: (comparison: Comparison) => Comparison): SessionFile {
    const index = session.comparisons.findIndex((comparison) => comparison.id === comparisonId);
    if (index < 0) throw new AppError({ code: "NOT_FOUND", field: "comparisonId", message: `This session has no comparison ${comparisonId}.` });
    const comparisons = [...session.comparisons];
    comparisons[index] = change(comparisons[index]);
    return { ...session, comparisons };
  }

  /** The session's notes (comparisonId null) or one comparison's. */
  setNotes(comparisonId: string | null, notes: string): Promise<void> {
    return this.update((session) => {
      if (comparisonId === null) return { ...session, notes };
      return this.changeComparison(session, comparisonId, (comparison) => ({ ...comparison, notes }));
    });
  }

  /** Adds a reference to an eval run, or replaces the one with the same run id (newer results). */
  addEvalRun(ref: EvalRunRef): Promise<void> {
    return this.update((session) => ({ ...session, evalRuns: [...session.evalRuns.filter((run) => run.runId !== ref.runId), ref] }));
  }

  removeEvalRun(runId: string): Promise<void> {
    return this.update((session) => ({ ...session, evalRuns: session.evalRuns.filter((run) => run.runId !== runId) }));
  }

  /**
   * Saves the changed session and only then makes it current: a change that fails to save is not
   * shown as saved. Changes that arrive while a save is running are saved together by the next
   * one (a big session takes seconds to write; raters voting meanwhile should not each wait for
   * their own rewrite). Changes build new objects (sharing the untouched ones), so no copy is needed.
   */
  private update(change: Change): Promise<void> {
    if (this.openError) return Promise.reject(this.openError);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ change, resolve, reject });
      // Started on a later tick, so `saving` is set before the loop can end and clear it.
      this.saving ??= Promise.resolve().then(() => this.saveAll());
    });
  }

  /** Saves batches of pending changes until none is left, then clears `saving` (in the same tick as the last check). */
  private async saveAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      let changed = this.session;
      const applied: PendingChange[] = [];
      for (const item of batch) {
        try {
          changed = item.change(changed);
          applied.push(item);
        } catch (error) {
          item.reject(error); // e.g. a vote on a comparison the session does not have: only it fails
        }
      }
      if (applied.length === 0) continue;
      try {
        changed = { ...changed, updatedAt: new Date().toISOString() };
        await this.write(changed);
        this.session = changed;
        for (const item of applied) item.resolve();
      } catch (error) {
        for (const item of applied) item.reject(error);
      }
    }
    this.saving = null;
  }

  private async write(session: SessionFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    if (this.migratedFrom !== null && !this.originalKept) {
      // The old version's file stays readable by the build that wrote it.
      await copyFile(this.path, SessionStore.backupPath(this.path, this.migratedFrom));
      this.originalKept = true;
    }
    await writeSessionFile(this.path, session);
  }

  /** Resolves when every change asked for so far is on disk. */
  async flush(): Promise<void> {
    await this.saving;
  }
}
