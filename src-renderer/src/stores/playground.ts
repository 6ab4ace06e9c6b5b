import type { AppErrorData } from "@contract/errors";
import type { SamplingParams } from "@contract/generation";
import { modelDisplayName } from "@contract/models";
import type { DatasetRows, HistoryEntry, PromptDraft, PromptPreview, PromptPreviewRequest } from "@contract/prompts";
import { PromptDraftSchema } from "@contract/prompts";
import type { Params } from "@contract/api";
import { defineStore } from "pinia";
import { computed, ref, shallowRef, watch, watchEffect } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { copySamplingParams, defaultSamplingParams } from "../components/sampling-fields";
import { buildRequest } from "../features/playground/build-request";
import { checkRows, copyDraft, fillDraft } from "../features/playground/draft-template";
import { cellOutput, type BatchCell } from "../features/playground/result-panes";
import { toErrorData } from "../lib/app-error";
import { useGenerationStore } from "./generation";
import { useModelsStore } from "./models";

/** One press of Run: every runnable row of the draft on every chosen model. */
export interface Batch {
  draft: PromptDraft;
  modelIds: string[];
  params: SamplingParams;
  cells: BatchCell[];
}

/** What the editor holds: the draft, the chosen models and the sampling parameters. */
interface EditorState {
  draft: PromptDraft;
  modelIds: string[];
  params: SamplingParams;
}

function copyState(state: EditorState): EditorState {
  return { draft: copyDraft(state.draft), modelIds: [...state.modelIds], params: copySamplingParams(state.params) };
}

/**
 * The Playground: the prompt draft with its `{{variables}}` rows, the models and parameters to run
 * it with, the runs of the last Run (through the generation store), and the history of runs.
 */
