import type { CompareRequestInput } from "@contract/compare";
import type { PromptSpec } from "@contract/session";
import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { customVariables, fillForLanguage } from "../lib/prompt-template";
import { useCompareStore, type ComparisonRun, type PaneRun } from "./compare";

/** One language of a fan-out: the comparison of every pane on the template filled for it. */
export interface FanOutRow {
  /** FLORES-200 code, e.g. "kaz_Cyrl". */
  language: string;
  comparison: ComparisonRun;
}

/** One template run over several languages; every comparison records `id` as its origin's fanOutId. */
export interface FanOut {
  id: string;
  template: string;
  rows: FanOutRow[];
}

/** A variable left empty for a language: what keeps a fan-out from running. */
export interface MissingValue {
  language: string;
  variable: string;
}

export const DEFAULT_FAN_OUT_LANGUAGES: readonly string[] = ["eng_Latn", "kaz_Cyrl", "npi_Deva"];

/**
 * The language fan-out: one prompt template with `{{variables}}` run over several languages, each
 * language a comparison of the Compare view's panes. The comparisons are started and streamed by
 * the compare store, which also applies their compare.finished / compare.voted events.
 */
export const useFanOutStore = defineStore("fan-out", () => {
  const compare = useCompareStore();

  const template = ref("");
  /** Selected FLORES-200 codes, in the order chosen: the grid's rows. */
  const languages = ref<string[]>([...DEFAULT_FAN_OUT_LANGUAGES]);
  /** values[language][variable]: the table of the template's custom variables. */
  const values = ref<Record<string, Record<string, string>>>({});
  const current = ref<FanOut | null>(null);

  const variables = computed(() => customVariables(template.value));

  /** Every empty cell of the values table, by language then variable. */
  const missing = computed<MissingValue[]>(() => languages.value.flatMap((language) =>
    fillForLanguage(template.value, language, values.value[language]).missing.map((variable) => ({ language, variable }))));

  const running = computed(() => current.value !== null && current.value.rows.some((row) => row.comparison.status !== "finished"));

  compare.follow(() => current.value?.rows.map((row) => row.comparison) ?? []);

  function addLanguage(code: string): void {
    if (!languages.value.includes(code)) languages.value.push(code);
  }

  function removeLanguage(code: string): void {
    languages.value = languages.value.filter((known) => known !== code);
  }

  function valueOf(language: string, variable: string): string {
    return values.value[language]?.[variable] ?? "";
  }

  function setValue(language: string, variable: string, value: string): void {
    (values.value[language] ??= {})[variable] = value;
  }

  /** The prompt for one filled template, in the Compare view's mode (chat: one user message). */
  function promptFor(text: string): PromptSpec {
    if (compare.mode === "chat") return { mode: "chat", messages: [{ role: "user", content: text }], chatTemplate: compare.chatTemplate };
    return { mode: "completion", text };
  }

  /**
   * Starts one comparison per selected language; returns the fan-out, or null when one is still
   * running, the template is blank, no language is selected or a value is missing (see `missing`).
   */
  function run(): FanOut | null {
    if (running.value || template.value.trim() === "" || languages.value.length === 0 || missing.value.length > 0) return null;
    const fanOut: FanOut = { id: crypto.randomUUID(), template: template.value, rows: [] };
    for (const language of languages.value) {
      const filled = fillForLanguage(fanOut.template, language, values.value[language]);
      const request: CompareRequestInput = {
        prompt: promptFor(filled.text),
        panes: compare.paneSpecs(),
        language,
        origin: { template: fanOut.template, variables: filled.variables, fanOutId: fanOut.id },
      };
      fanOut.rows.push({ language, comparison: compare.start(request) });
    }
    current.value = fanOut;
    return current.value;
  }

  /** Cancels every comparison of the current fan-out that has not finished. */
  async function stop(): Promise<void> {
    await Promise.all((current.value?.rows ?? []).map((row) => compare.stop(row.comparison)));
  }

  return {
    template, languages, values, current, variables, missing, running,
    addLanguage, removeLanguage, valueOf, setValue, run, stop,
  };
});

export type PaneCellStatus = "starting" | "streaming" | "done" | "cancelled" | "error";

/** A pane's state for a grid cell; `comparison` is its comparison, which may have failed to start. */
export function paneCellStatus(comparison: ComparisonRun, pane: PaneRun): PaneCellStatus {
  if (pane.error || (comparison.error && !pane.done)) return "error";
  if (pane.done) return pane.done.stats.stopReason === "cancelled" ? "cancelled" : "done";
  if (pane.status === "starting") return "starting";
  return pane.status === "running" ? "streaming" : "done";
}

/** Why a pane failed, if it did. */
export function paneErrorMessage(comparison: ComparisonRun, pane: PaneRun): string | null {
  return pane.error?.message ?? (pane.done ? null : comparison.error?.message ?? null);
}
