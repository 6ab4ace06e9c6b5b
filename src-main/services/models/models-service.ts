/**
 * The workspace's models: adding files and folders, reading their GGUF headers, hashing them in
 * the background, loading and unloading them. Owns every loaded model and disposes them.
 * Main owns this state; every change is pushed to clients as a `models.changed` snapshot.
 */
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { GgufInsights, LlamaContext, LlamaModel } from "node-llama-cpp";
import { AppError } from "../../contract/errors";
import type { ModelInfo } from "../../contract/models";
import { getLlamaRuntime } from "../../llama/llama-runtime";
import { defaultThreads } from "../../llama/threads";
import type { EventBus } from "../../rpc/event-bus";
import type { Workspace } from "../../workspace/workspace";
import { FileHasher } from "./file-hasher";
import { inspectGguf } from "./gguf-inspector";
import { SEQUENCES_PER_MODEL, defaultContextSize, estimateMemory } from "./memory-estimate";
import { SequencePool } from "./sequence-pool";

export interface LoadedModel {
  info: ModelInfo;
  model: LlamaModel;
  context: LlamaContext;
  sequences: SequencePool;
}

interface ModelEntry {
  info: ModelInfo;
  insights: GgufInsights | null;
  loaded: LoadedModel | null;
  loading: Promise<LoadedModel> | null;
  /** Aborts the load under way (unload while loading cancels it). */
  loadAbort: AbortController | null;
  /** The unload under way, which concurrent callers wait for. */
  unloading: Promise<void> | null;
  /** The context size asked for at the last load; llama.cpp may round it up (see `info.contextSize`). */
  requestedContextSize: number | null;
}

const SNAPSHOT_INTERVAL_MS = 200;

export class ModelsService {
  private readonly entries = new Map<string, ModelEntry>();
  private readonly hasher: FileHasher;
  private readonly unloadListeners = new Set<(id: string) => Promise<void>>();
  private snapshotTimer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(
    private readonly workspace: Workspace,
    private readonly bus: EventBus,
    /** Hash every model in the background (off for one-shot commands that never show identity). */
    private readonly options: { hashInBackground: boolean } = { hashInBackground: true },
  ) {
    this.hasher = new FileHasher(join(workspace.cacheDir, "hashes.json"));
  }

  /** Reads the workspace's model list; headers are inspected before this resolves, hashes later. */
  async start(): Promise<void> {
    await Promise.all(this.workspace.modelPaths().map((path) => this.track(path)));
    this.publish();
  }

  list(): ModelInfo[] {
    return [...this.entries.values()].map((entry) => entry.info);
  }

  get(id: string): ModelInfo {
    return this.entry(id).info;
  }

  async add(paths: string[]): Promise<{ added: ModelInfo[]; skipped: string[] }> {
    const files = (await Promise.all(paths.map((path) => ggufFilesAt(resolve(path))))).flat();
    const added: ModelInfo[] = [];
    const skipped: string[] = [];
    for (const file of files) {
      if (this.entries.has(modelId(file))) skipped.push(file);
      else added.push(await this.track(file));
    }
    await this.persist();
    this.publish();
    return { added, skipped };
  }

  async remove(id: string): Promise<void> {
    await this.unload(id);
    this.entries.delete(id);
    await this.persist();
    this.publish();
  }

  /**
   * Loads the model, or keeps the loaded copy when it already has this context size and at least
   * `sequences` sequences (runs it can serve at once); otherwise reloads it as asked.
   */
  async load(id: string, contextSize?: number, sequences?: number): Promise<ModelInfo> {
    const entry = this.entry(id);
    if (entry.info.metadata?.tensorCount === 0) {
      throw new AppError({
        code: "UNSUPPORTED_MODEL", file: entry.info.path,
        message: `${entry.info.fileName} is a tokenizer only (no weights): use it in the Tokenization lab.`,
      });
    }
    if (entry.unloading) await entry.unloading;
    const sameContext = contextSize === undefined || contextSize === entry.requestedContextSize || contextSize === entry.info.contextSize;
    if (entry.loaded && sameContext && (sequences === undefined || entry.loaded.context.totalSequences >= sequences)) {
      return entry.info;
    }
    if (entry.loaded) {
      // A reload to serve more runs at once keeps the context size the user chose.
      contextSize ??= entry.requestedContextSize ?? undefined;
      await this.unload(id);
    }
    if (!entry.loading) {
      const abort = (entry.loadAbort = new AbortController());
      entry.loading = this.loadEntry(entry, abort.signal, contextSize, sequences ?? SEQUENCES_PER_MODEL).finally(() => {
        entry.loading = null;
        entry.loadAbort = null;
      });
    }
    return (await entry.loading).info;
  }

