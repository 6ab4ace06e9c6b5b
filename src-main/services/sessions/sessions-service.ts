/**
 * The current session and the others around it: opening and creating session files, the recent
 * list, notes, eval-run references, raters' agreement, model matching and replay, merging, and
 * the HTML report. Comparisons and votes go into `store` (the current session's).
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import type { ExportedFile, Leaderboard } from "../../contract/compare";
import { AppError } from "../../contract/errors";
import { summarizeComparison, type Comparison, type EvalRunRef } from "../../contract/session";
import type { CurrentSession, MergeReport, ModelMatch, ReplayReport, ReplayRequest, SessionList } from "../../contract/sessions";
import type { EventBus } from "../../rpc/event-bus";
import type { MetricsWorkerClient } from "../../workers/metrics-worker-client";
import type { EvalService } from "../eval/eval-service";
import type { GenerationService } from "../generation/generation-service";
import type { ModelsService } from "../models/models-service";
import { agreementReport } from "./merge/merge-sessions";
import { mergeSessionFiles } from "./merge/merge-files";
import { RecentSessions } from "./recent-sessions";
import { matchModels } from "./replay/model-matching";
import { ReplayJobs } from "./replay/replay-jobs";
import { SESSION_FILE_SUFFIX, SessionEntries, describeSession } from "./session-entries";
import { newSession, writeSessionFile } from "./session-file";
import { SessionStore } from "./session-store";

export interface SessionsPlaces {
  /** The workspace folder: relative paths are resolved against it. */
  dir: string;
  sessionsDir: string;
  cacheDir: string;
  defaultSessionFile: string;
}

export interface SessionsDeps {
  bus: EventBus;
  models: ModelsService;
  generation: GenerationService;
  evaluation: EvalService;
  metrics: MetricsWorkerClient;
}

export class SessionsService {
  private readonly recent: RecentSessions;
  private readonly entries = new SessionEntries();

  private readonly replays: ReplayJobs;

  private constructor(
    private readonly places: SessionsPlaces,
    private readonly deps: SessionsDeps,
    private current: SessionStore,
  ) {
    this.recent = new RecentSessions(join(places.cacheDir, "recent-sessions.json"));
    this.replays = new ReplayJobs(deps.models, deps.generation, deps.bus);
  }

  /**
   * Starts on `sessionFile` when given (it must open), otherwise on the session opened last (or
   * the workspace's default one). The app's own choice may be unreadable: the app still starts,
   * on an empty session that refuses every change, and the file is left alone.
   */
  static async start(places: SessionsPlaces, deps: SessionsDeps, sessionFile?: string): Promise<SessionsService> {
    if (sessionFile) return new SessionsService(places, deps, await SessionStore.open(sessionFile));
    const recent = new RecentSessions(join(places.cacheDir, "recent-sessions.json"));
    const last = (await recent.list()).find((path) => existsSync(path)) ?? places.defaultSessionFile;
    if (existsSync(last)) await recent.remember(last);
    return new SessionsService(places, deps, await SessionStore.open(last, { unreadable: "refuse-writes" }));
  }

  get store(): SessionStore {
    return this.current;
  }

  describe(): CurrentSession {
    const { path, current: session, migratedFrom, openError } = this.current;
    return {
      path, migratedFrom, openError: openError?.toData() ?? null,
      originalKeptAs: migratedFrom === null ? null : SessionStore.backupPath(path, migratedFrom),
      session: { ...session, comparisons: session.comparisons.map(summarizeComparison) },
    };
  }

  comparison(id: string): Comparison {
    const found = this.current.current.comparisons.find((comparison) => comparison.id === id);
    if (!found) throw new AppError({ code: "NOT_FOUND", field: "id", message: `This session has no comparison ${id}.` });
    return found;
  }

  async list(): Promise<SessionList> {
    // The current session is described from memory: it may not be on disk yet (nothing saved in it).
    const { path: current, openError } = this.current;
    const entry = (path: string) => (path === current && !openError ? describeSession(path, this.current.current) : this.entries.entry(path));
    const inFolder = await this.entries.inFolder(this.places.sessionsDir);
    return {
      current,
      recent: await Promise.all((await this.recent.list()).map(entry)),
      workspace: await Promise.all(inFolder.map((found) => entry(found.path))),
    };
  }

