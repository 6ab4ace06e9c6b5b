import type { Verdict, Vote } from "@contract/session";
import { defineStore } from "pinia";
import { reactive, ref, watch } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { toErrorData } from "../lib/app-error";
import type { AppErrorData } from "@contract/errors";
import type { ComparisonRun } from "./compare";

const RATER_KEY = "polyglot.rater";

/** A pair of panes as the rater sees it: `shown[0]` is "A", `shown[1]` is "B". */
export interface BlindPair {
  shown: [number, number];
  vote: Vote | null;
}

/** Every pair of panes once, in random order and random sides: the rater cannot tell who is A. */
export function blindPairs(paneCount: number, random: () => number = Math.random): BlindPair[] {
  const pairs: BlindPair[] = [];
  for (let i = 0; i < paneCount; i++) {
    for (let j = i + 1; j < paneCount; j++) pairs.push({ shown: random() < 0.5 ? [i, j] : [j, i], vote: null });
  }
  for (let index = pairs.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [pairs[index], pairs[other]] = [pairs[other], pairs[index]];
  }
  return pairs;
}

/**
 * Blind rating: panes anonymised and shuffled into A/B pairs; a vote is sent with the rater's
 * name and languages, then the identities are revealed.
 */
export const useVotingStore = defineStore("voting", () => {
  const bridge = useBridge();
  const blind = ref(false);
  const rater = ref(localStorage.getItem(RATER_KEY) ?? "");
  watch(rater, (name) => localStorage.setItem(RATER_KEY, name));

  /** The pairs of the comparison being rated, keyed by the comparison run. */
  const pairsOf = new WeakMap<ComparisonRun, BlindPair[]>();
  /** The pair shown, per run: Compare and Sessions each rate their own comparison. */
  const pairIndexes = reactive(new WeakMap<ComparisonRun, number>());
  const sending = ref(false);
  const error = ref<AppErrorData | null>(null);

  function pairs(run: ComparisonRun): BlindPair[] {
    let list = pairsOf.get(run);
    if (!list) {
      list = reactive(blindPairs(run.panes.length)) as BlindPair[];
      pairsOf.set(run, list);
    }
    return list;
  }

  function pairIndex(run: ComparisonRun): number {
    return pairIndexes.get(run) ?? 0;
  }

  function showPair(run: ComparisonRun, index: number): void {
    pairIndexes.set(run, index);
  }

  async function vote(
    run: ComparisonRun, pair: BlindPair, verdict: Verdict,
    details: { note: string; promptLanguage: string | null; responseLanguage: string | null },
  ): Promise<void> {
    if (!run.saved || pair.vote || sending.value) return;
    if (!rater.value.trim()) {
      error.value = { code: "INVALID_INPUT", field: "rater", message: "Type your name as the rater first: votes are saved with it." };
      return;
    }
    sending.value = true;
    error.value = null;
    try {
      pair.vote = await bridge.call("compare.vote", {
        comparisonId: run.saved.id, pair: [...pair.shown], winner: verdict, rater: rater.value.trim(), blind: blind.value, ...details,
      });
    } catch (caught) {
      error.value = toErrorData(caught);
    } finally {
      sending.value = false;
    }
  }

  return { blind, rater, sending, error, pairs, pairIndex, showPair, vote };
});
