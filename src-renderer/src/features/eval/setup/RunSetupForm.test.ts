import { AppError } from "@contract/errors";
import type { EvalRunRequestInput } from "@contract/eval";
import type { DOMWrapper, VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeMain } from "../../../test/fake-main";
import { model } from "../../../test/fixtures";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import { runInfo } from "../runs/eval-run-fixtures";
import { useSystemStore } from "../../../stores/system";
import RunSetupForm from "./RunSetupForm.vue";

afterEach(unmountAll);

const base = model();
const continued = model({ id: "m-cont", path: "/home/ana/workbench/models/polyglot-continued.gguf", fileName: "polyglot-continued.gguf", metadata: { name: "polyglot-continued" } });

const XCOPA_LANGS = [{ lang: "swh_Latn", items: 500 }, { lang: "tha_Thai", items: 500 }, { lang: "est_Latn", items: 1_200 }];

function evalMain(): FakeMain {
  return fakeMain({ models: [base, continued] })
    .handle("eval.runs", () => [])
    .handle("eval.inspectData", ({ task }) => ({ langs: task === "xcopa" ? XCOPA_LANGS : [{ lang: "eng_Latn", items: 1012 }, { lang: "swh_Latn", items: 1012 }] }))
    .handle("eval.start", (request) => runInfo({ id: "run-9", name: request.name }));
}

const button = (wrapper: VueWrapper | DOMWrapper<Element>, name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;
const taskRows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="eval-task-row"]');
const labelled = (scope: VueWrapper | DOMWrapper<Element>, text: string) => scope.findAll("label").find((l) => l.text().startsWith(text))!.get("input");
const blocker = (wrapper: VueWrapper) => wrapper.find('[data-testid="eval-start-blocker"]');
const startButton = (wrapper: VueWrapper) => wrapper.get<HTMLButtonElement>('button[type="submit"]');

/** Presses Start (a submit button: VTU mounts detached, where happy-dom submits no form, so the form is submitted). */
async function pressStart(wrapper: VueWrapper): Promise<void> {
  expect(startButton(wrapper).element.disabled).toBe(false);
  await wrapper.get("form").trigger("submit");
  await settle();
}

/** Fills the first task row with XCOPA data and reads its languages. */
async function readXcopa(wrapper: VueWrapper): Promise<void> {
  await wrapper.get("#eval-task-1-data").setValue("/data/xcopa/data");
  await button(taskRows(wrapper)[0], "Read").trigger("click");
  await settle();
}

