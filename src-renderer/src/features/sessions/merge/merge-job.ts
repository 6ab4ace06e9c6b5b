/** Merging raters' copies of a session into a new file, which main then opens as the current session. */
import type { Leaderboard } from "@contract/compare";
import type { AppErrorData } from "@contract/errors";
import type { MergeReport } from "@contract/sessions";
import { ref, shallowRef } from "vue";
import type { Bridge } from "../../../bridge/bridge";
import { toErrorData } from "../../../lib/app-error";

export interface MergeResult {
  path: string;
  report: MergeReport;
  leaderboard: Leaderboard;
}

export function useMergeJob(bridge: Bridge) {
  const merging = ref(false);
  const result = shallowRef<MergeResult | null>(null);
  const error = ref<AppErrorData | null>(null);

  /** Merges `paths` into `out` (replacing it only with `force`) and opens the result; false when main refused. */
  async function merge(paths: string[], out: string, force: boolean): Promise<boolean> {
    if (merging.value) return false;
    merging.value = true;
    error.value = null;
    result.value = null;
    try {
      result.value = await bridge.call("session.merge", { paths, out, force, open: true });
      return true;
    } catch (caught) {
      error.value = toErrorData(caught);
      return false;
    } finally {
      merging.value = false;
    }
  }

  return { merging, result, error, merge };
}