  /** Makes the session in `path` the current one. One that cannot be read is refused (naming the file); the current one stays. */
  async open(path: string): Promise<CurrentSession> {
    const absolute = this.resolvePath(path);
    if (!existsSync(absolute)) throw new AppError({ code: "NOT_FOUND", file: absolute, message: `${absolute} does not exist.` });
    const next = await SessionStore.open(absolute);
    await this.switchTo(next);
    return this.describe();
  }

  /** A new, empty session in the workspace's `sessions/` folder, named after its title, made current. */
  async create(title: string): Promise<CurrentSession> {
    await mkdir(this.places.sessionsDir, { recursive: true });
    const base = slug(title) || "session";
    let path = join(this.places.sessionsDir, `${base}${SESSION_FILE_SUFFIX}`);
    for (let n = 2; existsSync(path); n++) path = join(this.places.sessionsDir, `${base}-${n}${SESSION_FILE_SUFFIX}`);
    await writeSessionFile(path, newSession(title));
    await this.switchTo(await SessionStore.open(path));
    return this.describe();
  }

  async setNotes(comparisonId: string | null, notes: string): Promise<void> {
    await this.current.setNotes(comparisonId, notes);
    this.deps.bus.emit("session.changed", { path: this.current.path, change: "notes" });
  }

  /** Refers to an eval run from the session, with its results as they are now. */
  async linkEvalRun(runId: string): Promise<EvalRunRef> {
    const { info, manifest, summary } = await this.deps.evaluation.run(runId);
    const ref: EvalRunRef = { runId, name: manifest.name, addedAt: new Date().toISOString(), tasks: info.tasks, models: info.models, rows: summary.rows };
    await this.current.addEvalRun(ref);
    this.deps.bus.emit("session.changed", { path: this.current.path, change: "evalRuns" });
    return ref;
  }

  async unlinkEvalRun(runId: string): Promise<void> {
    await this.current.removeEvalRun(runId);
    this.deps.bus.emit("session.changed", { path: this.current.path, change: "evalRuns" });
  }

  agreement() {
    return agreementReport(this.current.current.comparisons);
  }

  /** Merges session files into `out` (a new file), optionally opening it. */
  async merge(paths: string[], out: string, force: boolean, open: boolean): Promise<{ path: string; report: MergeReport; leaderboard: Leaderboard }> {
    const target = this.resolvePath(out);
    // The current session's unsaved changes would not be in the merge: wait for them.
    await this.current.flush();
    const { report, leaderboard } = await mergeSessionFiles(paths.map((path) => this.resolvePath(path)), target, force);
    if (open) await this.switchTo(await SessionStore.open(target));
    return { path: target, report, leaderboard };
  }

  matchModels(): Promise<ModelMatch[]> {
    return matchModels(this.current.current, this.deps.models);
  }

  replay(request: ReplayRequest, connectionId: string | null): Promise<ReplayReport> {
    return this.replays.run(this.current.current, request, connectionId);
  }

  cancelReplay(jobId: string): boolean {
    return this.replays.cancel(jobId);
  }

  cancelReplaysOfConnection(connectionId: string): void {
    this.replays.cancelOfConnection(connectionId);
  }

  /** Rendered on the metrics worker: a big session's report is tens of megabytes of HTML. */
  async exportHtml(): Promise<ExportedFile> {
    const { title } = this.current.current;
    const content = await this.deps.metrics.run("sessionReport", { session: this.current.current });
    return { name: `${slug(title) || "session"}.html`, mediaType: "text/html", content, records: this.current.current.comparisons.length };
  }

  async dispose(): Promise<void> {
    await this.replays.dispose();
    await this.current.flush();
  }

  private async switchTo(next: SessionStore): Promise<void> {
    await this.current.flush();
    // The session left behind is one to come back to (if anything was ever saved in it).
    if (existsSync(this.current.path)) await this.recent.remember(this.current.path);
    this.current = next;
    await this.recent.remember(next.path);
    this.deps.bus.emit("session.changed", { path: next.path, change: "opened" });
  }

  private resolvePath(path: string): string {
    return isAbsolute(path) ? path : resolve(this.places.dir, path);
  }
}

/** A file name from a title, any script kept (Swahili, Arabic, Thai titles stay readable). */
function slug(title: string): string {
  return title.normalize("NFC").trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "").replace(/\s+/g, "-").slice(0, 80);
}
