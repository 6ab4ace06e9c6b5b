import { GenerationDoneEventSchema, type GenerationDoneEvent } from "@contract/generation";
import { ComparisonSchema, type Comparison } from "@contract/session";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { useCompareStore } from "../../../stores/compare";
import { useFanOutStore } from "../../../stores/fan-out";
import type { FakeMain } from "../../../test/fake-main";
import { model } from "../../../test/fixtures";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import FanOutPanel from "./FanOutPanel.vue";

afterEach(unmountAll);

const modelA = model({ id: "m-a", fileName: "a.gguf", status: "loaded", metadata: { name: "Polyglot A" } });
const modelB = model({ id: "m-b", fileName: "b.gguf", status: "loaded", metadata: { name: "Polyglot B" } });

const KAZAKH = "Қазақстанның астанасы қандай?";
const NEPALI = "नेपालको राजधानी कुन हो?";
const TEMPLATE = "Answer in {{lang}} ({{ lang_code }}): {{ text }}";

function compareMain(): FakeMain {
  return fakeMain({ models: [modelA, modelB] }).handleCompare();
}

function done(runId: string, overrides: Partial<GenerationDoneEvent> = {}): GenerationDoneEvent {
  return GenerationDoneEventSchema.parse({
    runId,
    text: "",
    renderedPrompt: "<s>prompt",
    error: null,
    stats: { promptTokens: 9, generatedTokens: 2, timeToFirstTokenMs: 10, tokensPerSecond: 125.04, totalMs: 20, stopReason: "eos" },
    ...overrides,
  });
}

/** What main sends once every pane of a comparison ended and it is saved. */
function finished(comparisonId: string): { comparison: Comparison; saveError: null } {
  const pane = {
    backend: "local",
    model: { name: "Polyglot A", path: "/m/a.gguf", sha256: null, quantization: null, architecture: null, parameterCount: null },
    params: {},
    topAlternatives: 0,
    output: { text: "", tokens: [], stats: done("x").stats, renderedPrompt: "", error: null },
  };
  return {
    comparison: ComparisonSchema.parse({
      id: comparisonId, createdAt: "2025-01-01T00:00:00.000Z", prompt: { mode: "completion", text: "" },
      language: null, origin: null, panes: [pane, pane], votes: [],
    }),
    saveError: null,
  };
}

const runButton = (wrapper: VueWrapper) => wrapper.get('[data-testid="fan-out-run"]');
const stopButton = (wrapper: VueWrapper) => wrapper.get('[data-testid="fan-out-stop"]');
const cell = (wrapper: VueWrapper, language: string, pane: number) =>
  wrapper.get(`[data-testid="fan-out-cell"][data-language="${language}"][data-model-index="${pane}"]`);
const valueInput = (wrapper: VueWrapper, language: string) =>
  wrapper.get(`[data-testid="fan-out-value"][data-language="${language}"]`);
const chips = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="fan-out-chip"]').map((chip) => chip.get("span").text());

/** Mounts the panel with two panes on Polyglot A and B. */
async function mountPanel(main: FakeMain): Promise<VueWrapper> {
  const { wrapper } = await mountConnected(FanOutPanel, main);
  const compare = useCompareStore();
  compare.panes[0].modelId = "m-a";
  compare.panes[1].modelId = "m-b";
  await settle();
  return wrapper;
}

/** Picks a language from the searchable list. */
async function pick(wrapper: VueWrapper, query: string, code: string): Promise<void> {
  await wrapper.get('[data-testid="fan-out-language-filter"]').setValue(query);
  await wrapper.get(`input[type="checkbox"][value="${code}"]`).setValue(true);
}

/** Kazakh and Nepali chosen (instead of the defaults), the template written and filled in. */
async function setUpKazakhAndNepali(wrapper: VueWrapper): Promise<void> {
  for (const name of ["English", "Kazakh", "Nepali"]) await wrapper.get(`button[aria-label="Remove ${name}"]`).trigger("click");
  expect(chips(wrapper)).toEqual([]);
  await pick(wrapper, "kazakh", "kaz_Cyrl");
  await pick(wrapper, "npi", "npi_Deva");
  await wrapper.get('[data-testid="fan-out-template"]').setValue(TEMPLATE);
  await valueInput(wrapper, "kaz_Cyrl").setValue(KAZAKH);
  await valueInput(wrapper, "npi_Deva").setValue(NEPALI);
}

