import { SamplingParamsSchema } from "@contract/generation";
import { HistoryEntrySchema, SavedPromptSchema, type HistoryEntry } from "@contract/prompts";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountConnected, settle, unmountAll } from "../../test/mount";
import { BUILT_IN_PRESETS, button, done, editor, loadedBase, loadedContinued, paneTexts, playgroundMain, type PromptsState } from "./playground-fixtures";
import PlaygroundView from "./PlaygroundView.vue";

// Monaco cannot run in happy-dom (no layout): a textarea stands in for the editor (see the stub).
vi.mock("../../components/monaco/MonacoEditor.vue", () => import("../../components/monaco/monaco-editor-stub"));

afterEach(unmountAll);

function entry(id: string, text: string, outputs: { modelId: string; text: string }[], temperature = 0.8): HistoryEntry {
  return HistoryEntrySchema.parse({
    id, at: "2025-11-22T09:00:00.000Z",
    draft: { mode: "completion", text },
    modelIds: [...new Set(outputs.map((output) => output.modelId))],
    params: { temperature },
    outputs: outputs.map((output) => ({ ...output, modelName: output.modelId === "m-base" ? "polyglot-base" : "polyglot-continued", row: 0, stats: done().stats, error: null })),
  });
}

/** Newest first, as prompts.history answers. */
const HISTORY = [
  entry("h-2", "Newer prompt", [{ modelId: "m-base", text: "newer output" }], 0),
  entry("h-1", "Older prompt", [{ modelId: "m-base", text: "older A" }, { modelId: "m-cont", text: "older B" }], 1.1),
];

function state(overrides: Partial<PromptsState> = {}): PromptsState {
  return { prompts: [], presets: [...BUILT_IN_PRESETS], history: [...HISTORY], ...overrides };
}

const promptText = (wrapper: VueWrapper) => editor(wrapper, "Prompt").element.value;
const temperature = (wrapper: VueWrapper) => wrapper.findAll("label").find((l) => l.text().startsWith("Temperature"))!.get<HTMLInputElement>("input");
const altKey = (wrapper: VueWrapper, key: "ArrowUp" | "ArrowDown") => editor(wrapper, "Prompt").trigger("keydown", { key, altKey: true });

describe("Playground history", () => {
  it("loads an entry's draft, models and parameters on click, and shows its outputs", async () => {
    const { wrapper } = await mountConnected(PlaygroundView, playgroundMain([loadedBase, loadedContinued], state()));
    const entries = wrapper.findAll('[data-testid="history-entry"]');
    expect(entries.map((item) => item.get(".preview").text())).toEqual(["Newer prompt", "Older prompt"]);

    await entries[1].trigger("click");
    expect(promptText(wrapper)).toBe("Older prompt");
    expect(temperature(wrapper).element.value).toBe("1.1");
    expect(wrapper.findAll('[data-testid="model-choice"] input:checked')).toHaveLength(2);
    expect(paneTexts(wrapper)).toEqual([
      { row: "0", title: "polyglot-base", text: "older A" },
      { row: "0", title: "polyglot-continued", text: "older B" },
    ]);
    expect(entries[1].attributes("aria-current")).toBe("true");
  });

  it("walks the history with Alt+↑/↓ in the editor, and gives back the draft being written", async () => {
    const { wrapper } = await mountConnected(PlaygroundView, playgroundMain([loadedBase, loadedContinued], state()));
    await editor(wrapper, "Prompt").setValue("Work in progress");

    await altKey(wrapper, "ArrowUp");
    expect(promptText(wrapper)).toBe("Newer prompt");
    expect(paneTexts(wrapper).map((pane) => pane.text)).toEqual(["newer output"]);
    await altKey(wrapper, "ArrowUp");
    expect(promptText(wrapper)).toBe("Older prompt");
    await altKey(wrapper, "ArrowUp"); // no older entry: stays
    expect(promptText(wrapper)).toBe("Older prompt");

    await altKey(wrapper, "ArrowDown");
    expect(promptText(wrapper)).toBe("Newer prompt");
    await altKey(wrapper, "ArrowDown");
    expect(promptText(wrapper)).toBe("Work in progress");
    expect(temperature(wrapper).element.value).toBe("0.8");
    expect(wrapper.find('[data-testid="result-row"]').exists()).toBe(false);
  });

  it("puts a finished run first in the list, and walks from it again", async () => {
    const main = playgroundMain([loadedBase], state());
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await altKey(wrapper, "ArrowUp");
    await altKey(wrapper, "ArrowUp");
    await editor(wrapper, "Prompt").setValue("Fresh prompt");
    await button(wrapper, "Run").trigger("click");
    await settle();
    main.emit("generation.done", done({ text: "fresh output" }));
    await settle();

    expect(wrapper.findAll('[data-testid="history-entry"] .preview').map((item) => item.text())).toEqual(["Fresh prompt", "Newer prompt", "Older prompt"]);
    expect(wrapper.find('[data-testid="history-entry"][aria-current="true"]').exists()).toBe(false);
    await altKey(wrapper, "ArrowUp");
    expect(promptText(wrapper)).toBe("Fresh prompt");
    await altKey(wrapper, "ArrowUp");
    expect(promptText(wrapper)).toBe("Newer prompt");
    await button(wrapper, "Clear").trigger("click");
    await settle();
    expect(main.callsOf("prompts.clearHistory")).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="history-entry"]')).toHaveLength(0);
  });
});

