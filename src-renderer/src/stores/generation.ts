import type { AppErrorData } from "@contract/errors";
import type { GeneratedToken, GenerationDoneEvent, GenerationRequestInput } from "@contract/generation";
import { defineStore } from "pinia";
import { reactive } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { toErrorData } from "../lib/app-error";
import { useRunStream } from "./run-stream";

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

export const useGenerationStore = defineStore("generation", () => {
  const bridge = useBridge();
  const stream = useRunStream();
  /** Runs not finished yet: a dropped connection ends them all, however many a Playground run started. */
  const unfinished = new Set<Run>();
  let nextKey = 1;

  /** Starts a run and returns it at once; it fills in as tokens stream. */
  function start(request: GenerationRequestInput): Run {
    const run = reactive<Run>({
      key: nextKey++, runId: null, request, status: "starting", tokens: [], done: null, error: null,
    }) as Run;
    unfinished.add(run);
    stream.starting(bridge.call("generation.start", request), ({ runId }) => {
      run.runId = runId;
      stream.attach(runId, { tokens: (tokens) => appendTokens(run, tokens), done: (done) => finish(run, done) });
      if (run.status === "starting") run.status = "running";
      else if (run.status === "cancelling") void sendCancel(run, runId);
    }).catch((caught) => {
      run.status = "finished";
      run.error = toErrorData(caught);
      unfinished.delete(run);
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

  function appendTokens(run: Run, tokens: GeneratedToken[]): void {
    if (run.status !== "finished") run.tokens.push(...tokens);
  }

  function finish(run: Run, done: GenerationDoneEvent): void {
    run.done = done;
    run.error = done.error;
    run.status = "finished";
    unfinished.delete(run);
  }

  bridge.onDisconnected(() => {
    for (const run of unfinished) {
      run.status = "finished";
      run.error = { code: "DISCONNECTED", message: "The connection closed during this run; its output may be incomplete." };
    }
    unfinished.clear();
  });

  return { start, cancel };
});
