import type { ExportedFile } from "@contract/compare";
import type { AppErrorData } from "@contract/errors";
import type { Comparison, ComparisonSummary, Vote } from "@contract/session";
import type { AgreementReport, CurrentSession, ModelMatch, SessionList } from "@contract/sessions";
import { defineStore } from "pinia";
import { computed, reactive, ref, shallowRef } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { addVote, keepKnown, ratersOf } from "../features/sessions/comparisons/session-comparisons";
import { useMergeJob } from "../features/sessions/merge/merge-job";
import { useReplayJob } from "../features/sessions/replay/replay-job";
import { toErrorData } from "../lib/app-error";
import { saveInBrowser } from "../lib/download";

/** A burst of votes (one per pair of panes, several raters) makes one agreement refresh. */
export const AGREEMENT_REFRESH_DELAY_MS = 300;
/** Models change in bursts (hashing, loading): the matching is asked for once they settle. */
export const MATCH_REFRESH_DELAY_MS = 1000;

/**
 * The Sessions view's state: the current session (without tokens) kept live as votes, comparisons
 * and notes arrive from every rater; the comparison looked at (with tokens); the session list;
 * agreement, model matching, replay, merge, eval-run references and the HTML report. Main owns
 * every session; this store asks and mirrors what it answers and pushes.
 */
