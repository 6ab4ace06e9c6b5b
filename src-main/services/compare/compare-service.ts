/**
 * Comparisons: every pane of a prompt generated at once, each on its own context sequence (panes
 * on the same model share one loaded copy; its context batches their tokens together, so all
 * keep moving). When all have ended the comparison is saved in the session, where votes join it.
 */
import { randomUUID } from "node:crypto";
import type { CompareFinishedEvent, CompareRequest, ExportRequest, Leaderboard, LeaderboardRequest, PaneSpec, VoteRequest } from "../../contract/compare";
import { AppError, type AppErrorData } from "../../contract/errors";
import type { GeneratedToken, GenerationDoneEvent, GenerationRequest } from "../../contract/generation";
import { modelDisplayName } from "../../contract/models";
import { roundLogprob, summarizeComparison, type Comparison, type ModelIdentity, type PaneRecord, type Vote } from "../../contract/session";
import type { EventBus } from "../../rpc/event-bus";
import type { GenerationService } from "../generation/generation-service";
import { SEQUENCES_PER_MODEL } from "../models/memory-estimate";
import type { ModelsService } from "../models/models-service";
import { newVote } from "../sessions/new-vote";
import type { SessionStore } from "../sessions/session-store";
import type { MetricsWorkerClient } from "../../workers/metrics-worker-client";
import { exportPreferences } from "./export/preference-export";

export interface FinishedComparison {
  comparison: Comparison;
  saveError: CompareFinishedEvent["saveError"];
}

export interface StartedPane {
  runId: string | null;
  /** Why the pane could not start (its model failed to load, e.g. not enough memory). */
  error: AppErrorData | null;
}

export interface StartedComparison {
  comparisonId: string;
  panes: StartedPane[];
  /** The comparison once every pane has ended and it is saved (or failed to save). */
  finished: Promise<FinishedComparison>;
}

interface ActiveComparison {
  runIds: string[];
  finished: Promise<FinishedComparison>;
}

export class CompareService {
  private readonly active = new Map<string, ActiveComparison>();

  constructor(
    private readonly models: ModelsService,
    private readonly generation: GenerationService,
    private readonly bus: EventBus,
    /** Where comparisons and votes are saved: the current session (it can change between runs). */
    private readonly sessions: { readonly store: SessionStore },
    private readonly metrics: MetricsWorkerClient,
    /**
     * Wait for each model's sha256 before saving (votes are pooled by it). Off for one-shot
     * commands that keep no session: hashing a large model takes a while.
     */
    private readonly options: { waitForHashes: boolean } = { waitForHashes: true },
  ) {}

  async start(
    request: CompareRequest,
    connectionId: string | null = null,
    /** A context size for models this comparison loads (the CLI's --context-size); default: each model's own. */
    contextSize?: number,
  ): Promise<StartedComparison> {
    for (const [index, pane] of request.panes.entries()) this.checkModelExists(pane, index);
    const comparisonId = randomUUID();
    // Saved in the session current when it started, even if another is opened meanwhile.
    const store = this.sessions.store;
    const createdAt = new Date().toISOString();
    const loadErrors = await this.loadModels(request.panes, contextSize);
    const tokens: GeneratedToken[][] = request.panes.map(() => []);
    const runs = request.panes.map((pane, index) => {
      const error = loadErrors.get(pane.backend.modelId);
      if (error) return { runId: null, error, finished: Promise.resolve(failedRun(error)) };
      const run = this.generation.start(generationRequest(request, pane), connectionId, (token) => tokens[index].push(token));
      return { runId: run.runId, error: null, finished: run.finished };
    });
    const runIds = runs.flatMap((run) => (run.runId ? [run.runId] : []));

    const finished = Promise.all(runs.map((run) => run.finished))
      .then((outcomes) => Promise.all(request.panes.map((pane, index) => this.paneRecord(pane, tokens[index], outcomes[index]))))
      .then((panes) => this.save(store, {
        id: comparisonId, createdAt, prompt: request.prompt, language: request.language, origin: request.origin, votes: [], notes: "", panes,
      }))
      .finally(() => this.active.delete(comparisonId));
    this.active.set(comparisonId, { runIds, finished });
    return { comparisonId, panes: runs.map(({ runId, error }) => ({ runId, error })), finished };
  }

  cancel(comparisonId: string): boolean {
    const comparison = this.active.get(comparisonId);
    for (const runId of comparison?.runIds ?? []) this.generation.cancel(runId);
    return comparison !== undefined;
  }

  async vote(request: VoteRequest): Promise<Vote> {
    const store = this.sessions.store;
    const vote = newVote(store.current, request);
    const { comparisonId } = request;
    await store.addVote(comparisonId, vote);
    this.bus.emit("compare.voted", { comparisonId, vote });
    return vote;
  }

