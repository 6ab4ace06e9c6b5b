/**
 * A replay of the current session's comparisons on local models, as the Sessions store runs it:
 * main reruns each pane and answers with the report once all are done; meanwhile a
 * `session.replayProgress` event arrives after each pane, with the row it finished.
 */
import type { AppErrorData } from "@contract/errors";
import type { ReplayProgressEvent, ReplayReport, ReplayRow } from "@contract/sessions";
import { ref, shallowRef } from "vue";
import type { Bridge } from "../../../bridge/bridge";
import { toErrorData } from "../../../lib/app-error";

let jobs = 0;

export function useReplayJob(bridge: Bridge) {
  const running = ref(false);
  /** Chosen here, so progress is matched and Cancel works before main answers (null: none running). */
  const jobId = ref<string | null>(null);
  const progress = shallowRef<ReplayProgressEvent | null>(null);
  /** Rows as panes finish, then the report's. */
  const rows = shallowRef<ReplayRow[]>([]);
  const report = shallowRef<ReplayReport | null>(null);
  const error = ref<AppErrorData | null>(null);
  const cancelling = ref(false);

  bridge.on("session.replayProgress", (event) => {
    // Other people's replays (server mode) send progress too.
    if (!running.value || event.jobId !== jobId.value) return;
    progress.value = event;
    rows.value = [...rows.value, event.row];
  });

  /** Replays the given comparisons (none: every one); resolves when main answers. */
  async function start(comparisonIds: string[] = []): Promise<void> {
    if (running.value) return;
    running.value = true;
    cancelling.value = false;
    const id = `replay-${Date.now().toString(36)}-${++jobs}-${Math.random().toString(36).slice(2, 8)}`;
    jobId.value = id;
    progress.value = null;
    rows.value = [];
    report.value = null;
    error.value = null;
    try {
      report.value = await bridge.call("session.replay", { jobId: id, comparisonIds });
      rows.value = report.value.rows;
    } catch (caught) {
      error.value = toErrorData(caught);
    } finally {
      running.value = false;
      cancelling.value = false;
    }
  }

  /** Stops the replay; panes not yet replayed are reported cancelled. */
  async function cancel(): Promise<void> {
    if (!running.value || cancelling.value || !jobId.value) return;
    cancelling.value = true;
    try {
      await bridge.call("session.cancelReplay", { jobId: jobId.value });
    } catch (caught) {
      error.value = toErrorData(caught);
    }
  }

  /** Forgets the last report (another session was opened). */
  function clear(): void {
    if (running.value) return;
    progress.value = null;
    rows.value = [];
    report.value = null;
    error.value = null;
  }

  return { running, jobId, progress, rows, report, error, cancelling, start, cancel, clear };
}
