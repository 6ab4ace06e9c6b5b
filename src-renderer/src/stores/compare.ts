import type { CompareRequestInput, PaneSpecInput } from "@contract/compare";
import { DEFAULT_TOP_ALTERNATIVES } from "@contract/compare";
import type { AppErrorData } from "@contract/errors";
import type { ChatMessage, ChatTemplateChoice, GeneratedToken, GenerationDoneEvent, SamplingParams } from "@contract/generation";
import type { ComparisonSummary, PromptSpec } from "@contract/session";
import { MAX_PANES } from "@contract/session";
import { defineStore } from "pinia";
import { computed, reactive, ref, shallowReactive } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { defaultSamplingParams } from "../components/sampling-fields";
import { toErrorData } from "../lib/app-error";
import { useRunStream } from "./run-stream";

export type PaneStatus = "starting" | "running" | "finished";

/** How one pane is set up: a backend + model with its own sampling parameters. */
export interface PaneConfig {
  key: number;
  modelId: string;
  params: SamplingParams;
}

/** One pane of a comparison as it streams. */
export interface PaneRun {
  runId: string | null;
  status: PaneStatus;
  tokens: GeneratedToken[];
  done: GenerationDoneEvent | null;
  error: AppErrorData | null;
}

/** A comparison as the client sees it: started, streaming, then saved (`saved`). */
export interface ComparisonRun {
  key: number;
  comparisonId: string | null;
  request: CompareRequestInput;
  /** The model of each pane, by id, as configured when it started. */
  modelIds: string[];
  panes: PaneRun[];
  status: "starting" | "running" | "cancelling" | "finished";
  /** Why it could not start. */
  error: AppErrorData | null;
  /** The comparison as saved in the session (what votes refer to); null until every pane ended. */
  saved: ComparisonSummary | null;
  saveError: AppErrorData | null;
}

export type PromptMode = "completion" | "chat";

/** The text of a pane's final result once it ended without error (final: held-back text included), else what streamed. */
export function paneFinalText(pane: PaneRun): string | null {
  return pane.done && !pane.done.error ? pane.done.text : null;
}

/** What a pane has produced so far. */
export function paneText(pane: PaneRun): string {
  return paneFinalText(pane) ?? pane.tokens.map((token) => token.text).join("");
}

export const MIN_COMPARE_PANES = 2;

/**
 * The Compare view's state: the panes' set-up, the shared prompt, and the comparisons run from
 * them. Main runs the panes; this store only asks and mirrors what streams back.
 */