describe("FanOutPanel", () => {
  it("starts with English, Kazakh and Nepali, and filters the 204 FLORES-200 languages", async () => {
    const wrapper = await mountPanel(compareMain());
    expect(chips(wrapper)).toEqual(["English · eng_Latn", "Kazakh · kaz_Cyrl", "Nepali · npi_Deva"]);
    expect(wrapper.findAll('.language-list input[type="checkbox"]')).toHaveLength(204);

    await wrapper.get('[data-testid="fan-out-language-filter"]').setValue("Cyrl");
    const shown = wrapper.findAll<HTMLInputElement>('.language-list input[type="checkbox"]');
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every((box) => box.element.value.endsWith("_Cyrl"))).toBe(true);
    expect(wrapper.get<HTMLInputElement>('input[value="kaz_Cyrl"]').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('input[value="rus_Cyrl"]').element.checked).toBe(false);

    await wrapper.get('input[value="kaz_Cyrl"]').setValue(false);
    expect(chips(wrapper)).toEqual(["English · eng_Latn", "Nepali · npi_Deva"]);
  });

  it("runs the filled template once per language, then streams every pane into the grid", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    await setUpKazakhAndNepali(wrapper);
    expect(chips(wrapper)).toEqual(["Kazakh · kaz_Cyrl", "Nepali · npi_Deva"]);
    expect(valueInput(wrapper, "kaz_Cyrl").attributes("dir")).toBe("auto");
    expect(wrapper.get('[data-testid="fan-out-template"]').attributes("dir")).toBe("auto");

    await runButton(wrapper).trigger("click");
    await settle();

    const starts = main.callsOf("compare.start") as { origin: { fanOutId: string }; panes: unknown[] }[];
    expect(starts).toHaveLength(2);
    const fanOutId = starts[0].origin.fanOutId;
    expect(fanOutId).toMatch(/^[0-9a-f-]{36}$/);
    expect(starts).toEqual([
      {
        prompt: { mode: "completion", text: `Answer in Kazakh (kaz_Cyrl): ${KAZAKH}` },
        panes: [
          expect.objectContaining({ backend: { kind: "local", modelId: "m-a" } }),
          expect.objectContaining({ backend: { kind: "local", modelId: "m-b" } }),
        ],
        language: "kaz_Cyrl",
        origin: { template: TEMPLATE, variables: { lang: "Kazakh", lang_code: "kaz_Cyrl", text: KAZAKH }, fanOutId },
      },
      {
        prompt: { mode: "completion", text: `Answer in Nepali (npi_Deva): ${NEPALI}` },
        panes: [
          expect.objectContaining({ backend: { kind: "local", modelId: "m-a" } }),
          expect.objectContaining({ backend: { kind: "local", modelId: "m-b" } }),
        ],
        language: "npi_Deva",
        origin: { template: TEMPLATE, variables: { lang: "Nepali", lang_code: "npi_Deva", text: NEPALI }, fanOutId },
      },
    ]);

    const grid = wrapper.get('[data-testid="fan-out-grid"]');
    expect(grid.findAll("thead th").map((th) => th.text())).toEqual(["Language", "Polyglot A", "Polyglot B"]);
    expect(grid.findAll("tbody th").map((th) => th.text())).toEqual(["Kazakh · kaz_Cyrl", "Nepali · npi_Deva"]);
    expect(grid.findAll('[data-testid="fan-out-cell"]')).toHaveLength(4);
    expect(cell(wrapper, "kaz_Cyrl", 0).attributes("data-status")).toBe("streaming");
    expect(runButton(wrapper).attributes("disabled")).toBeDefined();
    expect(stopButton(wrapper).attributes("disabled")).toBeUndefined();

    main.emit("generation.tokens", { runId: "cmp-1-pane-0", tokens: [{ id: 1, text: "Аст", logprob: -0.1 }, { id: 2, text: "ана", logprob: -0.2 }] });
    main.emit("generation.tokens", { runId: "cmp-2-pane-1", tokens: [{ id: 3, text: "काठमाडौं", logprob: -0.3 }] });
    await settle();
    expect(cell(wrapper, "kaz_Cyrl", 0).get('[data-testid="fan-out-cell-text"]').text()).toBe("Астана");
    expect(cell(wrapper, "npi_Deva", 1).get('[data-testid="fan-out-cell-text"]').text()).toBe("काठमाडौं");
    expect(cell(wrapper, "kaz_Cyrl", 1).get('[data-testid="fan-out-cell-text"]').text()).toBe("");
    expect(cell(wrapper, "kaz_Cyrl", 0).get('[data-testid="fan-out-cell-stats"]').text()).toBe("2 tokens");
    const text = cell(wrapper, "npi_Deva", 1).get('[data-testid="fan-out-cell-text"]');
    expect(text.attributes("dir")).toBe("auto");
    expect(text.classes()).toContain("bidi-paragraphs");

    main.emit("generation.done", done("cmp-1-pane-0", { text: "Астана." }));
    await settle();
    expect(cell(wrapper, "kaz_Cyrl", 0).get('[data-testid="fan-out-cell-text"]').text()).toBe("Астана.");
    expect(cell(wrapper, "kaz_Cyrl", 0).attributes("data-status")).toBe("done");
    expect(cell(wrapper, "kaz_Cyrl", 0).get('[data-testid="fan-out-cell-status"]').text()).toBe("done");
    expect(cell(wrapper, "kaz_Cyrl", 0).get('[data-testid="fan-out-cell-stats"]').text()).toBe("2 tokens · 125.0 tokens/s");

    main.emit("generation.done", done("cmp-1-pane-1", {
      text: "", error: { code: "INTERNAL", message: "llama.cpp failed to decode." },
      stats: { ...done("x").stats, generatedTokens: 0, stopReason: "error" },
    }));
    await settle();
    expect(cell(wrapper, "kaz_Cyrl", 1).attributes("data-status")).toBe("error");
    expect(cell(wrapper, "kaz_Cyrl", 1).get('[data-testid="fan-out-cell-status"]').text()).toBe("error: llama.cpp failed to decode.");

    // Each comparison ends when main says it is saved: then the fan-out is no longer running.
    main.emit("compare.finished", finished("cmp-1"));
    await settle();
    expect(stopButton(wrapper).attributes("disabled")).toBeUndefined();
    main.emit("compare.finished", finished("cmp-2"));
    await settle();
    expect(useFanOutStore().current?.rows.map((row) => row.comparison.saved?.id)).toEqual(["cmp-1", "cmp-2"]);
    expect(runButton(wrapper).attributes("disabled")).toBeUndefined();
    expect(stopButton(wrapper).attributes("disabled")).toBeDefined();
  });

  it("sends one user message with the chat template in chat mode", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    const compare = useCompareStore();
    compare.mode = "chat";
    compare.chatTemplate = "chatml";
    await setUpKazakhAndNepali(wrapper);
    await runButton(wrapper).trigger("click");
    await settle();

    expect(main.callsOf("compare.start")).toMatchObject([
      { prompt: { mode: "chat", messages: [{ role: "user", content: `Answer in Kazakh (kaz_Cyrl): ${KAZAKH}` }], chatTemplate: "chatml" } },
      { prompt: { mode: "chat", messages: [{ role: "user", content: `Answer in Nepali (npi_Deva): ${NEPALI}` }], chatTemplate: "chatml" } },
    ]);
  });

  it("refuses to run while a value is empty, and says which", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    await wrapper.get('[data-testid="fan-out-template"]').setValue("Translate into {{lang}}: {{text}}");
    expect(wrapper.findAll('[data-testid="fan-out-value"]')).toHaveLength(3);
    await valueInput(wrapper, "eng_Latn").setValue("Good morning");
    await valueInput(wrapper, "kaz_Cyrl").setValue("Қайырлы таң");
    await valueInput(wrapper, "npi_Deva").setValue("   ");
    expect(wrapper.find('[data-testid="fan-out-error"]').exists()).toBe(false);

    await runButton(wrapper).trigger("click");
    await settle();
    expect(main.callsOf("compare.start")).toEqual([]);
    expect(wrapper.get('[role="alert"]').text()).toBe("Fill {{text}} for Nepali (npi_Deva)");
    expect(valueInput(wrapper, "npi_Deva").attributes("aria-invalid")).toBe("true");
    expect(valueInput(wrapper, "kaz_Cyrl").attributes("aria-invalid")).toBeUndefined();
    expect(wrapper.find('[data-testid="fan-out-grid"]').exists()).toBe(false);
    expect(useFanOutStore().run()).toBeNull(); // the store refuses too
    expect(main.callsOf("compare.start")).toEqual([]);

    await valueInput(wrapper, "npi_Deva").setValue("शुभ प्रभात");
    expect(wrapper.find('[data-testid="fan-out-error"]').exists()).toBe(false);
    await runButton(wrapper).trigger("click");
    await settle();
    expect(main.callsOf("compare.start")).toHaveLength(3);
    expect(main.callsOf("compare.start")).toMatchObject([
      { language: "eng_Latn", prompt: { text: "Translate into English: Good morning" } },
      { language: "kaz_Cyrl", prompt: { text: "Translate into Kazakh: Қайырлы таң" } },
      { language: "npi_Deva", prompt: { text: "Translate into Nepali: शुभ प्रभात" } },
    ]);
  });

  it("counts every empty cell in the message", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    await wrapper.get('[data-testid="fan-out-template"]').setValue("{{ question }} {{context}}");
    await valueInput(wrapper, "eng_Latn").setValue("Why?");
    await runButton(wrapper).trigger("click");
    await settle();

    expect(main.callsOf("compare.start")).toEqual([]);
    expect(wrapper.get('[role="alert"]').text()).toBe("Fill {{context}} for English (eng_Latn) (and 4 more empty cells)");
  });

  it("Stop cancels every comparison of the fan-out", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    await setUpKazakhAndNepali(wrapper);
    await runButton(wrapper).trigger("click");
    await settle();

    await stopButton(wrapper).trigger("click");
    await settle();
    expect(main.callsOf("compare.cancel")).toEqual([{ comparisonId: "cmp-1" }, { comparisonId: "cmp-2" }]);
  });

  it("shows why a pane could not start in its cell", async () => {
    const main = compareMain().handle("compare.start", (request) => ({
      comparisonId: `cmp-${request.language}`,
      panes: [
        { runId: `${request.language}-0`, error: null },
        { runId: null, error: { code: "INSUFFICIENT_MEMORY", message: "Polyglot B does not fit in memory." } },
      ],
    }));
    const wrapper = await mountPanel(main);
    await setUpKazakhAndNepali(wrapper);
    await runButton(wrapper).trigger("click");
    await settle();

    expect(cell(wrapper, "npi_Deva", 0).attributes("data-status")).toBe("streaming");
    expect(cell(wrapper, "npi_Deva", 1).attributes("data-status")).toBe("error");
    expect(cell(wrapper, "npi_Deva", 1).get('[data-testid="fan-out-cell-status"]').text()).toBe("error: Polyglot B does not fit in memory.");
  });

  it("opens a cell: emits open with its comparison and pane, and shows it in a dialog", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    await setUpKazakhAndNepali(wrapper);
    await runButton(wrapper).trigger("click");
    await settle();
    main.emit("generation.tokens", { runId: "cmp-2-pane-1", tokens: [{ id: 3, text: "काठमाडौं", logprob: -0.3 }] });
    main.emit("generation.done", done("cmp-2-pane-1", { text: "काठमाडौं हो।\nदोस्रो अनुच्छेद", renderedPrompt: "<|user|>Answer in Nepali" }));
    await settle();

    expect(wrapper.find('[data-testid="fan-out-cell-dialog"]').exists()).toBe(false);
    await cell(wrapper, "npi_Deva", 1).trigger("click");

    const opened = wrapper.emitted<[{ comparison: { comparisonId: string; request: { language: string } }; paneIndex: number }]>("open");
    expect(opened).toHaveLength(1);
    expect(opened![0][0].paneIndex).toBe(1);
    expect(opened![0][0].comparison.comparisonId).toBe("cmp-2");
    expect(opened![0][0].comparison.request.language).toBe("npi_Deva");

    const dialog = wrapper.get('[data-testid="fan-out-cell-dialog"]');
    expect(dialog.get('[data-testid="fan-out-dialog-model"]').text()).toBe("Polyglot B");
    expect(dialog.get('[data-testid="fan-out-dialog-language"]').text()).toContain("Nepali · npi_Deva");
    // Opened like a pane: the token view, its text completed by the final text.
    const text = dialog.get('[data-testid="token-view"]');
    expect(text.element.textContent).toBe("काठमाडौं हो।\nदोस्रो अनुच्छेद");
    expect(text.attributes("dir")).toBe("auto");
    expect(dialog.get('[data-testid="token"]').text()).toBe("काठमाडौं");
    expect(dialog.get('[data-stat="tokensPerSecond"] dd').text()).toBe("125.0");
    expect(dialog.get("details summary").text()).toBe("Prompt as the model saw it");
    expect(dialog.get("details pre").text()).toBe("<|user|>Answer in Nepali");

    await dialog.findAll("button").find((button) => button.text() === "Close")!.trigger("click");
    expect(wrapper.find('[data-testid="fan-out-cell-dialog"]').exists()).toBe(false);
  });

  it("leaves opening to the parent when builtInDialog is false", async () => {
    const main = compareMain();
    const wrapper = await mountPanel(main);
    await wrapper.setProps({ builtInDialog: false });
    await setUpKazakhAndNepali(wrapper);
    await runButton(wrapper).trigger("click");
    await settle();

    await cell(wrapper, "kaz_Cyrl", 0).trigger("click");
    expect(wrapper.emitted("open")).toHaveLength(1);
    expect(wrapper.find('[data-testid="fan-out-cell-dialog"]').exists()).toBe(false);
  });
});
