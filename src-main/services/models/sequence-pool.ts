/**
 * Hands out the context sequences of one loaded model: several runs share one copy of the
 * weights, each on its own sequence; a run waits when all are busy, and can stop waiting.
 */
import type { LlamaContext, LlamaContextSequence } from "node-llama-cpp";
import { AppError } from "../../contract/errors";

interface Waiter {
  resolve(sequence: LlamaContextSequence): void;
  reject(error: AppError): void;
}

export class SequencePool {
  private readonly free: LlamaContextSequence[] = [];
  private readonly waiting: Waiter[] = [];
  private closed = false;

  constructor(private readonly context: LlamaContext) {}

  /** A free sequence; waits for one when all are busy. Rejects with CANCELLED on abort or close. */
  acquire(signal?: AbortSignal): Promise<LlamaContextSequence> {
    if (this.closed || signal?.aborted) return Promise.reject(cancelled());
    const sequence = this.free.pop() ?? (this.context.sequencesLeft > 0 ? this.context.getSequence() : null);
    if (sequence) return Promise.resolve(sequence);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (seq) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(seq);
        },
        reject,
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(cancelled());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  async release(sequence: LlamaContextSequence): Promise<void> {
    if (sequence.disposed || this.closed) return;
    await sequence.clearHistory();
    const next = this.waiting.shift();
    if (next) next.resolve(sequence);
    else this.free.push(sequence);
  }

  /** No more sequences: every waiting run is told so (the model is going away). */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(cancelled());
  }
}

function cancelled(): AppError {
  return new AppError({ code: "CANCELLED", message: "The run was cancelled before it started." });
}
