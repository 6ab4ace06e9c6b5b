import type { GeneratedToken, GenerationDoneEvent } from "@contract/generation";
import { defineStore } from "pinia";
import { useBridge } from "../bridge/use-bridge";

/** Where a run's events go: the Playground's run, a Compare pane. */
export interface RunSink {
  tokens(tokens: GeneratedToken[]): void;
  done(done: GenerationDoneEvent): void;
}

interface EarlyEvents {
  tokens: GeneratedToken[];
  done: GenerationDoneEvent | null;
}

const nextFrame: (callback: () => void) => void = typeof requestAnimationFrame === "function"
  ? (callback) => requestAnimationFrame(callback)
  : (callback) => setTimeout(callback, 16);

/**
 * Routes `generation.tokens` / `generation.done` events to the run they belong to.
 *
 * - A run's first events can arrive before the answer that names its runId: while a start is in
 *   flight, events of unknown runs are kept and handed over when the run is attached.
 * - Tokens are handed on at most once per animation frame, however many panes stream and however
 *   many messages arrive, so the page renders once per frame and stays responsive.
 */
export const useRunStream = defineStore("run-stream", () => {
  const bridge = useBridge();
  const sinks = new Map<string, RunSink>();
  const early = new Map<string, EarlyEvents>();
  const queued = new Map<string, GeneratedToken[]>();
  let startsInFlight = 0;
  let frameRequested = false;

  /**
   * Makes the call that starts runs; `attachRuns` runs with its answer before early events are
   * dropped, and should attach a sink to every run the answer names.
   */
  async function starting<T>(call: Promise<T>, attachRuns: (result: T) => void): Promise<T> {
    startsInFlight++;
    try {
      const result = await call;
      attachRuns(result);
      return result;
    } finally {
      // Early events can only belong to a start still waiting for its answer.
      if (--startsInFlight === 0) early.clear();
    }
  }

  function attach(runId: string, sink: RunSink): void {
    const events = early.get(runId);
    early.delete(runId);
    if (events?.tokens.length) sink.tokens(events.tokens);
    if (events?.done) sink.done(events.done);
    else sinks.set(runId, sink);
  }

  function flush(): void {
    frameRequested = false;
    for (const [runId, tokens] of queued) sinks.get(runId)?.tokens(tokens);
    queued.clear();
  }

  function earlyEvents(runId: string): EarlyEvents | undefined {
    if (startsInFlight === 0) return undefined;
    let events = early.get(runId);
    if (!events) early.set(runId, (events = { tokens: [], done: null }));
    return events;
  }

  bridge.on("generation.tokens", ({ runId, tokens }) => {
    if (!sinks.has(runId)) {
      earlyEvents(runId)?.tokens.push(...tokens);
      return;
    }
    const pending = queued.get(runId);
    if (pending) pending.push(...tokens);
    else queued.set(runId, [...tokens]);
    if (!frameRequested) {
      frameRequested = true;
      nextFrame(flush);
    }
  });

  bridge.on("generation.done", (done) => {
    const sink = sinks.get(done.runId);
    if (!sink) {
      const events = earlyEvents(done.runId);
      if (events) events.done = done;
      return;
    }
    const pending = queued.get(done.runId);
    queued.delete(done.runId);
    sinks.delete(done.runId);
    if (pending) sink.tokens(pending);
    sink.done(done);
  });

  return { starting, attach };
});
