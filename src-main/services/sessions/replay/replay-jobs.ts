/**
 * Replaying a session's comparisons on local models: each pane rerun with its recorded prompt and
 * parameters (seed included) on its matched model, and its tokens compared with the recorded ones.
 * Panes run one after another: the report is the same whatever else the machine is doing, and
 * a pane has the model's compute to itself.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../../../contract/errors";
import type { SessionFile } from "../../../contract/session";
import type { ReplayReport, ReplayRequest, ReplayRow } from "../../../contract/sessions";
import type { EventBus } from "../../../rpc/event-bus";
import type { GenerationService } from "../../generation/generation-service";
import type { ModelsService } from "../../models/models-service";
import { CancellableJobs } from "../../cancellable-jobs";
import { identityKey, matchModels } from "./model-matching";
import { paneRow, replayPane, type PaneToReplay, type ReplayServices } from "./replay-pane";
import { ReplayProgress } from "./replay-progress";

export class ReplayJobs {
  private readonly jobs = new CancellableJobs<ReplayReport>("replay");
  private readonly services: ReplayServices;

  constructor(
    private readonly models: ModelsService,
    generation: GenerationService,
    private readonly bus: EventBus,
  ) {
    this.services = { models, generation };
  }

  /**
   * Replays the chosen comparisons (all when none are named); resolves with a row per pane, also
   * when cancelled (the panes not replayed are `cancelled`). NOT_FOUND for an unknown comparison.
   */
  run(session: SessionFile, request: ReplayRequest, connectionId: string | null): Promise<ReplayReport> {
    let targets: PaneToReplay[];
    try {
      targets = panesToReplay(session, request.comparisonIds);
    } catch (error) {
      return Promise.reject(error);
    }
    const jobId = request.jobId ?? randomUUID();
    return this.jobs.start(jobId, connectionId, (signal) => this.replay(jobId, session, targets, signal, connectionId));
  }

  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  cancelOfConnection(connectionId: string): void {
    this.jobs.cancelOfConnection(connectionId);
  }

  dispose(): Promise<void> {
    return this.jobs.dispose();
  }

  private async replay(
    jobId: string, session: SessionFile, targets: PaneToReplay[], signal: AbortSignal, connectionId: string | null,
  ): Promise<ReplayReport> {
    const matches = await matchModels(session, this.models);
    const localModel = new Map(matches.map(({ identity, match }) => [identityKey(identity), match?.modelId ?? null]));
    const progress = new ReplayProgress(this.bus, jobId, targets.length);
    const rows: ReplayRow[] = [];
    for (const target of targets) {
      if (signal.aborted) {
        rows.push(paneRow(target, "cancelled"));
        continue;
      }
      const modelId = localModel.get(identityKey(target.comparison.panes[target.index].model)) ?? null;
      const row = await replayPane(this.services, target, modelId, signal, connectionId);
      rows.push(row);
      progress.paneDone(row);
    }
    return { jobId, rows, cancelled: signal.aborted };
  }
}

/** Every pane of the chosen comparisons, in session order (a comparison named twice is replayed once). */
function panesToReplay(session: SessionFile, comparisonIds: readonly string[]): PaneToReplay[] {
  const unknown = unknownComparison(session, comparisonIds);
  if (unknown !== undefined) {
    throw new AppError({ code: "NOT_FOUND", field: "comparisonIds", message: `This session has no comparison ${unknown}.` });
  }
  const chosen = comparisonIds.length === 0 ? session.comparisons : session.comparisons.filter((comparison) => comparisonIds.includes(comparison.id));
  return chosen.flatMap((comparison) => comparison.panes.map((_, index) => ({ comparison, index })));
}

/** The first of `comparisonIds` the session does not have, if any. */
export function unknownComparison(session: SessionFile, comparisonIds: readonly string[]): string | undefined {
  const known = new Set(session.comparisons.map((comparison) => comparison.id));
  return comparisonIds.find((id) => !known.has(id));
}
