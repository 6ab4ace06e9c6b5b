/**
 * Saving a text field as the person types: a pause in typing (or leaving the field) saves the
 * latest text, once; saves go one after another, so the last one written is the last one typed.
 */
import type { AppErrorData } from "@contract/errors";
import { ref } from "vue";
import { toErrorData } from "../../../lib/app-error";

/** How long typing must pause before the text is saved. */
export const AUTOSAVE_DELAY_MS = 600;

/** idle: nothing typed yet; pending: typed, not sent; saving: sent; saved; error: the last save failed. */
export type AutosaveState = "idle" | "pending" | "saving" | "saved" | "error";

export function useAutosave(save: (text: string) => Promise<void>, delayMs = AUTOSAVE_DELAY_MS) {
  const state = ref<AutosaveState>("idle");
  const error = ref<AppErrorData | null>(null);
  /** Typed and not yet sent. */
  let unsent: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let inFlight = 0;

  function edited(text: string): void {
    unsent = text;
    state.value = "pending";
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  /** Sends what was typed now (the field lost focus, or it is going away); resolves when it is saved. */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (unsent === null) return queue;
    const text = unsent;
    unsent = null;
    state.value = "saving";
    inFlight++;
    queue = queue.then(() => save(text)).finally(() => inFlight--).then(
      () => {
        if (unsent !== null || inFlight > 0) return;
        state.value = "saved";
        error.value = null;
      },
      (caught: unknown) => {
        // Kept to send again on the next edit or when the field loses focus.
        unsent ??= text;
        state.value = "error";
        error.value = toErrorData(caught);
      },
    );
    return queue;
  }

  /** True while something typed is not yet saved: a text arriving from elsewhere must not replace it. */
  const hasUnsaved = () => unsent !== null || inFlight > 0;

  return { state, error, edited, flush, hasUnsaved };
}
