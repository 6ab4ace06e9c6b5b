/**
 * Replaying a session's comparisons on local models: each pane rerun with its recorded prompt and
 * parameters (seed included) on its matched model, and its tokens compared with the recorded ones.
 */
import { AppError } from "../../../contract/errors";
import type { SessionFile } from "../../../contract/session";
import type { ReplayReport, ReplayRequest } from "../../../contract/sessions";
import type { EventBus } from "../../../rpc/event-bus";
import type { GenerationService } from "../../generation/generation-service";
import type { ModelsService } from "../../models/models-service";

export class ReplayJobs {
  constructor(
    private readonly models: ModelsService,
    private readonly generation: GenerationService,
    private readonly bus: EventBus,
  ) {}

  run(_session: SessionFile, _request: ReplayRequest, _connectionId: string | null): Promise<ReplayReport> {
    void this.models; void this.generation; void this.bus;
    return Promise.reject(new AppError({ code: "NOT_SUPPORTED", message: "Replay is being built." }));
  }

  cancel(_jobId: string): boolean {
    return false;
  }

  cancelOfConnection(_connectionId: string): void {}

  async dispose(): Promise<void> {}
}
