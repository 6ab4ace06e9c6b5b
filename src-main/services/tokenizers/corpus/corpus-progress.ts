/** Progress of a corpus job, as `tokenize.corpusProgress` events. */
import type { EventBus } from "../../../rpc/event-bus";

/** The shortest time between two progress events. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Sentences done out of all (every tokenizer × language), sent as `tokenize.corpusProgress` at
 * most every PROGRESS_INTERVAL_MS, and once more at the end. The rate is over the whole job: the
 * eval runner's per-item tracker would keep a timestamp per sentence, and a job has ~100k.
 */
export class CorpusProgress {
  private done = 0;
  private readonly started = performance.now();
  private lastSent = this.started;

  constructor(private readonly bus: EventBus, private readonly jobId: string, private readonly total: number) {
    this.send();
  }

  advance(sentences: number): void {
    this.done += sentences;
    if (performance.now() - this.lastSent >= PROGRESS_INTERVAL_MS) this.send();
  }

  finish(): void {
    this.send();
  }

  private send(): void {
    const now = (this.lastSent = performance.now());
    const seconds = (now - this.started) / 1000;
    const itemsPerSecond = this.done > 0 && seconds > 0 ? this.done / seconds : null;
    const remaining = this.total - this.done;
    const etaSeconds = remaining === 0 ? 0 : itemsPerSecond === null ? null : remaining / itemsPerSecond;
    this.bus.emit("tokenize.corpusProgress", { jobId: this.jobId, done: this.done, total: this.total, itemsPerSecond, etaSeconds });
  }
}