export const useCompareStore = defineStore("compare", () => {
  const bridge = useBridge();
  const stream = useRunStream();
  let nextKey = 1;

  const panes = ref<PaneConfig[]>([newPane(""), newPane("")]);
  const mode = ref<PromptMode>("completion");
  const promptText = ref("");
  const messages = ref<ChatMessage[]>([{ role: "user", content: "" }]);
  const chatTemplate = ref<ChatTemplateChoice>("model");
  const language = ref<string | null>(null);
  /** One seed for every pane, or null to keep each pane's own. */
  const sharedSeed = ref<number | null>(42);
  const topAlternatives = ref(DEFAULT_TOP_ALTERNATIVES);
  const current = ref<ComparisonRun | null>(null);

  const running = computed(() => current.value !== null && current.value.status !== "finished");

  function newPane(modelId: string): PaneConfig {
    return { key: nextKey++, modelId, params: { ...defaultSamplingParams(), temperature: 0 } };
  }

  function addPane(): void {
    if (panes.value.length >= MAX_PANES) return;
    panes.value.push(newPane(panes.value.at(-1)?.modelId ?? ""));
  }

  function removePane(key: number): void {
    if (panes.value.length > MIN_COMPARE_PANES) panes.value = panes.value.filter((pane) => pane.key !== key);
  }

  /** The prompt as set up now, as fresh plain data (Electron's IPC clones only plain objects). */
  function promptSpec(text = promptText.value): PromptSpec {
    if (mode.value === "completion") return { mode: "completion", text };
    return { mode: "chat", messages: messages.value.map(({ role, content }) => ({ role, content })), chatTemplate: chatTemplate.value };
  }

  function paneSpecs(): PaneSpecInput[] {
    return panes.value.map((pane) => ({
      backend: { kind: "local", modelId: pane.modelId },
      params: { ...pane.params, stop: [...pane.params.stop], seed: sharedSeed.value ?? pane.params.seed },
      topAlternatives: topAlternatives.value,
    }));
  }

  /** Starts a comparison and returns it at once; its panes fill in as they stream. */
  function start(request: CompareRequestInput): ComparisonRun {
    const run = reactive<ComparisonRun>({
      key: nextKey++, comparisonId: null, request, modelIds: request.panes.map((pane) => pane.backend.modelId),
      panes: request.panes.map(() => shallowReactive<PaneRun>({ runId: null, status: "starting", tokens: [], done: null, error: null })),
      status: "starting", error: null, saved: null, saveError: null,
    }) as ComparisonRun;
    stream.starting(bridge.call("compare.start", request), (started) => {
      run.comparisonId = started.comparisonId;
      started.panes.forEach(({ runId, error }, index) => {
        const pane = run.panes[index];
        pane.runId = runId;
        pane.error = error;
        if (runId === null) pane.status = "finished";
        else {
          pane.status = "running";
          stream.attach(runId, {
            // A new array per batch: panes are shallow, so this is the one change that renders.
            tokens: (tokens) => (pane.tokens = pane.tokens.concat(tokens)),
            done: (done) => Object.assign(pane, { done, error: done.error, status: "finished" }),
          });
        }
      });
      if (run.status === "cancelling") void bridge.call("compare.cancel", { comparisonId: started.comparisonId });
      else run.status = "running";
    }).catch((caught) => {
      run.error = toErrorData(caught);
      run.status = "finished";
      for (const pane of run.panes) pane.status = "finished";
    });
    return run;
  }

  function run(): void {
    if (running.value) return;
    current.value = start({ prompt: promptSpec(), panes: paneSpecs(), language: language.value });
  }

  async function stop(target = current.value): Promise<void> {
    if (!target || target.status === "finished" || target.status === "cancelling") return;
    const previous = target.status;
    target.status = "cancelling";
    if (previous === "starting" || target.comparisonId === null) return; // sent when the start answers
    await bridge.call("compare.cancel", { comparisonId: target.comparisonId }).catch((caught) => (target.error = toErrorData(caught)));
  }

  bridge.on("compare.finished", ({ comparison, saveError }) => {
    for (const candidate of tracked()) {
      if (candidate.comparisonId !== comparison.id) continue;
      candidate.saved = comparison;
      candidate.saveError = saveError;
      candidate.status = "finished";
    }
  });

  bridge.on("compare.voted", ({ comparisonId, vote }) => {
    for (const candidate of tracked()) {
      if (candidate.saved?.id === comparisonId && !candidate.saved.votes.some((known) => known.id === vote.id)) {
        candidate.saved.votes.push(vote);
      }
    }
  });

  bridge.onDisconnected(() => {
    for (const candidate of tracked()) {
      if (candidate.status === "finished") continue;
      candidate.status = "finished";
      candidate.error = { code: "DISCONNECTED", message: "The connection closed during this comparison; its output may be incomplete." };
      for (const pane of candidate.panes) pane.status = "finished";
    }
  });

  /** Every comparison this store follows: the current one and the fan-out's cells. */
  const extraTracked = new Set<() => ComparisonRun[]>();
  function tracked(): ComparisonRun[] {
    return [...(current.value ? [current.value] : []), ...[...extraTracked].flatMap((list) => list())];
  }
  /** Lets another store (the fan-out) have its comparisons followed too. */
  function follow(list: () => ComparisonRun[]): void {
    extraTracked.add(list);
  }

  return {
    panes, mode, promptText, messages, chatTemplate, language, sharedSeed, topAlternatives, current, running,
    addPane, removePane, promptSpec, paneSpecs, start, run, stop, follow,
  };
});