describe("Playground library", () => {
  it("saves the draft with Ctrl+S under a name and tags, after asking for a name", async () => {
    const main = playgroundMain([loadedBase], state());
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await editor(wrapper, "Prompt").setValue("Résume en {{lang}} : {{text}}");

    await editor(wrapper, "Prompt").trigger("keydown", { key: "s", ctrlKey: true });
    await settle();
    expect(main.callsOf("prompts.save")).toEqual([]);
    expect(wrapper.get(".library-panel [role=status]").text()).toBe("Name the prompt to save it.");

    await wrapper.get('input[aria-label="Prompt name"]').setValue("Summaries");
    await wrapper.get('input[aria-label="Tags"]').setValue("fr, summary ,");
    await editor(wrapper, "Prompt").trigger("keydown", { key: "s", metaKey: true });
    await settle();
    expect(main.callsOf("prompts.save")).toEqual([{
      name: "Summaries", tags: ["fr", "summary"], mode: "completion", text: "Résume en {{lang}} : {{text}}",
      messages: [{ role: "user", content: "" }], chatTemplate: "model", customTemplate: null, variables: [{}],
    }]);
    const saved = wrapper.get('[data-testid="library-prompt"]');
    expect(saved.attributes("data-name")).toBe("Summaries");
    expect(saved.findAll(".tag").map((tag) => tag.text())).toEqual(["fr", "summary"]);

    // Saving again under the same name replaces it.
    await editor(wrapper, "Prompt").setValue("Résume en {{lang}}, en une phrase : {{text}}");
    await button(wrapper, "Save prompt").trigger("submit");
    await settle();
    expect(main.callsOf("prompts.save")[1]).toMatchObject({ id: "p-1", name: "Summaries" });
    expect(wrapper.findAll('[data-testid="library-prompt"]')).toHaveLength(1);
  });

  it("filters saved prompts by name, loads one into the editor, and deletes one", async () => {
    const saved = (id: string, name: string, text: string) => SavedPromptSchema.parse({ id, name, text, mode: "completion", updatedAt: "2025-11-20T08:00:00.000Z" });
    const main = playgroundMain([loadedBase], state({ prompts: [saved("p-1", "Greeting", "Hello"), saved("p-2", "Переводчик", "Переведи: {{text}}")] }));
    const { wrapper } = await mountConnected(PlaygroundView, main);
    const names = () => wrapper.findAll('[data-testid="library-prompt"]').map((item) => item.attributes("data-name"));

    await wrapper.get('input[aria-label="Filter prompts by name"]').setValue("перевод");
    expect(names()).toEqual(["Переводчик"]);
    await wrapper.get('button[aria-label="Load Переводчик"]').trigger("click");
    expect(promptText(wrapper)).toBe("Переведи: {{text}}");
    expect(wrapper.get<HTMLInputElement>('input[aria-label="Prompt name"]').element.value).toBe("Переводчик");

    await wrapper.get('input[aria-label="Filter prompts by name"]').setValue("");
    await wrapper.get('button[aria-label="Delete Greeting"]').trigger("click");
    await settle();
    expect(main.callsOf("prompts.delete")).toEqual([{ id: "p-1" }]);
    expect(names()).toEqual(["Переводчик"]);
  });
});

describe("Playground presets", () => {
  it("fills the sampling fields from a preset, marks built-ins, and saves the fields as a new preset", async () => {
    const main = playgroundMain([loadedBase], state());
    const { wrapper } = await mountConnected(PlaygroundView, main);
    const select = wrapper.get<HTMLSelectElement>('select[aria-label="Parameter preset"]');
    expect(select.findAll("option").map((option) => option.text())).toEqual(["—", "Greedy (built-in)", "Creative (built-in)"]);

    await select.setValue("Creative");
    expect(temperature(wrapper).element.value).toBe("1.2");
    expect(wrapper.find('[data-testid="preset-modified"]').exists()).toBe(false);
    await temperature(wrapper).setValue("1.3");
    expect(wrapper.get('[data-testid="preset-modified"]').text()).toBe("modified");
    expect(wrapper.findAll("button").some((candidate) => candidate.text() === "Delete preset")).toBe(false);

    await wrapper.get('input[aria-label="New preset name"]').setValue("Warm");
    await button(wrapper, "Save as preset").trigger("submit");
    await settle();
    expect(main.callsOf("prompts.savePreset")).toEqual([{ name: "Warm", params: SamplingParamsSchema.parse({ temperature: 1.3, topP: 0.98 }) }]);
    expect(select.element.value).toBe("Warm");
    expect(select.findAll("option").map((option) => option.text())).toContain("Warm");

    await button(wrapper, "Delete preset").trigger("click");
    await settle();
    expect(main.callsOf("prompts.deletePreset")).toEqual([{ name: "Warm" }]);
    expect(select.findAll("option")).toHaveLength(3);
  });

  it("runs with the preset's parameters, stop strings included", async () => {
    const stopping = { name: "Lines", params: SamplingParamsSchema.parse({ temperature: 0, stop: ["\n"] }), builtIn: false };
    const main = playgroundMain([loadedBase], state({ presets: [...BUILT_IN_PRESETS, stopping] }));
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await wrapper.get('select[aria-label="Parameter preset"]').setValue("Lines");

    expect(wrapper.get<HTMLTextAreaElement>(".stops textarea").element.value).toBe("\\n");
    await button(wrapper, "Run").trigger("click");
    await settle();
    expect(main.callsOf("generation.start")).toMatchObject([{ params: stopping.params }]);
  });
});