  async unload(id: string): Promise<ModelInfo> {
    const entry = this.entry(id);
    entry.loadAbort?.abort();
    await entry.loading?.catch(() => {});
    const loaded = entry.loaded;
    if (loaded) {
      // Taken away at once, before any await: no new run can get this model, and a second
      // unload waits for this one instead of disposing twice.
      entry.loaded = null;
      loaded.sequences.close();
      entry.unloading = this.disposeLoaded(entry, loaded).finally(() => { entry.unloading = null; });
    }
    await entry.unloading;
    return entry.info;
  }

  private async disposeLoaded(entry: ModelEntry, { info, model, context }: LoadedModel): Promise<void> {
    await Promise.all([...this.unloadListeners].map((listener) => listener(info.id)));
    await context.dispose();
    await model.dispose();
    this.update(entry, { status: "unloaded", loadProgress: 0, contextSize: null });
  }

  /** The model's sha256, waiting for the background hash if it is still running. */
  hashOf(id: string): Promise<string> {
    const { path } = this.entry(id).info;
    return this.hasher.hash(path);
  }

  /** The loaded model with this id, or a MODEL_NOT_LOADED error a person can act on. */
  getLoaded(id: string): LoadedModel {
    const entry = this.entry(id);
    if (!entry.loaded) {
      throw new AppError({ code: "MODEL_NOT_LOADED", message: `${entry.info.fileName} is not loaded. Load it first.`, file: entry.info.path });
    }
    return entry.loaded;
  }

  /** Lets another service stop work on a model before it goes away. */
  onWillUnload(listener: (id: string) => Promise<void>): () => void {
    this.unloadListeners.add(listener);
    return () => this.unloadListeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const hashesStopped = this.hasher.dispose();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    for (const id of this.entries.keys()) await this.unload(id).catch(() => {});
    await hashesStopped;
  }

  private entry(id: string): ModelEntry {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError({ code: "NOT_FOUND", message: `No model with id "${id}" is in this workspace.`, field: "id" });
    return entry;
  }

  private async track(path: string): Promise<ModelInfo> {
    const entry: ModelEntry = {
      info: {
        id: modelId(path), path, fileName: basename(path), sizeBytes: 0, sha256: null, hashProgress: 0,
        status: "unloaded", loadProgress: 0, metadata: null, memory: null, error: null, contextSize: null,
      },
      insights: null, loaded: null, loading: null, loadAbort: null, unloading: null, requestedContextSize: null,
    };
    this.entries.set(entry.info.id, entry);
    try {
      const inspected = await inspectGguf(path);
      entry.insights = inspected.insights;
      entry.info = {
        ...entry.info, sizeBytes: inspected.sizeBytes, metadata: inspected.summary,
        memory: await estimateMemory(inspected.insights),
      };
      if (this.options.hashInBackground) void this.hashInBackground(entry);
    } catch (error) {
      entry.info = { ...entry.info, status: "error", error: naming(path, "could not be inspected", error).toData() };
    }
    return entry.info;
  }

  private async hashInBackground(entry: ModelEntry): Promise<void> {
    try {
      const sha256 = await this.hasher.hash(entry.info.path, (hashProgress) => this.update(entry, { hashProgress }));
      this.update(entry, { sha256, hashProgress: 1 });
    } catch (error) {
      // The model may still be loaded and usable: say what failed, leave its status alone.
      if (!this.disposed) this.update(entry, { error: naming(entry.info.path, "could not be hashed", error).toData() });
    }
  }

