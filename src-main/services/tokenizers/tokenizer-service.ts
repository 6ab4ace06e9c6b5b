/**
 * The tokenization lab's service: texts through several tokenizers (`tokenize-text.ts`), and
 * fertility over parallel corpora (`corpus/`), one job per request with progress events and cancel.
 */
import type { CorpusInfo, FertilityReport, FertilityRequest, TokenizeRequest, TokenizeResult } from "../../contract/tokenize";
import type { EventBus } from "../../rpc/event-bus";
import type { MetricsWorkerClient } from "../../workers/metrics-worker-client";
import type { ModelsService } from "../models/models-service";
import { FertilityJobs } from "./corpus/fertility-jobs";
import { inspectCorpus } from "./corpus/parallel-corpus";
import { tokenizeForModels } from "./tokenize-text";
import type { TokenizerPool } from "./tokenizer-pool";

export class TokenizerService {
  private readonly jobs: FertilityJobs;

  constructor(
    private readonly models: ModelsService,
    private readonly pool: TokenizerPool,
    bus: EventBus,
    private readonly metrics: MetricsWorkerClient,
  ) {
    this.jobs = new FertilityJobs(models, pool, bus, metrics);
  }

  tokenize(request: TokenizeRequest): Promise<TokenizeResult> {
    // Words and characters are counted on the metrics worker while the tokenizers run here.
    return tokenizeForModels(this.models, this.pool, request, (text) => this.metrics.run("textCounts", { sentences: [text] }));
  }

  inspectCorpus(dir: string): Promise<CorpusInfo> {
    return inspectCorpus(dir);
  }

  /** `connectionId`: the job is cancelled when that connection closes. */
  corpus(request: FertilityRequest, connectionId: string | null = null): Promise<FertilityReport> {
    return this.jobs.run(request, connectionId);
  }

  cancelCorpus(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  cancelCorpusOfConnection(connectionId: string): void {
    this.jobs.cancelJobsOfConnection(connectionId);
  }

  async dispose(): Promise<void> {
    await this.jobs.dispose();
  }
}
