/**
 * Corpus mode of the tokenization lab: every sentence of a parallel corpus through every chosen
 * tokenizer, summed per tokenizer and language into fertility and the token premium over a
 * reference language (the figure multilingual papers show).
 *
 * Tokenizing is synchronous native code, so it runs here in slices with the event loop served
 * between them; counting words, characters and bytes (JS word segmentation) runs in the metrics
 * worker meanwhile. One job per request, with progress events and cancel.
 */
import type { LlamaModel } from "node-llama-cpp";
import { AppError } from "../../../contract/errors";
import {
  BYTE_FALLBACK_KINDS, type FertilityReport, type FertilityRequest, type FertilityRow, type TextCounts, type TokenizerInfo,
} from "../../../contract/tokenize";
import { tokenPiecesOf } from "../../../llama/token-pieces";
import type { EventBus } from "../../../rpc/event-bus";
import type { MetricsWorkerClient } from "../../../workers/metrics-worker-client";
import type { ModelsService } from "../../models/models-service";
import { tokenCost } from "../token-cost";
import { tokenizerInfo, tokenizeText } from "../tokenize-text";
import type { TokenizerPool } from "../tokenizer-pool";
import { CancellableJobs } from "../../cancellable-jobs";
import { CorpusProgress } from "./corpus-progress";
import { readCorpus, type CorpusLanguageText } from "./parallel-corpus";

/** The longest the event loop waits while sentences are tokenized. */
const SLICE_MS = 15;

/** A tokenizer's tokens on one language's sentences. */
interface TokenTotals {
  tokens: number;
  byteFallbackTokens: number;
}

export class FertilityJobs {
  private readonly jobs = new CancellableJobs<FertilityReport>(
    "corpus job", () => new AppError({ code: "CANCELLED", message: "The corpus measurement was cancelled." }),
  );

  constructor(
    private readonly models: ModelsService,
    private readonly pool: TokenizerPool,
    private readonly bus: EventBus,
    private readonly metrics: MetricsWorkerClient,
  ) {}

  /** Measures the corpus; rejects with CANCELLED when cancelled. */
  run(request: FertilityRequest, connectionId: string | null = null): Promise<FertilityReport> {
    return this.jobs.start(request.jobId, connectionId, (signal) => this.measure(request, signal));
  }

  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  cancelJobsOfConnection(connectionId: string): void {
    this.jobs.cancelOfConnection(connectionId);
  }

  dispose(): Promise<void> {
    return this.jobs.dispose();
  }

  private async measure(request: FertilityRequest, signal: AbortSignal): Promise<FertilityReport> {
    const started = performance.now();
    // Unknown ids fail before the corpus is read; a tokenizer asked twice is measured once.
    const infos = [...new Set(request.modelIds)].map((id) => this.models.get(id));
    const corpus = await readCorpus(request.corpusDir, request.languages, request.limit);
    signal.throwIfAborted();
    // The worker counts the text while this thread tokenizes it.
    const counting = Promise.all(corpus.map((text) => this.metrics.run("textCounts", { sentences: text.sentences })));
    counting.catch(() => {}); // awaited below; a cancel before then must not leave it unhandled

    const sentences = corpus.reduce((sum, text) => sum + text.sentences.length, 0);
    const progress = new CorpusProgress(this.bus, request.jobId, sentences * infos.length);
    const tokenizers: TokenizerInfo[] = [];
    const totals: TokenTotals[][] = [];
    for (const info of infos) {
      // Vocab-only even when the model is loaded: a job of minutes must not hold a model that may be unloaded meanwhile.
      await this.pool.withFile(info.path, async (model) => {
        signal.throwIfAborted();
        tokenizers.push(tokenizerInfo(model, info));
        const perLanguage: TokenTotals[] = [];
        for (const text of corpus) perLanguage.push(await countTokens(model, text.sentences, signal, progress));
        totals.push(perLanguage);
      });
    }
    const counts = await counting;
    signal.throwIfAborted();
    progress.finish();
    return {
      corpusDir: request.corpusDir,
      reference: request.reference,
      languages: corpus.map((text) => text.language),
      tokenizers,
      rows: tokenizers.flatMap((tokenizer, index) => fertilityRows(tokenizer, corpus, counts, totals[index], request.reference)),
      elapsedMs: performance.now() - started,
    };
  }
}

/** One tokenizer's rows, per language in corpus order, with the premium over the reference language. */
function fertilityRows(
  tokenizer: TokenizerInfo, corpus: readonly CorpusLanguageText[], counts: readonly TextCounts[], totals: readonly TokenTotals[], reference: string,
): FertilityRow[] {
  const referenceIndex = corpus.findIndex((text) => text.language === reference);
  const referenceTokens = referenceIndex < 0 ? 0 : totals[referenceIndex].tokens;
  return corpus.map((text, index) => ({
    modelId: tokenizer.modelId,
    tokenizer: tokenizer.name,
    language: text.language,
    sentences: text.sentences.length,
    ...counts[index],
    ...tokenCost(counts[index], totals[index].tokens, totals[index].byteFallbackTokens),
    premium: referenceTokens === 0 ? null : totals[index].tokens / referenceTokens,
  }));
}

/** Tokenizes each sentence on its own (as a prompt would be), yielding to the event loop every SLICE_MS. */
async function countTokens(model: LlamaModel, sentences: readonly string[], signal: AbortSignal, progress: CorpusProgress): Promise<TokenTotals> {
  const pieces = tokenPiecesOf(model);
  const totals: TokenTotals = { tokens: 0, byteFallbackTokens: 0 };
  let sliceStart = performance.now();
  let reported = 0;
  for (let index = 0; index < sentences.length; index++) {
    const ids = tokenizeText(model, sentences[index], { addSpecial: false, parseSpecial: false });
    totals.tokens += ids.length;
    for (const id of ids) if (BYTE_FALLBACK_KINDS.includes(pieces.info(id).kind)) totals.byteFallbackTokens++;
    if (performance.now() - sliceStart >= SLICE_MS) {
      progress.advance(index + 1 - reported);
      reported = index + 1;
      await new Promise((resolve) => setImmediate(resolve));
      signal.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  progress.advance(sentences.length - reported);
  return totals;
}
