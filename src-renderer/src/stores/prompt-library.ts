import type { Params } from "@contract/api";
import type { AppErrorData } from "@contract/errors";
import type { SamplingParams } from "@contract/generation";
import type { ParamPreset, SavedPrompt } from "@contract/prompts";
import { defineStore } from "pinia";
import { ref, type Ref } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { copySamplingParams } from "../components/sampling-fields";
import { toErrorData } from "../lib/app-error";

/**
 * The workspace's prompt library and parameter presets, as main keeps them: saved prompts (a draft
 * with a name and tags) and named sampling parameters, the built-in presets first.
 */
export const usePromptLibraryStore = defineStore("prompt-library", () => {
  const bridge = useBridge();
  const prompts = ref<SavedPrompt[]>([]);
  const presets = ref<ParamPreset[]>([]);
  /** True once `prompts.library` has answered. */
  const listed = ref(false);
  /** Why the last call about prompts (the list, save, delete) failed, until the next one succeeds. */
  const error = ref<AppErrorData | null>(null);
  /** The same for presets, shown next to them. */
  const presetError = ref<AppErrorData | null>(null);

  /** Runs a call; on failure keeps its error in `errorRef` and answers null. */
  async function attempt<T>(errorRef: Ref<AppErrorData | null>, call: () => Promise<T>): Promise<T | null> {
    try {
      const result = await call();
      errorRef.value = null;
      return result;
    } catch (caught) {
      errorRef.value = toErrorData(caught);
      return null;
    }
  }

  async function refresh(): Promise<void> {
    const library = await attempt(error, () => bridge.call("prompts.library", {}));
    if (!library) return;
    prompts.value = library.prompts;
    presets.value = library.presets;
    listed.value = true;
  }

  /** Saves a draft under a name; a prompt of the same name is overwritten. */
  async function save(request: Params<"prompts.save">): Promise<SavedPrompt | null> {
    const id = request.id ?? prompts.value.find((prompt) => prompt.name === request.name.trim())?.id;
    const saved = await attempt(error, () => bridge.call("prompts.save", { ...request, id }));
    if (saved) prompts.value = [saved, ...prompts.value.filter((prompt) => prompt.id !== saved.id)];
    return saved;
  }

  async function remove(id: string): Promise<void> {
    const done = await attempt(error, () => bridge.call("prompts.delete", { id }));
    if (done) prompts.value = prompts.value.filter((prompt) => prompt.id !== id);
  }

  async function savePreset(name: string, params: SamplingParams): Promise<boolean> {
    const updated = await attempt(presetError, () => bridge.call("prompts.savePreset", { name, params: copySamplingParams(params) }));
    if (updated) presets.value = updated;
    return updated !== null;
  }

  async function deletePreset(name: string): Promise<void> {
    const updated = await attempt(presetError, () => bridge.call("prompts.deletePreset", { name }));
    if (updated) presets.value = updated;
  }

  bridge.onConnected(() => void refresh());

  return { prompts, presets, listed, error, presetError, refresh, save, remove, savePreset, deletePreset };
});
