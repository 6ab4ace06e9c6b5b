/**
 * A fake main for the Playground's component tests: generation runs the tests stream by hand, and
 * the prompts.* procedures kept in memory as main keeps them in the workspace.
 */
import type { GenerationDoneEvent } from "@contract/generation";
import {
  HistoryEntrySchema, ParamPresetSchema, SavedPromptSchema, type HistoryEntry, type ParamPreset, type SavedPrompt,
} from "@contract/prompts";
import type { VueWrapper } from "@vue/test-utils";
import type { FakeMain } from "../../test/fake-main";
import { model } from "../../test/fixtures";
import { fakeMain } from "../../test/mount";

export const loadedBase = model({ status: "loaded", contextSize: 2048 });
export const loadedContinued = model({
  id: "m-cont", fileName: "polyglot-continued.gguf", path: "/home/ana/workbench/models/polyglot-continued.gguf",
  status: "loaded", contextSize: 2048, metadata: { name: "polyglot-continued" },
});

export const BUILT_IN_PRESETS: ParamPreset[] = [
  ParamPresetSchema.parse({ name: "Greedy", params: { temperature: 0 }, builtIn: true }),
  ParamPresetSchema.parse({ name: "Creative", params: { temperature: 1.2, topP: 0.98 }, builtIn: true }),
];

/** What the fake main keeps, for tests to look at or fill in first. */
export interface PromptsState {
  prompts: SavedPrompt[];
  presets: ParamPreset[];
  history: HistoryEntry[];
}

/**
 * Runs are `run-1`, `run-2`, … in the order started; generation.cancel ends the run as main does
 * (a done event, stop reason "cancelled"). History entries are `h-1`, `h-2`, …, newest first.
 */
export function playgroundMain(models = [loadedBase], state: PromptsState = { prompts: [], presets: [...BUILT_IN_PRESETS], history: [] }): FakeMain {
  const main = fakeMain({ models });
  let runs = 0;
  let entries = state.history.length;
  return main
    .handle("generation.start", () => ({ runId: `run-${++runs}` }))
    .handle("generation.cancel", ({ runId }) => {
      main.emit("generation.done", done({ runId, stats: { ...done().stats, stopReason: "cancelled" } }));
      return { cancelled: true };
    })
    .handle("prompts.library", () => ({ prompts: state.prompts, presets: state.presets }))
    .handle("prompts.save", (request) => {
      const saved = SavedPromptSchema.parse({ ...request, id: request.id ?? `p-${state.prompts.length + 1}`, updatedAt: "2025-11-22T10:00:00.000Z" });
      state.prompts = [saved, ...state.prompts.filter((prompt) => prompt.id !== saved.id)];
      return saved;
    })
    .handle("prompts.delete", ({ id }) => {
      state.prompts = state.prompts.filter((prompt) => prompt.id !== id);
      return {};
    })
    .handle("prompts.savePreset", (preset) => {
      state.presets = [...state.presets.filter((known) => known.name !== preset.name), { ...preset, builtIn: false }];
      return state.presets;
    })
    .handle("prompts.deletePreset", ({ name }) => {
      state.presets = state.presets.filter((preset) => preset.name !== name);
      return state.presets;
    })
    .handle("prompts.history", () => state.history)
    .handle("prompts.addHistory", (entry) => {
      const added = HistoryEntrySchema.parse({ ...entry, id: `h-${++entries}`, at: "2025-11-22T10:00:00.000Z" });
      state.history = [added, ...state.history];
      return added;
    })
    .handle("prompts.clearHistory", () => {
      state.history = [];
      return {};
    });
}

export function done(overrides: Partial<GenerationDoneEvent> = {}): GenerationDoneEvent {
  return {
    runId: "run-1",
    text: "Bonjour le monde",
    renderedPrompt: "<s>Bonjour",
    promptSpecialRanges: [[0, 3]],
    error: null,
    stats: { promptTokens: 7, generatedTokens: 3, timeToFirstTokenMs: 12.4, tokensPerSecond: 250.04, totalMs: 20, stopReason: "eos" },
    ...overrides,
  };
}

export const button = (wrapper: VueWrapper, name: string) => {
  const found = wrapper.findAll("button").find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`No button "${name}".`);
  return found;
};

/** The stub editor's textarea (see monaco-editor-stub.ts) with this label. */
export const editor = (wrapper: VueWrapper, label: string) => wrapper.get<HTMLTextAreaElement>(`textarea[aria-label="${label}"]`);

/** Each pane's title and text, row by row. */
export function paneTexts(wrapper: VueWrapper): { row: string | undefined; title: string; text: string }[] {
  return wrapper.findAll('[data-testid="result-row"]').flatMap((row) => row.findAll('[data-testid="compare-pane"]').map((pane) => ({
    row: row.attributes("data-row"), title: pane.get("h3").text(), text: pane.get('[data-testid="pane-output"]').text(),
  })));
}
