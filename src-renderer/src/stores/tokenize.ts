import type { ExportedFile } from "@contract/compare";
import type { AppErrorData } from "@contract/errors";
import {
  DEFAULT_REFERENCE_LANGUAGE, MAX_TOKENIZERS,
  type CorpusInfo, type FertilityProgressEvent, type FertilityReport, type TokenizeResult,
} from "@contract/tokenize";
import { defineStore } from "pinia";
import { computed, ref, shallowRef, type Ref } from "vue";
import { useBridge } from "../bridge/use-bridge";
import { fertilityCsv } from "../features/tokenize/corpus/fertility-csv";
import { DEFAULT_FERTILITY_SORT, sortFertilityRows, type FertilityColumn, type FertilitySort } from "../features/tokenize/corpus/fertility-table";
import { textCsvFile, type TextCsvKind } from "../features/tokenize/text/text-csv";
import { toErrorData } from "../lib/app-error";
import { saveInBrowser } from "../lib/download";
import { useModelsStore } from "./models";
import { useSystemStore } from "./system";

/** A text as it was tokenized, with main's answer: the round-trip check compares against this text, not the one being typed. */
export interface TextTokenization {
  text: string;
  result: TokenizeResult;
}

/** How a tab's last export went, for ExportStatus: the file it saved, or why it could not. */
interface ExportOutcome {
  exported: Ref<ExportedFile[] | null>;
  exportError: Ref<AppErrorData | null>;
}

/** Saves a file made here (nothing when there is nothing to export) and records how it went. */
function saveMadeFile(outcome: ExportOutcome, make: () => ExportedFile | null): void {
  outcome.exportError.value = null;
  outcome.exported.value = null;
  try {
    const file = make();
    if (!file) return;
    saveInBrowser(file);
    outcome.exported.value = [file];
  } catch (caught) {
    outcome.exportError.value = toErrorData(caught);
  }
}

/** Where the demo workspace keeps its small parallel corpus. */
export function demoCorpusDir(workspaceDir: string): string {
  return `${workspaceDir}/datasets/parallel-demo`;
}

/**
 * The Tokenizers view: which tokenizers are compared, a text's tokens per tokenizer, and fertility
 * over a parallel corpus (a job with progress and cancel). Main tokenizes; this store asks, keeps
 * the latest answer and exports what it shows.
 */