  /** Computed on the metrics worker: a bootstrap over many votes takes a second or more. */
  leaderboard(request: LeaderboardRequest): Promise<Leaderboard> {
    // Ratings need the models and votes, not the tokens: keep the message to the worker small.
    return this.metrics.run("leaderboard", { comparisons: this.sessions.store.current.comparisons.map(summarizeComparison), request });
  }

  export(request: ExportRequest) {
    return exportPreferences(this.sessions.store.current.comparisons, request);
  }

  /** Ends every running comparison and waits until each is saved. */
  async dispose(): Promise<void> {
    const running = [...this.active.values()];
    for (const id of this.active.keys()) this.cancel(id);
    await Promise.allSettled(running.map((comparison) => comparison.finished));
    await this.sessions.store.flush();
  }

  private checkModelExists(pane: PaneSpec, index: number): void {
    try {
      this.models.get(pane.backend.modelId);
    } catch (error) {
      throw new AppError({ ...AppError.from(error).toData(), field: `panes.${index}.backend.modelId` });
    }
  }

  /**
   * Loads each model once, with a sequence for every pane that uses it. A model that cannot load
   * (not enough memory, a broken file) fails only its own panes. A model already busy with other
   * runs is not reloaded for more sequences: its extra panes wait for a free one instead.
   */
  private async loadModels(panes: PaneSpec[], contextSize?: number): Promise<Map<string, AppErrorData>> {
    const panesPerModel = new Map<string, number>();
    for (const pane of panes) panesPerModel.set(pane.backend.modelId, (panesPerModel.get(pane.backend.modelId) ?? 0) + 1);
    const errors = new Map<string, AppErrorData>();
    await Promise.all([...panesPerModel].map(async ([modelId, count]) => {
      const busy = this.models.get(modelId).status === "loaded" && this.generation.isModelBusy(modelId);
      try {
        await this.models.load(modelId, busy ? undefined : contextSize, busy ? undefined : Math.max(count, SEQUENCES_PER_MODEL));
      } catch (error) {
        errors.set(modelId, AppError.from(error).toData());
      }
    }));
    return errors;
  }

  private async paneRecord(pane: PaneSpec, tokens: GeneratedToken[], done: GenerationDoneEvent): Promise<PaneRecord> {
    return {
      backend: "local",
      model: await this.identity(pane.backend.modelId),
      params: pane.params,
      topAlternatives: pane.topAlternatives,
      output: {
        text: done.text, tokens: tokens.map(roundedLogprobs), stats: done.stats, renderedPrompt: done.renderedPrompt, promptSpecialRanges: done.promptSpecialRanges, error: done.error,
      },
    };
  }

  /** Votes are pooled by file identity, so a hash still being computed is waited for (cached after once). */
  private async identity(modelId: string): Promise<ModelIdentity> {
    const info = this.models.get(modelId);
    return {
      name: modelDisplayName(info),
      path: info.path,
      sha256: info.sha256 ?? (this.options.waitForHashes ? await this.models.hashOf(modelId).catch(() => null) : null),
      quantization: info.metadata?.quantization ?? null,
      architecture: info.metadata?.architecture ?? null,
      parameterCount: info.metadata?.parameterCount ?? null,
    };
  }

  /** Never rejects: a failed save is reported with the comparison, which clients still show. */
  private async save(store: SessionStore, comparison: Comparison): Promise<FinishedComparison> {
    const saveError = await store.addComparison(comparison).then(() => null, (error) => AppError.from(error).toData());
    this.bus.emit("compare.finished", { comparison: summarizeComparison(comparison), saveError });
    return { comparison, saveError };
  }
}

/** The generation one pane runs (a session's replay reruns a recorded pane with it). */
export function generationRequest(request: Pick<CompareRequest, "prompt">, pane: PaneSpec): GenerationRequest {
  const common = { modelId: pane.backend.modelId, params: pane.params, topAlternatives: pane.topAlternatives };
  return request.prompt.mode === "completion"
    ? { mode: "completion", prompt: request.prompt.text, ...common }
    : { mode: "chat", messages: request.prompt.messages, chatTemplate: request.prompt.chatTemplate, ...common };
}

function failedRun(error: AppErrorData): GenerationDoneEvent {
  return {
    runId: "", text: "", renderedPrompt: "", promptSpecialRanges: [], error,
    stats: { promptTokens: 0, generatedTokens: 0, timeToFirstTokenMs: null, tokensPerSecond: null, totalMs: 0, stopReason: "error" },
  };
}

/** Saved log-probs are kept to 5 decimals (see roundLogprob): what is held is what the file holds. */
function roundedLogprobs(token: GeneratedToken): GeneratedToken {
  const rounded: GeneratedToken = { ...token, logprob: roundLogprob(token.logprob) };
  if (token.top) rounded.top = token.top.map((alternative) => ({ ...alternative, logprob: roundLogprob(alternative.logprob) }));
  return rounded;
}
