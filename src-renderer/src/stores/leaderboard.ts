import type { ExportedFile, ExportRequest, Leaderboard } from "@contract/compare";
import type { AppErrorData } from "@contract/errors";
import { defineStore } from "pinia";
import { ref, watch } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { toErrorData } from "../lib/app-error";
import { saveInBrowser } from "../lib/download";

export type ExportFormat = ExportRequest["format"];
export type TiesMode = ExportRequest["ties"];

/** Bootstrap rounds behind the 95 % intervals: enough for stable bounds, fast for a few thousand votes. */
export const LEADERBOARD_BOOTSTRAP_ROUNDS = 1000;
/** A burst of votes (one per pair of panes) makes one refresh. */
export const VOTE_REFRESH_DELAY_MS = 300;

/**
 * The leaderboard the votes make, optionally for one prompt language. Main computes it; this store
 * asks again on (re)connection, when the language changes, and shortly after votes arrive.
 */
export const useLeaderboardStore = defineStore("leaderboard", () => {
  const bridge = useBridge();
  /** Only votes on prompts in this language; null = all votes. */
  const language = ref<string | null>(null);
  /** The last answer (kept on screen while the next one is computed). */
  const leaderboard = ref<Leaderboard | null>(null);
  const loading = ref(false);
  const error = ref<AppErrorData | null>(null);

  const exporting = ref<ExportFormat | null>(null);
  const exportError = ref<AppErrorData | null>(null);
  /** The files the last export saved. */
  const exported = ref<ExportedFile[] | null>(null);

  /** Answers can arrive out of order (e.g. after a quick language switch): only the latest request's counts. */
  let latestRequest = 0;

  async function refresh(): Promise<void> {
    const request = ++latestRequest;
    loading.value = true;
    try {
      const answer = await bridge.call("compare.leaderboard", { language: language.value, bootstrapRounds: LEADERBOARD_BOOTSTRAP_ROUNDS });
      if (request !== latestRequest) return;
      leaderboard.value = answer;
      error.value = null;
    } catch (caught) {
      if (request === latestRequest) error.value = toErrorData(caught);
    } finally {
      if (request === latestRequest) loading.value = false;
    }
  }

  /** Asks main for preference data from every vote and saves each file it returns; null when it failed. */
  async function exportFiles(format: ExportFormat, ties: TiesMode): Promise<ExportedFile[] | null> {
    exporting.value = format;
    exportError.value = null;
    exported.value = null;
    try {
      const files = await bridge.call("compare.export", { format, ties });
      for (const file of files) saveInBrowser(file);
      exported.value = files;
      return files;
    } catch (caught) {
      exportError.value = toErrorData(caught);
      return null;
    } finally {
      exporting.value = null;
    }
  }

  let voteTimer: ReturnType<typeof setTimeout> | undefined;
  function refreshSoon(): void {
    clearTimeout(voteTimer);
    voteTimer = setTimeout(() => void refresh(), VOTE_REFRESH_DELAY_MS);
  }

  watch(language, () => void refresh());
  bridge.on("compare.voted", refreshSoon);
  // Another session opened (here or by another rater in server mode): other votes entirely.
  bridge.on("session.changed", ({ change }) => change === "opened" && refreshSoon());
  bridge.onConnected(() => void refresh());

  return { language, leaderboard, loading, error, exporting, exportError, exported, refresh, exportFiles };
});
