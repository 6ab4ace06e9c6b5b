import { AppError } from "@contract/errors";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mountConnected, settle, unmountAll } from "../../test/mount";
import { button, done, editor, loadedBase, loadedContinued, paneTexts, playgroundMain } from "./playground-fixtures";
import PlaygroundView from "./PlaygroundView.vue";

// Monaco cannot run in happy-dom (no layout): a textarea stands in for the editor (see the stub).
vi.mock("../../components/monaco/MonacoEditor.vue", () => import("../../components/monaco/monaco-editor-stub"));

afterEach(unmountAll);

const TEMPLATE = "Translate into {{lang}}: {{text}}";

async function fillRow(wrapper: VueWrapper, row: number, language: string, text: string): Promise<void> {
  await wrapper.get(`select[aria-label="Language of row ${row}"]`).setValue(language);
  await wrapper.get(`textarea[aria-label="{{text}} in row ${row}"]`).setValue(text);
}

async function chooseBothModels(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-model-name="polyglot-continued"] input[type="checkbox"]').setValue(true);
}

describe("Playground variables", () => {
  it("runs every filled row on every chosen model, shows the panes by row, and records the run", async () => {
    const main = playgroundMain([loadedBase, loadedContinued]);
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await chooseBothModels(wrapper);
    await editor(wrapper, "Prompt").setValue(TEMPLATE);

    const headers = wrapper.get('[data-testid="variables-table"]').findAll("thead th").map((th) => th.text());
    expect(headers).toEqual(["Row", "Language", "{{text}}", "Actions"]);
    await fillRow(wrapper, 1, "fra_Latn", "Good morning");
    await button(wrapper, "Add row").trigger("click");
    await fillRow(wrapper, 2, "swh_Latn", "Thank you");
    await button(wrapper, "Run").trigger("click");
    await settle();

    expect(main.callsOf("generation.start")).toMatchObject([
      { modelId: "m-base", prompt: "Translate into French: Good morning" },
      { modelId: "m-cont", prompt: "Translate into French: Good morning" },
      { modelId: "m-base", prompt: "Translate into Swahili: Thank you" },
      { modelId: "m-cont", prompt: "Translate into Swahili: Thank you" },
    ]);
    const texts = ["Bonjour", "Bonjour !", "Asante", "Asante sana"];
    texts.forEach((text, index) => main.emit("generation.done", done({ runId: `run-${index + 1}`, text })));
    await settle();

    expect(paneTexts(wrapper)).toEqual([
      { row: "0", title: "polyglot-base", text: "Bonjour" },
      { row: "0", title: "polyglot-continued", text: "Bonjour !" },
      { row: "1", title: "polyglot-base", text: "Asante" },
      { row: "1", title: "polyglot-continued", text: "Asante sana" },
    ]);
    expect(wrapper.findAll('[data-testid="result-row"] h4').map((h4) => h4.text())).toEqual([
      "Row 1 French · text: Good morning", "Row 2 Swahili · text: Thank you",
    ]);
    const [recorded] = main.callsOf("prompts.addHistory") as { draft: { text: string; variables: unknown }; modelIds: string[]; outputs: unknown[] }[];
    expect(recorded.draft.text).toBe(TEMPLATE);
    expect(recorded.draft.variables).toEqual([{ lang_code: "fra_Latn", text: "Good morning" }, { lang_code: "swh_Latn", text: "Thank you" }]);
    expect(recorded.modelIds).toEqual(["m-base", "m-cont"]);
    expect(recorded.outputs).toEqual(texts.map((text, index) => ({
      modelId: index % 2 === 0 ? "m-base" : "m-cont", modelName: index % 2 === 0 ? "polyglot-base" : "polyglot-continued",
      row: Math.floor(index / 2), text, stats: done().stats, error: null,
    })));
    expect(wrapper.findAll('[data-testid="history-entry"]')).toHaveLength(1);
  });

  it("Stop cancels every run of the batch", async () => {
    const main = playgroundMain([loadedBase, loadedContinued]);
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await chooseBothModels(wrapper);
    await button(wrapper, "Run").trigger("click");
    await settle();
    await button(wrapper, "Stop").trigger("click");
    await settle();

    expect(main.callsOf("generation.cancel")).toEqual([{ runId: "run-1" }, { runId: "run-2" }]);
    expect(wrapper.findAll('[data-stat="stopReason"] dd').map((dd) => dd.text())).toEqual(["cancelled", "cancelled"]);
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("skips rows with an empty value, and says what keeps Run from starting", async () => {
    const main = playgroundMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await editor(wrapper, "Prompt").setValue(TEMPLATE);

    expect(wrapper.get('[data-testid="run-blocker"]').text()).toBe("Fill the variables in the table to run.");
    await wrapper.get('select[aria-label="Language of row 1"]').setValue("kaz_Cyrl");
    expect(wrapper.get('[data-testid="run-blocker"]').text()).toBe("Fill {{text}} in row 1.");
    expect(button(wrapper, "Run").attributes("disabled")).toBeDefined();

    await button(wrapper, "Add row").trigger("click");
    await fillRow(wrapper, 2, "npi_Deva", "नमस्ते");
    expect(wrapper.get('[data-testid="skipped-row"]').text()).toBe("Row 1 is skipped: fill {{text}}.");
    await button(wrapper, "Run").trigger("click");
    await settle();
    expect(main.callsOf("generation.start")).toMatchObject([{ prompt: "Translate into Nepali: नमस्ते" }]);
  });

  it("fills the table from a dataset file's rows, its columns mapped to the variables", async () => {
    const main = playgroundMain().handle("prompts.datasetRows", ({ path, offset, limit }) => ({
      file: path,
      columns: ["id", "language", "text"],
      rows: [
        { id: "1", language: "arb_Arab", text: "صباح الخير" },
        { id: "2", language: "fra_Latn", text: "Bonjour" },
        { id: "3", language: "kaz_Cyrl", text: "Сәлем" },
      ].slice(offset, offset + limit),
      total: 3,
    }));
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await editor(wrapper, "Prompt").setValue(TEMPLATE);

    await wrapper.get('input[aria-label="Dataset file path"]').setValue("/data/greetings.jsonl");
    await button(wrapper, "Read rows").trigger("submit");
    await settle();
    expect(main.callsOf("prompts.datasetRows")).toEqual([{ path: "/data/greetings.jsonl", offset: 0, limit: 50 }]);
    expect(wrapper.get('[data-testid="dataset-rows"]').findAll("tbody tr")).toHaveLength(3);
    await wrapper.get('input[aria-label="Use dataset row 2"]').setValue(false);
    await button(wrapper, "Use 2 selected rows").trigger("click");

    const table = wrapper.get('[data-testid="variables-table"]');
    expect(table.findAll("tbody tr")).toHaveLength(2);
    expect(table.get<HTMLSelectElement>('select[aria-label="Language of row 2"]').element.value).toBe("kaz_Cyrl");
    expect(table.get<HTMLTextAreaElement>('textarea[aria-label="{{text}} in row 1"]').element.value).toBe("صباح الخير");
  });

  it("names the file when a dataset cannot be read", async () => {
    const main = playgroundMain().handle("prompts.datasetRows", ({ path }) => {
      throw new AppError({ code: "NOT_FOUND", message: `${path} does not exist.`, file: path });
    });
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await editor(wrapper, "Prompt").setValue(TEMPLATE);
    await wrapper.get('input[aria-label="Dataset file path"]').setValue("/data/missing.csv");
    await button(wrapper, "Read rows").trigger("submit");
    await settle();

    const alert = wrapper.get('.dataset-rows [role="alert"]');
    expect(alert.text()).toContain("/data/missing.csv does not exist.");
    expect(alert.get(".error-file").text()).toBe("File: /data/missing.csv");
  });
});