export const useSessionsStore = defineStore("sessions", () => {
  const bridge = useBridge();

  // --- the current session -----------------------------------------------------------------------

  const current = ref<CurrentSession | null>(null);
  const loadError = ref<AppErrorData | null>(null);
  const comparisons = computed<ComparisonSummary[]>(() => current.value?.session.comparisons ?? []);
  /** Everyone who has voted in the session (live as votes arrive). */
  const raters = computed(() => ratersOf(comparisons.value));

  async function refresh(): Promise<void> {
    try {
      adopt(await bridge.call("session.describe", {}));
      loadError.value = null;
    } catch (caught) {
      loadError.value = toErrorData(caught);
    }
  }

  function adopt(next: CurrentSession): void {
    const previous = current.value;
    if (previous?.path === next.path) keepKnown(next.session.comparisons, previous.session.comparisons);
    current.value = next;
    const selected = next.session.comparisons.find((candidate) => candidate.id === selectedId.value);
    if (!selected) void select(null);
    else if (comparison.value?.id === selected.id && comparison.value.notes !== selected.notes) {
      comparison.value = { ...comparison.value, notes: selected.notes };
    }
  }

  // --- opening and creating ----------------------------------------------------------------------

  const list = shallowRef<SessionList | null>(null);
  const listError = ref<AppErrorData | null>(null);
  const switching = ref(false);
  const switchError = ref<AppErrorData | null>(null);
  /** Someone looked at the list: it is kept fresh from then on (asked again on reconnecting, on switching). */
  let listWanted = false;

  async function refreshList(): Promise<void> {
    listWanted = true;
    try {
      list.value = await bridge.call("session.list", {});
      listError.value = null;
    } catch (caught) {
      listError.value = toErrorData(caught);
    }
  }

  /** Makes another session current; false (with `switchError`) when main refused, e.g. a malformed file. */
  async function switchTo(call: () => Promise<CurrentSession>): Promise<boolean> {
    switching.value = true;
    switchError.value = null;
    try {
      adopt(await call());
      return true;
    } catch (caught) {
      switchError.value = toErrorData(caught);
      return false;
    } finally {
      switching.value = false;
    }
  }

  const open = (path: string) => switchTo(() => bridge.call("session.open", { path }));
  const create = (title: string) => switchTo(() => bridge.call("session.create", { title }));

  // --- the comparison looked at ------------------------------------------------------------------

  const selectedId = ref<string | null>(null);
  /** With its tokens (megabytes for a long output with alternatives): replaced whole, never deep-watched. */
  const comparison = shallowRef<Comparison | null>(null);
  const comparisonError = ref<AppErrorData | null>(null);
  let latestSelect = 0;

  async function select(id: string | null): Promise<void> {
    const request = ++latestSelect;
    selectedId.value = id;
    comparisonError.value = null;
    if (id === null || comparison.value?.id !== id) comparison.value = null;
    if (id === null) return;
    try {
      const answer = await bridge.call("session.comparison", { id });
      if (request !== latestSelect) return;
      const summary = comparisons.value.find((candidate) => candidate.id === id);
      const votes = [...answer.votes];
      for (const vote of summary?.votes ?? []) addVote(votes, vote);
      comparison.value = { ...answer, votes };
    } catch (caught) {
      if (request === latestSelect) comparisonError.value = toErrorData(caught);
    }
  }

  // --- notes -------------------------------------------------------------------------------------

  /** Saves the session's notes (comparisonId null) or a comparison's; rejects when main refused. */
  async function saveNotes(comparisonId: string | null, notes: string): Promise<void> {
    await bridge.call("session.setNotes", { comparisonId, notes });
    if (!current.value) return;
    if (comparisonId === null) current.value.session.notes = notes;
    const summary = comparisons.value.find((candidate) => candidate.id === comparisonId);
    if (summary) summary.notes = notes;
    if (comparison.value?.id === comparisonId) comparison.value = { ...comparison.value, notes };
  }

  // --- live changes from every client ------------------------------------------------------------

  function heardVote(comparisonId: string, vote: Vote): void {
    const summary = comparisons.value.find((candidate) => candidate.id === comparisonId);
    if (summary) addVote(summary.votes, vote);
    const shown = comparison.value;
    if (shown?.id === comparisonId && !shown.votes.some((known) => known.id === vote.id)) {
      comparison.value = { ...shown, votes: [...shown.votes, vote] };
    }
    later(refreshAgreement, AGREEMENT_REFRESH_DELAY_MS);
  }

  function heardComparison(saved: ComparisonSummary): void {
    if (current.value && !comparisons.value.some((known) => known.id === saved.id)) current.value.session.comparisons.push(saved);
  }

  /** Another session was opened (here or by another client): everything about the old one goes. */
  async function switched(): Promise<void> {
    replay.clear();
    await Promise.all([refresh(), refreshAgreement(), refreshMatches(), listWanted ? refreshList() : undefined]);
  }

  const timers = new Map<() => Promise<void>, ReturnType<typeof setTimeout>>();
  function later(action: () => Promise<void>, delayMs: number): void {
    clearTimeout(timers.get(action));
    timers.set(action, setTimeout(() => void action(), delayMs));
  }

  // --- agreement and model matching --------------------------------------------------------------

  const agreement = shallowRef<AgreementReport | null>(null);
  const agreementError = ref<AppErrorData | null>(null);

  async function refreshAgreement(): Promise<void> {
    try {
      agreement.value = await bridge.call("session.agreement", {});
      agreementError.value = null;
    } catch (caught) {
      agreementError.value = toErrorData(caught);
    }
  }

  const matches = shallowRef<ModelMatch[] | null>(null);
  const matchesError = ref<AppErrorData | null>(null);
  const matching = ref(false);
  let latestMatch = 0;

  async function refreshMatches(): Promise<void> {
    const request = ++latestMatch;
    matching.value = true;
    try {
      const answer = await bridge.call("session.matchModels", {});
      if (request !== latestMatch) return;
      matches.value = answer;
      matchesError.value = null;
    } catch (caught) {
      if (request === latestMatch) matchesError.value = toErrorData(caught);
    } finally {
      if (request === latestMatch) matching.value = false;
    }
  }

  // --- eval runs, exports, replay, merge ---------------------------------------------------------

  /** The eval run being linked or unlinked, and the last such action's error. */
  const evalRunPending = ref<string | null>(null);
  const evalRunError = ref<AppErrorData | null>(null);

  async function changeEvalRun(runId: string, call: () => Promise<unknown>): Promise<void> {
    evalRunPending.value = runId;
    evalRunError.value = null;
    try {
      await call();
      await refresh();
    } catch (caught) {
      evalRunError.value = toErrorData(caught);
    } finally {
      evalRunPending.value = null;
    }
  }

  const linkEvalRun = (runId: string) => changeEvalRun(runId, () => bridge.call("session.linkEvalRun", { runId }));
  const unlinkEvalRun = (runId: string) => changeEvalRun(runId, () => bridge.call("session.unlinkEvalRun", { runId }));

  const exportingHtml = ref(false);
  const htmlError = ref<AppErrorData | null>(null);
  const htmlFile = shallowRef<ExportedFile | null>(null);

  /** Saves the current session as one self-contained HTML file. */
  async function exportHtml(): Promise<void> {
    exportingHtml.value = true;
    htmlError.value = null;
    htmlFile.value = null;
    try {
      const file = await bridge.call("session.exportHtml", {});
      saveInBrowser(file);
      htmlFile.value = file;
    } catch (caught) {
      htmlError.value = toErrorData(caught);
    } finally {
      exportingHtml.value = false;
    }
  }

  // Reactive, so their refs read as plain values (`sessions.replay.running`), like the store's own.
  const replay = reactive(useReplayJob(bridge));
  const merge = reactive(useMergeJob(bridge));

  bridge.on("session.changed", ({ change }) => void (change === "opened" ? switched() : refresh()));
  bridge.on("compare.voted", ({ comparisonId, vote }) => heardVote(comparisonId, vote));
  bridge.on("compare.finished", ({ comparison: saved, saveError }) => {
    if (!saveError) heardComparison(saved);
  });
  bridge.on("models.changed", () => later(refreshMatches, MATCH_REFRESH_DELAY_MS));
  // Events may have been missed while disconnected: everything is asked for again.
  bridge.onConnected(() => void Promise.all([refresh(), refreshAgreement(), refreshMatches(), listWanted ? refreshList() : undefined]));

  return {
    current, loadError, comparisons, raters, refresh,
    list, listError, switching, switchError, refreshList, open, create,
    selectedId, comparison, comparisonError, select,
    saveNotes,
    agreement, agreementError, refreshAgreement,
    matches, matchesError, matching, refreshMatches,
    evalRunPending, evalRunError, linkEvalRun, unlinkEvalRun,
    exportingHtml, htmlError, htmlFile, exportHtml,
    replay, merge,
  };
});
