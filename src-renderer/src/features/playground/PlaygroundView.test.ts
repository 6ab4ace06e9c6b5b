import { AppError } from "@contract/errors";
import { SamplingParamsSchema, type GeneratedToken } from "@contract/generation";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FakeMain } from "../../test/fake-main";
import { model } from "../../test/fixtures";
import { mountConnected, settle, unmountAll } from "../../test/mount";
import { button, done, editor, loadedBase, playgroundMain } from "./playground-fixtures";
import PlaygroundView from "./PlaygroundView.vue";

// Monaco cannot run in happy-dom (no layout): a textarea stands in for the editor (see the stub).
vi.mock("../../components/monaco/MonacoEditor.vue", () => import("../../components/monaco/monaco-editor-stub"));

afterEach(unmountAll);

const output = (wrapper: VueWrapper) => wrapper.get('[data-testid="compare-pane"] [data-testid="token-view"]');

/** Mounts the Playground on `main` and presses Run. */
async function mountAndRun(main: FakeMain): Promise<VueWrapper> {
  const { wrapper } = await mountConnected(PlaygroundView, main);
  await button(wrapper, "Run").trigger("click");
  await settle();
  return wrapper;
}

/** Streams tokens of the run the fake main started first ("run-1"). */
async function streamTokens(main: FakeMain, tokens: GeneratedToken[]): Promise<void> {
  main.emit("generation.tokens", { runId: "run-1", tokens });
  await settle();
}