describe("RunSetupForm", () => {
  it("offers only models that generate text, not tokenizer-only files", async () => {
    const tokenizer = model({ id: "m-spm", fileName: "fixture-spm-tokenizer.gguf", metadata: { name: "fixture-spm-tokenizer", tensorCount: 0 } });
    const { wrapper } = await mountConnected(RunSetupForm, fakeMain({ models: [base, tokenizer, continued] }).handle("eval.runs", () => []));
    const offered = wrapper.get("fieldset.models").findAll("label").map((label) => label.text());
    expect(offered).toEqual(["polyglot-base", "polyglot-continued"]);
  });

  it("offers the demo workspace's XCOPA data for an XCOPA row", async () => {
    const { wrapper } = await mountConnected(RunSetupForm, evalMain());
    await useSystemStore().refresh();
    await settle();
    await button(wrapper, "Use the demo workspace's XCOPA data").trigger("click");
    expect(wrapper.get<HTMLInputElement>("#eval-task-1-data").element.value).toBe("/home/ana/workbench/datasets/xcopa-demo");
    expect(button(wrapper, "Use the demo workspace's XCOPA data")).toBeUndefined();
  });

  it("reads the data and lists its languages with their item counts, all ticked", async () => {
    const main = evalMain();
    const { wrapper } = await mountConnected(RunSetupForm, main);
    await readXcopa(wrapper);

    expect(main.callsOf("eval.inspectData")).toEqual([{ task: "xcopa", data: "/data/xcopa/data" }]);
    const found = wrapper.get('[data-testid="eval-found-languages"]');
    expect(found.get("legend").text()).toBe("Languages in the data (3)");
    const options = found.findAll("li");
    expect(options.map((li) => li.text())).toEqual(["Swahili (swh_Latn) · 500 items", "Thai (tha_Thai) · 500 items", "Estonian (est_Latn) · 1,200 items"]);
    expect(options.map((li) => (li.get("input").element as HTMLInputElement).checked)).toEqual([true, true, true]);

    // A new path makes what was read stale.
    await wrapper.get("#eval-task-1-data").setValue("/data/other");
    expect(wrapper.find('[data-testid="eval-found-languages"]').exists()).toBe(false);
  });

  it("builds the eval.start request from tasks, languages, directions, shots, limit, seed, models and name", async () => {
    const main = evalMain();
    const { wrapper } = await mountConnected(RunSetupForm, main);
    expect(startButton(wrapper).element.disabled).toBe(true);
    expect(blocker(wrapper).text()).toBe("Task 1 (XCOPA): enter the data path.");

    await readXcopa(wrapper);
    const first = taskRows(wrapper)[0];
    await first.find('[data-language="tha_Thai"] input').setValue(false);
    await labelled(first, "Shots").setValue("2");
    await labelled(first, "Limit per language").setValue("100");

    await button(wrapper, "Add task").trigger("click");
    await wrapper.get("#eval-task-2-task").setValue("flores");
    await wrapper.get("#eval-task-2-data").setValue("/data/flores200/devtest");
    expect(blocker(wrapper).text()).toBe("Task 2 (FLORES-200 translation): add at least one translation direction.");
    const second = taskRows(wrapper)[1];
    for (const target of ["swh_Latn", "npi_Deva"]) {
      await second.get('select[data-testid="eval-pair-target"]').setValue(target);
      await button(second, "Add direction").trigger("click");
    }
    expect(second.findAll('[data-testid="eval-pair"]').map((chip) => chip.text())).toEqual([
      "English → Swahili (eng_Latn-swh_Latn)×",
      "English → Nepali (eng_Latn-npi_Deva)×",
    ]);
    expect(blocker(wrapper).text()).toBe("Choose at least one model.");

    await labelled(wrapper, "polyglot-continued").setValue(true);
    await labelled(wrapper, "polyglot-base").setValue(true);
    await labelled(wrapper, "Seed").setValue("7");
    await labelled(wrapper, "Parallel sequences").setValue("2");
    await labelled(wrapper, "Run name").setValue("Swahili vs Nepali");
    expect(blocker(wrapper).exists()).toBe(false);
    await pressStart(wrapper);

    const expected: EvalRunRequestInput = {
      name: "Swahili vs Nepali",
      tasks: [
        { task: "xcopa", data: "/data/xcopa/data", langs: ["swh_Latn", "est_Latn"], pairs: [], shots: 2, limit: 100, ctx: null, llamaCompat: false },
        { task: "flores", data: "/data/flores200/devtest", langs: [], pairs: ["eng_Latn-swh_Latn", "eng_Latn-npi_Deva"], shots: 0, limit: null, ctx: null, llamaCompat: false },
      ],
      models: ["m-cont", "m-base"],
      seed: 7,
      parallel: 2,
    };
    expect(main.callsOf("eval.start")).toEqual([expected]);
    expect(wrapper.emitted("started")).toEqual([[runInfo({ id: "run-9", name: "Swahili vs Nepali" })]]);
  });

  it("offers perplexity, and only perplexity, a window and llama-perplexity chunking, and sends them", async () => {
    const main = evalMain();
    const { wrapper } = await mountConnected(RunSetupForm, main);
    const row = () => taskRows(wrapper)[0];
    const fieldLabels = () => row().findAll("label").map((label) => label.text());
    expect(fieldLabels()).not.toContain("Window (tokens)");
    expect(fieldLabels()).not.toContain("llama-perplexity chunking");

    await wrapper.get("#eval-task-1-task").setValue("perplexity");
    await wrapper.get("#eval-task-1-data").setValue("/data/text");
    await labelled(wrapper, "polyglot-base").setValue(true);
    expect(fieldLabels()).not.toContain("Shots");
    const windowField = labelled(row(), "Window (tokens)");
    const chunking = labelled(row(), "llama-perplexity chunking");
    expect(windowField.attributes("min")).toBe("16");
    expect((windowField.element as HTMLInputElement).value).toBe("");
    expect((chunking.element as HTMLInputElement).checked).toBe(false);

    await windowField.setValue("8");
    expect(blocker(wrapper).text()).toBe("Task 1 (Perplexity): the window must be a whole number of 16 tokens or more (or empty for the default).");
    await windowField.setValue("512");
    await chunking.setValue(true);
    expect(blocker(wrapper).exists()).toBe(false);
    await pressStart(wrapper);

    const [request] = main.callsOf("eval.start") as EvalRunRequestInput[];
    expect(request.tasks).toEqual([
      { task: "perplexity", data: "/data/text", langs: [], pairs: [], shots: 0, limit: null, ctx: 512, llamaCompat: true },
    ]);
  });

  it("does not start while every language of a task is unticked, and says why", async () => {
    const main = evalMain();
    const { wrapper } = await mountConnected(RunSetupForm, main);
    await readXcopa(wrapper);
    await labelled(wrapper, "polyglot-base").setValue(true);
    expect(startButton(wrapper).element.disabled).toBe(false);

    await button(wrapper, "Tick none").trigger("click");
    expect(startButton(wrapper).element.disabled).toBe(true);
    expect(blocker(wrapper).text()).toBe("Task 1 (XCOPA): tick at least one language.");
    await wrapper.get("form").trigger("submit");
    await settle();
    expect(main.callsOf("eval.start")).toEqual([]);
  });

  it("shows why the data could not be read, naming the file", async () => {
    const main = evalMain().handle("eval.inspectData", ({ data }) => {
      throw new AppError({ code: "NOT_FOUND", message: `No XCOPA test files under ${data}: expected {lang}/test.{lang}.jsonl.`, file: data });
    });
    const { wrapper } = await mountConnected(RunSetupForm, main);
    await readXcopa(wrapper);

    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain("No XCOPA test files under /data/xcopa/data");
    expect(alert.get(".error-file").text()).toBe("File: /data/xcopa/data");
    expect(wrapper.get("#eval-task-1-data").attributes("aria-invalid")).toBe("true");
  });

  it("shows why eval.start refused the run", async () => {
    const file = "/data/xcopa/data/sw/test.sw.jsonl";
    const main = evalMain().handle("eval.start", () => {
      throw new AppError({ code: "INVALID_INPUT", message: `${file}, line 3: "label" is missing.`, file });
    });
    const { wrapper } = await mountConnected(RunSetupForm, main);
    await readXcopa(wrapper);
    await labelled(wrapper, "polyglot-base").setValue(true);
    await pressStart(wrapper);

    expect(main.callsOf("eval.start")).toHaveLength(1);
    const alert = wrapper.get('[role="alert"]');
    expect(alert.attributes("data-error-code")).toBe("INVALID_INPUT");
    expect(alert.text()).toContain(`${file}, line 3: "label" is missing.`);
    expect(wrapper.emitted("started")).toBeUndefined();
  });
});
