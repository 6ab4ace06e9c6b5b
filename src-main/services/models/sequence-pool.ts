/**
 * Hands out the context sequences of one loaded model: several runs share one copy of the
 * weights, each on its own sequence; a run waits when all are busy.
 */
import type { LlamaContext, LlamaContextSequence } from "node-llama-cpp";

export class SequencePool {
  private readonly free: LlamaContextSequence[] = [];
  private readonly waiting: Array<(sequence: LlamaContextSequence) => void> = [];

  constructor(private readonly context: LlamaContext) {}

  async acquire(): Promise<LlamaContextSequence> {
    const sequence = this.free.pop() ?? (this.context.sequencesLeft > 0 ? this.context.getSequence() : null);
    if (sequence) return sequence;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async release(sequence: LlamaContextSequence): Promise<void> {
    if (sequence.disposed) return;
    await sequence.clearHistory();
    const next = this.waiting.shift();
    if (next) next(sequence);
    else this.free.push(sequence);
  }
}