export const usePlaygroundStore = defineStore("playground", () => {
  const bridge = useBridge();
  const generation = useGenerationStore();
  const models = useModelsStore();

  const draft = ref<PromptDraft>(PromptDraftSchema.parse({ mode: "completion" }));
  const modelIds = ref<string[]>([]);
  const params = ref<SamplingParams>(defaultSamplingParams());
  /** Shallow: the batch's draft and parameters stay plain data, ready to send to main (its runs are reactive themselves). */
  const batch = shallowRef<Batch | null>(null);

  const history = ref<HistoryEntry[]>([]);
  const historyError = ref<AppErrorData | null>(null);
  /** The history entry loaded into the editor (index in `history`, newest first), or null. */
  const historyCursor = ref<number | null>(null);
  /** Whose outputs show: a history entry's, or (null) the last run's. */
  const shownEntry = shallowRef<HistoryEntry | null>(null);
  /** The editor as it was before walking the history, given back when walking past the newest entry. */
  let beforeHistory: EditorState | null = null;

  const rows = computed(() => checkRows(draft.value));
  const running = computed(() => batch.value?.cells.some((cell) => cell.run.status !== "finished") ?? false);

  /** Why Run cannot start now, or null. */
  const blocker = computed<string | null>(() => {
    if (modelIds.value.length === 0) return "Choose a model to run.";
    const notLoaded = modelIds.value.find((id) => models.byId(id)?.status !== "loaded");
    if (notLoaded !== undefined) {
      const model = models.byId(notLoaded);
      return model ? `Load ${modelDisplayName(model)} to run it.` : "A chosen model is no longer in the workspace: choose again.";
    }
    if (rows.value.runnable.length > 0) return null;
    const first = rows.value.incomplete[0];
    if (first) return `Fill {{${first.missing[0]}}} in row ${first.row + 1}.`;
    return "Fill the variables in the table to run.";
  });
  const canRun = computed(() => !running.value && blocker.value === null);

  // Keep a model chosen until the user chooses: a loaded one if there is one, else the first that can load.
  let chosenByUser = false;
  watchEffect(() => {
    if (chosenByUser || modelIds.value.length > 0) return;
    const choice = models.generativeModels.find((model) => model.status === "loaded") ?? models.generativeModels[0];
    if (choice) modelIds.value = [choice.id];
  });

  function chooseModels(ids: string[]): void {
    chosenByUser = true;
    modelIds.value = ids;
  }

  /** Starts every runnable row on every chosen model; returns the batch, or null when Run cannot start. */
  function run(): Batch | null {
    if (!canRun.value) return null;
    const started: Batch = { ...copyState({ draft: draft.value, modelIds: modelIds.value, params: params.value }), cells: [] };
    for (const row of rows.value.runnable) {
      const filled = fillDraft(started.draft, started.draft.variables[row]);
      for (const modelId of started.modelIds) {
        const model = models.byId(modelId);
        started.cells.push({
          row, modelId, modelName: model ? modelDisplayName(model) : modelId, run: generation.start(buildRequest(modelId, filled, started.params)),
        });
      }
    }
    batch.value = started;
    // A new run ends a walk through the history: Alt+↑ starts again from the newest entry.
    shownEntry.value = null;
    historyCursor.value = null;
    beforeHistory = null;
    return started;
  }

  async function stop(): Promise<void> {
    await Promise.all((batch.value?.cells ?? []).map((cell) => generation.cancel(cell.run)));
  }

  // When every run of a batch has ended, it goes into the history.
  watch(running, (now, before) => {
    if (before && !now && batch.value) void record(batch.value);
  });

  async function record(ended: Batch): Promise<void> {
    try {
      const entry = await bridge.call("prompts.addHistory", {
        draft: ended.draft, modelIds: ended.modelIds, params: ended.params, outputs: ended.cells.map(cellOutput),
      });
      history.value = [entry, ...history.value];
      if (historyCursor.value !== null) historyCursor.value++;
      historyError.value = null;
    } catch (caught) {
      historyError.value = toErrorData(caught);
    }
  }

  async function refreshHistory(): Promise<void> {
    try {
      history.value = await bridge.call("prompts.history", {});
      historyError.value = null;
    } catch (caught) {
      historyError.value = toErrorData(caught);
    }
  }

  async function clearHistory(): Promise<void> {
    try {
      await bridge.call("prompts.clearHistory", {});
      history.value = [];
      historyCursor.value = null;
      shownEntry.value = null;
    } catch (caught) {
      historyError.value = toErrorData(caught);
    }
  }

  /** Puts a draft, models and parameters in the editor; models gone from the workspace are left out. */
  function setEditor(state: EditorState): void {
    const copy = copyState(state);
    draft.value = copy.draft;
    params.value = copy.params;
    const known = copy.modelIds.filter((id) => models.byId(id) !== undefined);
    if (known.length > 0) modelIds.value = known;
  }

  /** Loads a history entry's draft, models and parameters into the editor and shows its outputs. */
  function showEntry(index: number): void {
    const entry = history.value[index];
    if (!entry) return;
    beforeHistory ??= copyState({ draft: draft.value, modelIds: modelIds.value, params: params.value });
    setEditor(entry);
    historyCursor.value = index;
    shownEntry.value = entry;
  }

  /** Alt+↑: the next older entry. */
  function previousEntry(): void {
    const next = historyCursor.value === null ? 0 : historyCursor.value + 1;
    if (next < history.value.length) showEntry(next);
  }

  /** Alt+↓: the next newer entry; past the newest, the editor as it was before walking the history. */
  function nextEntry(): void {
    if (historyCursor.value === null) return;
    if (historyCursor.value > 0) {
      showEntry(historyCursor.value - 1);
      return;
    }
    if (beforeHistory) setEditor(beforeHistory);
    beforeHistory = null;
    historyCursor.value = null;
    shownEntry.value = null;
  }

  /** Loads a draft (a saved prompt) into the editor, keeping the models and parameters. */
  function loadDraft(next: PromptDraft): void {
    draft.value = copyDraft(next);
    historyCursor.value = null;
    beforeHistory = null;
  }

  const datasetRows = (request: Params<"prompts.datasetRows">): Promise<DatasetRows> => bridge.call("prompts.datasetRows", request);
  const preview = (request: PromptPreviewRequest): Promise<PromptPreview> => bridge.call("prompts.preview", request);

  bridge.onConnected(() => void refreshHistory());

  return {
    draft, modelIds, params, batch, history, historyError, historyCursor, shownEntry, rows, running, blocker, canRun,
    chooseModels, run, stop, refreshHistory, clearHistory, showEntry, previousEntry, nextEntry, loadDraft, datasetRows, preview,
  };
});
