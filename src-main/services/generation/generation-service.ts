/**
 * Runs generations on loaded models and streams their tokens to clients. Tokens are sent in small
 * batches (the first at once, then at most every FLUSH_INTERVAL_MS) so streaming costs the
 * decoding loop next to nothing.
 */
import { randomUUID } from "node:crypto";
import type { LlamaContextSequence } from "node-llama-cpp";
import type { GeneratedToken, GenerationDoneEvent, GenerationRequest } from "../../contract/generation";
import { AppError } from "../../contract/errors";
import type { EventBus } from "../../rpc/event-bus";
import type { ModelsService } from "../models/models-service";
import { runGeneration } from "./generation-run";
import { renderPrompt } from "./prompt-renderer";

const FLUSH_INTERVAL_MS = 16;

interface ActiveRun {
  modelId: string;
  /** The client connection that started it, if any: its runs end when it goes away. */
  connectionId: string | null;
  abort: AbortController;
  finished: Promise<GenerationDoneEvent>;
}

export class GenerationService {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly stopWatchingUnloads: () => void;

  constructor(private readonly models: ModelsService, private readonly bus: EventBus) {
    this.stopWatchingUnloads = models.onWillUnload((modelId) => this.cancelRunsOf(modelId));
  }

  /** Starts a run and returns its id; tokens and the end arrive as events. `finished` never rejects. */
  start(
    request: GenerationRequest,
    connectionId: string | null = null,
    /** Sees every token as it is made (a comparison keeps them for its session). */
    observer?: (token: GeneratedToken) => void,
  ): { runId: string; finished: Promise<GenerationDoneEvent> } {
    const loaded = this.models.getLoaded(request.modelId);
    const runId = randomUUID();
    const abort = new AbortController();
    const finished = this.execute(runId, request, abort.signal, loaded, observer).finally(() => this.runs.delete(runId));
    this.runs.set(runId, { modelId: request.modelId, connectionId, abort, finished });
    return { runId, finished };
  }

  /** Whether any run is using the model (a reload now would cut it off). */
  isModelBusy(modelId: string): boolean {
    return [...this.runs.values()].some((run) => run.modelId === modelId);
  }

  cancel(runId: string): boolean {
    const run = this.runs.get(runId);
    run?.abort.abort();
    return run !== undefined;
  }

  async dispose(): Promise<void> {
    this.stopWatchingUnloads();
    for (const run of this.runs.values()) run.abort.abort();
    await Promise.allSettled([...this.runs.values()].map((run) => run.finished));
  }

  /** Ends the runs a client started when its connection closes (a closed tab, a dropped socket). */
  cancelRunsOfConnection(connectionId: string): void {
    for (const run of this.runs.values()) if (run.connectionId === connectionId) run.abort.abort();
  }

  private async cancelRunsOf(modelId: string): Promise<void> {
    const runs = [...this.runs.values()].filter((run) => run.modelId === modelId);
    for (const run of runs) run.abort.abort();
    await Promise.allSettled(runs.map((run) => run.finished));
  }

  private async execute(
    runId: string, request: GenerationRequest, signal: AbortSignal, loaded: ReturnType<ModelsService["getLoaded"]>,
    observer?: (token: GeneratedToken) => void,
  ): Promise<GenerationDoneEvent> {
    const batcher = new TokenBatcher((tokens) => this.bus.emit("generation.tokens", { runId, tokens }));
    let renderedPrompt = "";
    let promptSpecialRanges: Array<[number, number]> = [];
    let done: GenerationDoneEvent;
    let sequence: LlamaContextSequence | null = null;
    try {
      sequence = await loaded.sequences.acquire(signal);
      const prompt = renderPrompt(loaded.model, request);
      renderedPrompt = prompt.text;
      promptSpecialRanges = prompt.specialRanges;
      const outcome = await runGeneration({
        model: loaded.model, sequence, prompt, params: request.params, topAlternatives: request.topAlternatives, signal,
        onToken: (token) => {
          observer?.(token);
          batcher.add(token);
        },
      });
      done = { runId, ...outcome, renderedPrompt, promptSpecialRanges, error: null };
    } catch (error) {
      const appError = AppError.from(error).toData();
      const stopReason = appError.code === "CANCELLED" ? "cancelled" : "error";
      done = {
        runId, text: "", renderedPrompt, promptSpecialRanges, error: stopReason === "cancelled" ? null : appError,
        stats: { promptTokens: 0, generatedTokens: 0, timeToFirstTokenMs: null, tokensPerSecond: null, totalMs: 0, stopReason },
      };
    }
    // Tell clients first; clearing the sequence for the next run is not their wait.
    batcher.flush();
    this.bus.emit("generation.done", done);
    if (sequence) await loaded.sequences.release(sequence).catch(() => {});
    return done;
  }
}

/** Collects tokens and hands them on in batches: the first immediately, later ones on a short timer. */
class TokenBatcher {
  private pending: GeneratedToken[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sentFirst = false;

  constructor(private readonly send: (tokens: GeneratedToken[]) => void) {}

  add(token: GeneratedToken): void {
    this.pending.push(token);
    if (!this.sentFirst) {
      this.sentFirst = true;
      this.flush();
    } else {
      this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const tokens = this.pending;
    this.pending = [];
    this.send(tokens);
  }
}