  private async loadEntry(entry: ModelEntry, signal: AbortSignal, contextSize: number | undefined, sequences: number): Promise<LoadedModel> {
    const insights = entry.insights;
    if (!insights) throw new AppError(entry.info.error ?? { code: "INTERNAL", message: `${entry.info.path} was not inspected.` });
    const size = contextSize ?? defaultContextSize(insights);
    this.update(entry, { status: "loading", loadProgress: 0, error: null });
    const memory = await estimateMemory(insights, size, sequences).catch((error) => {
      const appError = naming(entry.info.path, "has no memory estimate", error);
      this.update(entry, { status: "unloaded", error: appError.toData() });
      throw appError;
    });
    if (!memory.fits) {
      const needGiB = (memory.totalRamBytes / 2 ** 30).toFixed(2);
      const freeGiB = (memory.freeRamBytes / 2 ** 30).toFixed(2);
      const error = new AppError({
        code: "INSUFFICIENT_MEMORY", file: entry.info.path,
        message: `${entry.info.fileName} needs about ${needGiB} GiB of RAM with ${sequences} × ${size}-token context sequences, but only ${freeGiB} GiB is free. Try a smaller context, fewer panes on this model or a smaller quantization.`,
      });
      this.update(entry, { status: "unloaded", memory, error: error.toData() });
      throw error;
    }
    this.update(entry, { memory });
    let model: LlamaModel | null = null;
    try {
      if (signal.aborted) throw signal.reason;
      const llama = await getLlamaRuntime();
      model = await llama.loadModel({
        modelPath: entry.info.path, gpuLayers: memory.gpuLayers, loadSignal: signal,
        onLoadProgress: (loadProgress) => this.update(entry, { loadProgress }),
      });
      if (signal.aborted) throw signal.reason;
      const context = await model.createContext({ contextSize: size, sequences, threads: defaultThreads() })
        .catch((error: Error) => {
          throw new AppError({
            code: "INSUFFICIENT_MEMORY", file: entry.info.path,
            message: `llama.cpp loaded ${entry.info.fileName} but could not make a ${size}-token context for it: ${error.message}. Try a smaller context.`,
          });
        });
      // Report the size llama.cpp made (it pads sizes up), not the one asked for.
      entry.requestedContextSize = size;
      this.update(entry, { status: "loaded", loadProgress: 1, contextSize: context.contextSize });
      entry.loaded = { info: entry.info, model, context, sequences: new SequencePool(context) };
      return entry.loaded;
    } catch (error) {
      await model?.dispose();
      if (signal.aborted) {
        this.update(entry, { status: "unloaded", loadProgress: 0 });
        throw new AppError({ code: "CANCELLED", file: entry.info.path, message: `Loading ${entry.info.fileName} was cancelled.` });
      }
      const appError = error instanceof AppError ? error : new AppError({
        code: "CORRUPT_GGUF", file: entry.info.path,
        message: `llama.cpp could not load ${entry.info.path}: ${(error as Error).message}. The file may be damaged or use a format this build does not support.`,
      });
      this.update(entry, { status: error instanceof AppError ? "unloaded" : "error", error: appError.toData() });
      throw appError;
    }
  }

  private update(entry: ModelEntry, change: Partial<ModelInfo>): void {
    entry.info = { ...entry.info, ...change };
    if (entry.loaded) entry.loaded.info = entry.info;
    this.publishSoon();
  }

  private publishSoon(): void {
    if (this.disposed) return;
    this.snapshotTimer ??= setTimeout(() => this.publish(), SNAPSHOT_INTERVAL_MS).unref();
  }

  private publish(): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.bus.emit("models.changed", this.list());
  }

  private async persist(): Promise<void> {
    await this.workspace.setModelPaths([...this.entries.values()].map((entry) => entry.info.path));
  }
}

/** An error that names the file: AppErrors as they are (they already do), anything else wrapped. */
function naming(path: string, what: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError({ code: "IO_ERROR", file: path, message: `${path} ${what}: ${(error as Error)?.message ?? String(error)}` });
}

export function modelId(path: string): string {
  return createHash("sha256").update(resolve(path)).digest("hex").slice(0, 16);
}

/** A file path as given, or every .gguf file below a folder. */
async function ggufFilesAt(path: string): Promise<string[]> {
  let stats;
  try {
    stats = await stat(path);
  } catch {
    throw new AppError({ code: "NOT_FOUND", file: path, field: "paths", message: `${path} does not exist.` });
  }
  if (!stats.isDirectory()) return [path];
  const names = await readdir(path, { recursive: true });
  const files = names.filter((name) => name.toLowerCase().endsWith(".gguf")).sort().map((name) => join(path, name));
  if (files.length === 0) {
    throw new AppError({ code: "NOT_FOUND", file: path, field: "paths", message: `${path} holds no .gguf files.` });
  }
  return files;
}
