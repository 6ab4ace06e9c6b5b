/**
 * One recorded pane rerun on a local model: its comparison's prompt, its own sampling parameters
 * (seed included), and its tokens compared with the recorded ones.
 */
import { AppError, type AppErrorData } from "../../../contract/errors";
import type { GeneratedToken, SamplingParams } from "../../../contract/generation";
import type { Comparison, PaneRecord } from "../../../contract/session";
import type { ReplayRow } from "../../../contract/sessions";
import { generationRequest } from "../../compare/compare-service";
import type { GenerationService } from "../../generation/generation-service";
import type { ModelsService } from "../../models/models-service";
import { firstDifference } from "./first-difference";

export interface PaneToReplay {
  comparison: Comparison;
  index: number;
}

export interface ReplayServices {
  models: ModelsService;
  generation: GenerationService;
}

/** The row of a pane that is not (or no longer) rerun: nothing replayed yet. */
export function paneRow({ comparison, index }: PaneToReplay, status: ReplayRow["status"], details: Partial<ReplayRow> = {}): ReplayRow {
  const pane = comparison.panes[index];
  return {
    comparisonId: comparison.id, pane: index, model: pane.model.name, status,
    recordedTokens: pane.output.tokens.length, replayedTokens: 0, firstDifference: null, error: null,
    ...details,
  };
}

/**
 * Never rejects: whatever goes wrong is the row's `failed` status and error. `modelId` is the
 * matched local model (null: none matched). A cancel through `signal` stops the running generation.
 */
export async function replayPane(
  services: ReplayServices, target: PaneToReplay, modelId: string | null, signal: AbortSignal, connectionId: string | null,
): Promise<ReplayRow> {
  const pane = target.comparison.panes[target.index];
  // A recorded failure left nothing to compare the replay with.
  if (pane.output.error) return paneRow(target, "failed", { error: pane.output.error });
  if (modelId === null) return paneRow(target, "missing-model");
  if (signal.aborted) return paneRow(target, "cancelled");
  const tokens: GeneratedToken[] = [];
  try {
    // Kept when already loaded (any context size); otherwise loaded as Compare would.
    await services.models.load(modelId);
    if (signal.aborted) return paneRow(target, "cancelled");
    const request = generationRequest(target.comparison, { backend: { kind: "local", modelId }, params: replayParams(pane), topAlternatives: 0 });
    const run = services.generation.start(request, connectionId, (token) => tokens.push(token));
    const stop = () => services.generation.cancel(run.runId);
    signal.addEventListener("abort", stop);
    const done = await run.finished.finally(() => signal.removeEventListener("abort", stop));
    const replayed = { replayedTokens: tokens.length };
    if (done.error) return paneRow(target, "failed", { ...replayed, error: done.error });
    if (done.stats.stopReason === "cancelled") {
      return signal.aborted ? paneRow(target, "cancelled", replayed) : paneRow(target, "failed", { ...replayed, error: stoppedElsewhere(services.models.get(modelId).path) });
    }
    const difference = firstDifference(pane.output.tokens, tokens);
    return paneRow(target, difference ? "diverged" : "exact", { ...replayed, firstDifference: difference });
  } catch (error) {
    return paneRow(target, "failed", { replayedTokens: tokens.length, error: AppError.from(error).toData() });
  }
}

/**
 * The recorded parameters, except that a recording cancelled part way says nothing about the
 * tokens after it: the replay stops where it did (at least one token: maxTokens cannot be 0).
 */
function replayParams(pane: PaneRecord): SamplingParams {
  if (pane.output.stats.stopReason !== "cancelled") return pane.params;
  return { ...pane.params, maxTokens: Math.max(1, Math.min(pane.params.maxTokens, pane.output.tokens.length)) };
}

/** A generation the replay did not cancel ended early: its model was unloaded meanwhile. */
function stoppedElsewhere(file: string): AppErrorData {
  return { code: "CANCELLED", file, message: `The replay of this pane was stopped before it ended: ${file} was unloaded meanwhile. Replay it again.` };
}
