import type { AppErrorData } from "@contract/errors";
import type { ModelInfo } from "@contract/models";
import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { toErrorData } from "../lib/app-error";

export type ModelAction = "load" | "unload" | "remove";

/** A GGUF holding a vocabulary but no weights: it tokenizes, but main refuses to load it for generation. */
export function isTokenizerOnly(model: Pick<ModelInfo, "metadata">): boolean {
  return model.metadata !== null && model.metadata.tensorCount === 0;
}

export interface AddResult {
  added: ModelInfo[];
  skipped: string[];
}

/**
 * A mirror of the workspace's models: main owns the state and pushes a full snapshot
 * (`models.changed`) after every change, so actions here only ask and never edit the list.
 */
export const useModelsStore = defineStore("models", () => {
  const bridge = useBridge();
  const models = ref<ModelInfo[]>([]);
  /** True once `models.list` has answered at least once. */
  const listed = ref(false);
  const listError = ref<AppErrorData | null>(null);

  const adding = ref(false);
  const addError = ref<AppErrorData | null>(null);
  const lastAdd = ref<AddResult | null>(null);

  /** The action in flight per model id, and the last failed action's error per model id. */
  const pending = ref<Record<string, ModelAction>>({});
  const actionErrors = ref<Record<string, AppErrorData>>({});

  async function refresh(): Promise<void> {
    try {
      models.value = await bridge.call("models.list", {});
      listError.value = null;
      listed.value = true;
    } catch (caught) {
      listError.value = toErrorData(caught);
    }
  }

  async function add(paths: string[]): Promise<boolean> {
    adding.value = true;
    addError.value = null;
    lastAdd.value = null;
    try {
      lastAdd.value = await bridge.call("models.add", { paths });
      return true;
    } catch (caught) {
      addError.value = toErrorData(caught);
      return false;
    } finally {
      adding.value = false;
    }
  }

  async function perform(id: string, action: ModelAction, call: () => Promise<unknown>): Promise<void> {
    pending.value[id] = action;
    delete actionErrors.value[id];
    try {
      await call();
    } catch (caught) {
      actionErrors.value[id] = toErrorData(caught);
    } finally {
      delete pending.value[id];
    }
  }

  const load = (id: string) => perform(id, "load", () => bridge.call("models.load", { id }));
  const unload = (id: string) => perform(id, "unload", () => bridge.call("models.unload", { id }));
  const remove = (id: string) => perform(id, "remove", () => bridge.call("models.remove", { id }));

  /** Models that generate text: their header is read and they hold weights (tokenizer-only files do not). */
  const generativeModels = computed(() => models.value.filter((model) => (model.metadata?.tensorCount ?? 0) > 0));
  /** Models whose tokenizer the tokenization lab can use: every one whose header could be read, loaded or not. */
  const tokenizerModels = computed(() => models.value.filter((model) => model.metadata !== null));

  function byId(id: string): ModelInfo | undefined {
    return models.value.find((model) => model.id === id);
  }

  bridge.on("models.changed", (snapshot) => (models.value = snapshot));
  bridge.onConnected(() => void refresh());

  return {
    models, generativeModels, tokenizerModels, listed, listError, adding, addError, lastAdd, pending, actionErrors,
    refresh, add, load, unload, remove, byId,
  };
});