describe("PlaygroundView", () => {
  it("starts a completion with the contract's default sampling and the edited fields", async () => {
    const main = playgroundMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);

    const choice = wrapper.get('[data-testid="model-choice"][data-model-name="polyglot-base"] input[type="checkbox"]');
    expect((choice.element as HTMLInputElement).checked).toBe(true);
    const temperature = wrapper.findAll("label").find((l) => l.text().startsWith("Temperature"))!.get("input");
    expect(temperature.element.value).toBe("0.8");
    await temperature.setValue("0");
    await editor(wrapper, "Prompt").setValue("Bonjour");
    await button(wrapper, "Run").trigger("click");
    await settle();

    expect(main.callsOf("generation.start")).toEqual([{
      mode: "completion", modelId: "m-base", prompt: "Bonjour",
      params: { ...SamplingParamsSchema.parse({}), temperature: 0 },
    }]);
  });

  it("streams tokens into the model's pane as events arrive, then shows the stats", async () => {
    const main = playgroundMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await editor(wrapper, "Prompt").setValue("Bonjour");
    await button(wrapper, "Run").trigger("click");
    await settle();

    expect(wrapper.get('[data-testid="compare-pane"] h3').text()).toBe("polyglot-base");
    await streamTokens(main, [{ id: 32, text: " le", logprob: -0.105 }]);
    expect(output(wrapper).text()).toBe("le");
    expect(wrapper.find('[data-testid="generation-stats"]').exists()).toBe(false);

    main.emit("generation.tokens", { runId: "other-run", tokens: [{ id: 1, text: "NOT MINE", logprob: -1 }] });
    await streamTokens(main, [{ id: 33, text: " monde", logprob: -2.3 }]);
    expect(output(wrapper).text()).toBe("le monde");
    expect(output(wrapper).findAll('[data-testid="token"]')[1].attributes("aria-label")).toBe(" monde 10.0%");

    // The final text adds what was held back (here "!", as the possible start of a stop string "!!").
    main.emit("generation.done", done({ text: " le monde!" }));
    await settle();
    expect(output(wrapper).element.textContent).toBe(" le monde!");
    expect(output(wrapper).findAll('[data-testid="token"]').map((chip) => chip.text())).toEqual(["le", "monde"]);
    const stats = wrapper.get('[data-testid="generation-stats"]');
    expect(stats.get('[data-stat="timeToFirstToken"] dd').text()).toBe("12 ms");
    expect(stats.get('[data-stat="tokensPerSecond"] dd').text()).toBe("250.0");
    expect(stats.get('[data-stat="generatedTokens"] dd').text()).toBe("3");
    expect(stats.get('[data-stat="promptTokens"] dd').text()).toBe("7");
    expect(stats.get('[data-stat="stopReason"] dd').text()).toBe("eos");
    const disclosure = wrapper.get("details.rendered-prompt");
    expect(disclosure.get("summary").text()).toBe("Prompt as the model saw it");
    expect(disclosure.get("pre").text()).toBe("<s>Bonjour");
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("keeps what streamed when the run ends in an error", async () => {
    const main = playgroundMain();
    const wrapper = await mountAndRun(main);
    await streamTokens(main, [{ id: 1, text: "Bonjour", logprob: -0.1 }]);

    main.emit("generation.done", done({
      text: "", error: { code: "INTERNAL", message: "llama.cpp failed to decode." }, stats: { ...done().stats, stopReason: "error" },
    }));
    await settle();
    expect(output(wrapper).text()).toBe("Bonjour");
    expect(wrapper.get('[role="alert"]').text()).toBe("llama.cpp failed to decode.");
  });

  it("shows every token of a long output, in order", async () => {
    const main = playgroundMain();
    const wrapper = await mountAndRun(main);
    const words = Array.from({ length: 600 }, (_, index) => ` w${index}`);
    for (let start = 0; start < words.length; start += 7) {
      const tokens = words.slice(start, start + 7).map((text, offset) => ({ id: start + offset, text, logprob: -0.5 }));
      main.emit("generation.tokens", { runId: "run-1", tokens });
      await settle();
    }

    expect(output(wrapper).element.textContent).toBe(words.join(""));
    expect(output(wrapper).findAll('[data-testid="token"]')).toHaveLength(600);
  });

  it("keeps tokens that arrive before generation.start answers", async () => {
    const main = playgroundMain().handle("generation.start", () => {
      main.emit("generation.tokens", { runId: "run-1", tokens: [{ id: 72, text: "H", logprob: -0.01 }] });
      return { runId: "run-1" };
    });
    const wrapper = await mountAndRun(main);

    expect(output(wrapper).text()).toBe("H");
  });

  it("Stop and Esc cancel the run through generation.cancel; Ctrl+Enter in the editor runs", async () => {
    const main = playgroundMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);
    expect(button(wrapper, "Stop").attributes("disabled")).toBeDefined();

    await button(wrapper, "Run").trigger("click");
    await settle();
    await button(wrapper, "Stop").trigger("click");
    await settle();
    expect(main.callsOf("generation.cancel")).toEqual([{ runId: "run-1" }]);
    expect(wrapper.get('[data-stat="stopReason"] dd').text()).toBe("cancelled");

    await editor(wrapper, "Prompt").trigger("keydown", { key: "Enter", ctrlKey: true });
    await settle();
    expect(main.callsOf("generation.start")).toHaveLength(2);
    await editor(wrapper, "Prompt").trigger("keydown", { key: "Escape" });
    await settle();
    expect(main.callsOf("generation.cancel")).toEqual([{ runId: "run-1" }, { runId: "run-2" }]);

    // Outside the editor too (here the temperature field), and ⌘ counts as Ctrl.
    const temperature = wrapper.findAll("label").find((l) => l.text().startsWith("Temperature"))!.get("input");
    await temperature.trigger("keydown", { key: "Enter", metaKey: true });
    await settle();
    expect(main.callsOf("generation.start")).toHaveLength(3);
    await temperature.trigger("keydown", { key: "Escape" });
    await settle();
    expect(main.callsOf("generation.cancel")).toHaveLength(3);
  });

  it("lists its keyboard shortcuts", async () => {
    const { wrapper } = await mountConnected(PlaygroundView, playgroundMain());
    const legend = wrapper.get('[aria-label="Keyboard shortcuts"]');
    expect(legend.findAll("li").map((item) => item.text().replace(/\s+/g, " "))).toEqual([
      "Ctrl/⌘+Enter run", "Esc stop", "Alt+↑ previous history entry", "Alt+↓ next history entry", "Ctrl/⌘+S save to the library",
    ]);
  });

  it("shows why a run failed to start, inline", async () => {
    const main = playgroundMain().handle("generation.start", () => {
      throw new AppError({ code: "MODEL_NOT_LOADED", message: "Load polyglot-base before generating." });
    });
    const wrapper = await mountAndRun(main);

    expect(wrapper.get('[role="alert"]').text()).toBe("Load polyglot-base before generating.");
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("says so when the connection drops during a run", async () => {
    const main = playgroundMain();
    const wrapper = await mountAndRun(main);
    await streamTokens(main, [{ id: 1, text: "Hal", logprob: -0.2 }]);

    main.goDown();
    await settle();
    expect(output(wrapper).text()).toBe("Hal");
    expect(wrapper.get('[data-testid="compare-pane"] [role="alert"]').text()).toContain("The connection closed during this run");
    expect(button(wrapper, "Stop").attributes("disabled")).toBeDefined();
  });

  it("offers to load a model that is not loaded, and cannot run until it is", async () => {
    const main = playgroundMain([model()]).handle("models.load", ({ id }) => {
      main.emit("models.changed", [model({ id, status: "loaded", contextSize: 2048 })]);
      return model({ id, status: "loaded", contextSize: 2048 });
    });
    const { wrapper } = await mountConnected(PlaygroundView, main);

    expect(button(wrapper, "Run").attributes("disabled")).toBeDefined();
    expect(wrapper.get('[data-testid="run-blocker"]').text()).toBe("Load polyglot-base to run it.");
    await button(wrapper, "Load model").trigger("click");
    await settle();

    expect(main.callsOf("models.load")).toEqual([{ id: "m-base" }]);
    expect(wrapper.get('[data-testid="picked-model-status"]').text()).toBe("loaded");
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("does not offer tokenizer-only files as models", async () => {
    const tokenizer = model({ id: "m-spm", fileName: "fixture-spm-tokenizer.gguf", metadata: { name: "fixture-spm-tokenizer", tensorCount: 0 } });
    const { wrapper } = await mountConnected(PlaygroundView, playgroundMain([tokenizer, loadedBase]));

    expect(wrapper.findAll('[data-testid="model-choice"]').map((choice) => choice.attributes("data-model-name"))).toEqual(["polyglot-base"]);
  });

  it("sends chat messages as edited: roles, added, moved and removed messages, and the output reads in its own direction", async () => {
    const main = playgroundMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);

    await wrapper.get('input[type="radio"][value="chat"]').setValue(true);
    await editor(wrapper, "Message 1").setValue("مرحبا، كيف حالك؟");
    await button(wrapper, "Add message").trigger("click");
    expect(wrapper.get<HTMLSelectElement>('select[aria-label="Role of message 2"]').element.value).toBe("assistant");
    await editor(wrapper, "Message 2").setValue("أهلا");
    await button(wrapper, "Add message").trigger("click");
    await wrapper.get('button[aria-label="Remove message 3"]').trigger("click");
    await wrapper.get('select[aria-label="Role of message 1"]').setValue("system");
    await wrapper.get('button[aria-label="Move message 2 up"]').trigger("click");
    expect(editor(wrapper, "Message 1").element.value).toBe("أهلا");
    await button(wrapper, "Run").trigger("click");
    await settle();
    await streamTokens(main, [{ id: 1, text: "بخير", logprob: -0.5 }]);

    expect(main.callsOf("generation.start")).toMatchObject([{
      mode: "chat", chatTemplate: "model",
      messages: [{ role: "assistant", content: "أهلا" }, { role: "system", content: "مرحبا، كيف حالك؟" }],
    }]);
    expect(output(wrapper).text()).toBe("بخير");
    expect(output(wrapper).attributes("dir")).toBe("auto");
  });
});
