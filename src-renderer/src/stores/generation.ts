import type { AppErrorData } from "@contract/errors";
import type { GeneratedToken, GenerationDoneEvent, GenerationRequestInput } from "@contract/generation";
import { defineStore } from "pinia";
import { reactive, ref } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { toErrorData } from "../lib/app-error";

export type RunStatus = "starting" | "running" | "cancelling" | "finished";

export interface Run {
  /** Known at once, unlike runId, which arrives with the `generation.start` answer. */
  key: number;
  runId: string | null;
  request: GenerationRequestInput;
  status: RunStatus;
  tokens: GeneratedToken[];
  /** The `generation.done` event: final text, stats, the prompt as rendered. */
  done: GenerationDoneEvent | null;
  /** Why the run failed to start, was cut off, or ended in error. */
  error: AppErrorData | null;
}

/** Events of a run whose `generation.start` answer has not arrived yet. */
interface EarlyEvents {
  tokens: GeneratedToken[];
  done: GenerationDoneEvent | null;
}

const KEPT_RUNS = 20;

export const useGenerationStore = defineStore("generation", () => {
  const bridge = useBridge();
  const runs = ref<Run[]>([]);
  let nextKey = 1;
  let startsInFlight = 0;
  const early = new Map<string, EarlyEvents>();

  /** Starts a run and returns it at once; it fills in as tokens stream. */
  function start(request: GenerationRequestInput): Run {
    const run = reactive<Run>({
      key: nextKey++, runId: null, request, status: "starting", tokens: [], done: null, error: null,
    }) as Run;
    runs.value = [...runs.value.slice(-(KEPT_RUNS - 1)), run];
    startsInFlight++;
    bridge.call("generation.start", request).then(
      ({ runId }) => {
        run.runId = runId;
        const events = early.get(runId);
        if (events) {
          appendTokens(run, events.tokens);
          if (events.done) finish(run, events.done);
        }
        if (run.status === "starting") run.status = "running";
        else if (run.status === "cancelling") void sendCancel(run, runId);
      },
      (caught) => {
        run.status = "finished";
        run.error = toErrorData(caught);
      },
    ).finally(() => {
      // Early events can only belong to a start still waiting for its answer.
      if (--startsInFlight === 0) early.clear();
    });
    return run;
  }

  /** Asks main to stop the run; its `generation.done` (stop reason "cancelled") ends it here. */
  async function cancel(run: Run): Promise<void> {
    if (run.status === "finished" || run.status === "cancelling") return;
    run.status = "cancelling";
    // Without a runId yet, the cancel goes out as soon as `generation.start` answers.
    if (run.runId !== null) await sendCancel(run, run.runId);
  }

  async function sendCancel(run: Run, runId: string): Promise<void> {
    try {
      await bridge.call("generation.cancel", { runId });
    } catch (caught) {
      run.error = toErrorData(caught);
      if (run.status === "cancelling") run.status = "running";
    }
  }

  function findRun(runId: string): Run | undefined {
    return runs.value.find((run) => run.runId === runId);
  }

  function earlyEvents(runId: string): EarlyEvents | undefined {
    if (startsInFlight === 0) return undefined;
    let events = early.get(runId);
    if (!events) early.set(runId, (events = { tokens: [], done: null }));
    return events;
  }

  function appendTokens(run: Run, tokens: GeneratedToken[]): void {
    if (run.status !== "finished") run.tokens.push(...tokens);
  }

  function finish(run: Run, done: GenerationDoneEvent): void {
    run.done = done;
    run.error = done.error;
    run.status = "finished";
  }

  bridge.on("generation.tokens", ({ runId, tokens }) => {
    const run = findRun(runId);
    if (run) appendTokens(run, tokens);
    else earlyEvents(runId)?.tokens.push(...tokens);
  });

  bridge.on("generation.done", (done) => {
    const run = findRun(done.runId);
    if (run) finish(run, done);
    else {
      const events = earlyEvents(done.runId);
      if (events) events.done = done;
    }
  });

  bridge.onDisconnected(() => {
    for (const run of runs.value) {
      if (run.status === "finished") continue;
      run.status = "finished";
      run.error = { code: "DISCONNECTED", message: "The connection closed during this run; its output may be incomplete." };
    }
  });

  return { runs, start, cancel };
});