export const useTokenizeStore = defineStore("tokenize", () => {
  const bridge = useBridge();
  const models = useModelsStore();
  const system = useSystemStore();

  // --- the tokenizers compared (both tabs) -------------------------------------------------------

  /** The ids the person ticked; null until they tick one, and until then every usable tokenizer (up to the most allowed) is ticked. */
  const picked = ref<string[] | null>(null);
  const selectedModelIds = computed<string[]>(() => {
    const usable = models.tokenizerModels.map((model) => model.id);
    if (picked.value === null) return usable.slice(0, MAX_TOKENIZERS);
    return picked.value.filter((id) => usable.includes(id));
  });

  function setSelectedModelIds(ids: string[]): void {
    picked.value = [...ids];
  }

  // --- a text ------------------------------------------------------------------------------------

  const text = ref("");
  const addSpecial = ref(false);
  const parseSpecial = ref(false);
  /** The latest answer; kept while a newer request runs, so the chips do not flicker as one types. */
  const tokenized = shallowRef<TextTokenization | null>(null);
  const tokenizing = ref(false);
  const textError = ref<AppErrorData | null>(null);

  /** Requests cross as one types: only the latest one's answer (or error) counts. */
  let latestText = 0;
  async function tokenize(): Promise<void> {
    const request = ++latestText;
    const input = { text: text.value, modelIds: [...selectedModelIds.value], addSpecial: addSpecial.value, parseSpecial: parseSpecial.value };
    if (input.text === "" || input.modelIds.length === 0) {
      tokenized.value = null;
      textError.value = null;
      tokenizing.value = false;
      return;
    }
    tokenizing.value = true;
    try {
      const result = await bridge.call("tokenize.text", input);
      if (request !== latestText) return;
      tokenized.value = { text: input.text, result };
      textError.value = null;
    } catch (caught) {
      if (request === latestText) textError.value = toErrorData(caught);
    } finally {
      if (request === latestText) tokenizing.value = false;
    }
  }

  const textExportError = ref<AppErrorData | null>(null);
  const textExported = ref<ExportedFile[] | null>(null);

  /** The shown answer's metrics table, or its described tokens, as a CSV file made here. */
  function exportTextCsv(kind: TextCsvKind): void {
    saveMadeFile({ exported: textExported, exportError: textExportError }, () =>
      tokenized.value ? textCsvFile(kind, tokenized.value.result) : null);
  }

  // --- a corpus ----------------------------------------------------------------------------------

  /** What the person typed; until then the demo workspace's corpus. */
  const typedDir = ref<string | null>(null);
  const corpusDir = computed<string>({
    get: () => typedDir.value ?? (system.info ? demoCorpusDir(system.info.workspaceDir) : ""),
    set: (dir) => (typedDir.value = dir),
  });

  const corpus = shallowRef<CorpusInfo | null>(null);
  const inspecting = ref(false);
  const inspectError = ref<AppErrorData | null>(null);
  /** The corpus languages to measure (all of them once read). */
  const languages = ref<string[]>([]);
  const reference = ref<string>(DEFAULT_REFERENCE_LANGUAGE);
  /** At most this many sentences per language; null: all. */
  const limit = ref<number | null>(null);

  async function inspectCorpus(): Promise<void> {
    const dir = corpusDir.value.trim();
    inspecting.value = true;
    inspectError.value = null;
    try {
      const info = await bridge.call("tokenize.inspectCorpus", { dir });
      if (corpusDir.value.trim() !== dir) return; // edited meanwhile
      corpus.value = info;
      languages.value = info.languages.map(({ language }) => language);
      const codes = languages.value;
      if (!codes.includes(reference.value)) reference.value = codes.includes(DEFAULT_REFERENCE_LANGUAGE) ? DEFAULT_REFERENCE_LANGUAGE : codes[0] ?? DEFAULT_REFERENCE_LANGUAGE;
    } catch (caught) {
      corpus.value = null;
      inspectError.value = toErrorData(caught);
    } finally {
      inspecting.value = false;
    }
  }

  /** Forgets what "Read" found: it described another folder. */
  function forgetCorpus(): void {
    corpus.value = null;
    languages.value = [];
    inspectError.value = null;
  }

  /** The job under way: its id is chosen here, so its progress events are known before the call answers. */
  const jobId = ref<string | null>(null);
  /** The latest job's latest progress; kept once it ends, so the bar shows how far it came. */
  const progress = shallowRef<FertilityProgressEvent | null>(null);
  const report = shallowRef<FertilityReport | null>(null);
  const corpusError = ref<AppErrorData | null>(null);
  /** The last job was cancelled (its partial figures are not shown). */
  const cancelled = ref(false);
  const cancelling = ref(false);
  let jobs = 0;

  /** Runs fertility over the corpus; resolves when main answers (or the job fails or is cancelled). */
  async function runCorpus(): Promise<void> {
    if (jobId.value) return;
    const id = `fertility-${Date.now().toString(36)}-${++jobs}`;
    const everyLanguage = corpus.value !== null && languages.value.length === corpus.value.languages.length;
    jobId.value = id;
    progress.value = null;
    report.value = null;
    corpusError.value = null;
    cancelled.value = false;
    try {
      report.value = await bridge.call("tokenize.corpus", {
        jobId: id,
        corpusDir: corpusDir.value.trim(),
        // A copy: a reactive proxy cannot be cloned onto the wire.
        languages: everyLanguage ? [] : [...languages.value],
        modelIds: [...selectedModelIds.value],
        reference: reference.value,
        ...(limit.value === null ? {} : { limit: limit.value }),
      });
    } catch (caught) {
      const error = toErrorData(caught);
      if (error.code === "CANCELLED") cancelled.value = true;
      else corpusError.value = error;
    } finally {
      jobId.value = null;
      cancelling.value = false;
    }
  }

  async function cancelCorpus(): Promise<void> {
    const running = jobId.value;
    if (!running) return;
    cancelling.value = true;
    try {
      const answer = await bridge.call("tokenize.cancelCorpus", { jobId: running });
      // Not cancelled: the job had already ended, and its answer says how.
      if (!answer.cancelled) cancelling.value = false;
    } catch (caught) {
      cancelling.value = false;
      corpusError.value = toErrorData(caught);
    }
  }

  bridge.on("tokenize.corpusProgress", (event) => {
    if (event.jobId === jobId.value) progress.value = event;
  });

  // --- the results table and its CSV ----------------------------------------------------------

  const sortOrder = ref<FertilitySort>(DEFAULT_FERTILITY_SORT);
  /** The report's rows as the table shows them (and the CSV holds them). */
  const sortedRows = computed(() => (report.value ? sortFertilityRows(report.value.rows, sortOrder.value) : []));

  /** Clicking a column's header: sorts by it, or turns the order round when it already does. */
  function sortBy(column: FertilityColumn): void {
    const current = sortOrder.value;
    const turnRound = current?.column === column && current.direction === "ascending";
    sortOrder.value = { column, direction: turnRound ? "descending" : "ascending" };
  }

  const exportError = ref<AppErrorData | null>(null);
  const exported = ref<ExportedFile[] | null>(null);

  /** The table as shown, as a CSV file made here. */
  function exportCsv(): void {
    saveMadeFile({ exported, exportError }, () => (report.value ? {
      name: "fertility-by-language.csv",
      mediaType: "text/csv",
      content: fertilityCsv(sortedRows.value, report.value.reference),
      records: sortedRows.value.length,
    } : null));
  }

  return {
    selectedModelIds, setSelectedModelIds,
    text, addSpecial, parseSpecial, tokenized, tokenizing, textError, tokenize, textExportError, textExported, exportTextCsv,
    corpusDir, corpus, inspecting, inspectError, languages, reference, limit, inspectCorpus, forgetCorpus,
    jobId, progress, report, corpusError, cancelled, cancelling, runCorpus, cancelCorpus,
    sortOrder, sortedRows, sortBy, exportError, exported, exportCsv,
  };
});
