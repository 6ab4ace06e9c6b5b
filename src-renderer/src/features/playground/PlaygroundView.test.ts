import { AppError } from "@contract/errors";
import { SamplingParamsSchema, type GeneratedToken, type GenerationDoneEvent } from "@contract/generation";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeMain } from "../../test/fake-main";
import { model } from "../../test/fixtures";
import { fakeMain, mountConnected, settle, unmountAll } from "../../test/mount";
import PlaygroundView from "./PlaygroundView.vue";

afterEach(unmountAll);

const loaded = model({ status: "loaded", contextSize: 2048 });

function generationMain(models = [loaded]): FakeMain {
  const main = fakeMain({ models });
  return main
    .handle("generation.start", () => ({ runId: "run-1" }))
    .handle("generation.cancel", ({ runId }) => {
      main.emit("generation.done", done({ runId, stats: { ...done().stats, stopReason: "cancelled" } }));
      return { cancelled: true };
    });
}

function done(overrides: Partial<GenerationDoneEvent> = {}): GenerationDoneEvent {
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

const button = (wrapper: VueWrapper, name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;
const output = (wrapper: VueWrapper) => wrapper.get('[data-testid="generation-output"]');

/** Mounts the Playground on `main` and presses Run. */
async function mountAndRun(main: FakeMain): Promise<VueWrapper> {
  const { wrapper } = await mountConnected(PlaygroundView, main);
  await button(wrapper, "Run").trigger("click");
  await settle();
  return wrapper;
}

/** Streams tokens of the run the fake main started ("run-1"). */
async function streamTokens(main: FakeMain, tokens: GeneratedToken[]): Promise<void> {
  main.emit("generation.tokens", { runId: "run-1", tokens });
  await settle();
}

describe("PlaygroundView", () => {
  it("starts a completion with the contract's default sampling and the edited fields", async () => {
    const main = generationMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);

    expect(wrapper.get<HTMLSelectElement>("select#playground-model").element.value).toBe("m-base");
    const temperature = wrapper.findAll("label").find((l) => l.text().startsWith("Temperature"))!.get("input");
    expect(temperature.element.value).toBe("0.8");
    await temperature.setValue("0");
    await wrapper.get("textarea").setValue("Bonjour");
    await button(wrapper, "Run").trigger("click");
    await settle();

    expect(main.callsOf("generation.start")).toEqual([{
      mode: "completion", modelId: "m-base", prompt: "Bonjour",
      params: { ...SamplingParamsSchema.parse({}), temperature: 0 },
    }]);
  });

  it("streams tokens into the output as events arrive, then shows the stats", async () => {
    const main = generationMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await wrapper.get("textarea").setValue("Bonjour");
    await button(wrapper, "Run").trigger("click");
    await settle();

    await streamTokens(main, [{ id: 32, text: " le", logprob: -0.105 }]);
    expect(output(wrapper).text()).toBe("le");
    expect(wrapper.find('[data-testid="generation-stats"]').exists()).toBe(false);

    main.emit("generation.tokens", { runId: "other-run", tokens: [{ id: 1, text: "NOT MINE", logprob: -1 }] });
    await streamTokens(main, [{ id: 33, text: " monde", logprob: -2.3 }]);
    expect(output(wrapper).text()).toBe("le monde");
    expect(output(wrapper).findAll("span.token")[1].attributes("title")).toBe("10.0% (logprob -2.300)");

    // The final text adds what was held back (here "!", as the possible start of a stop string "!!").
    main.emit("generation.done", done({ text: " le monde!" }));
    await settle();
    expect(output(wrapper).element.textContent).toBe(" le monde!");
    expect(output(wrapper).findAll("span.token").map((span) => span.text())).toEqual(["le", "monde"]);
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

  it("shows the final text alone when it does not continue what streamed", async () => {
    const main = generationMain();
    const wrapper = await mountAndRun(main);
    await streamTokens(main, [{ id: 1, text: " le", logprob: -0.1 }]);

    main.emit("generation.done", done({ text: "Bonjour le monde" }));
    await settle();
    expect(output(wrapper).text()).toBe("Bonjour le monde");
  });

  it("keeps what streamed when the run ends in an error", async () => {
    const main = generationMain();
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
    const main = generationMain();
    const wrapper = await mountAndRun(main);
    const words = Array.from({ length: 600 }, (_, index) => ` w${index}`);
    for (let start = 0; start < words.length; start += 7) {
      const tokens = words.slice(start, start + 7).map((text, offset) => ({ id: start + offset, text, logprob: -0.5 }));
      main.emit("generation.tokens", { runId: "run-1", tokens });
      await settle();
    }

    expect(output(wrapper).element.textContent).toBe(words.join(""));
    expect(output(wrapper).findAll("span.token")).toHaveLength(600);
  });

  it("keeps tokens that arrive before generation.start answers", async () => {
    const main = generationMain().handle("generation.start", () => {
      main.emit("generation.tokens", { runId: "run-1", tokens: [{ id: 72, text: "H", logprob: -0.01 }] });
      return { runId: "run-1" };
    });
    const wrapper = await mountAndRun(main);

    expect(output(wrapper).text()).toBe("H");
  });

  it("Stop and Esc cancel the run through generation.cancel", async () => {
    const main = generationMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);
    expect(button(wrapper, "Stop").attributes("disabled")).toBeDefined();

    await button(wrapper, "Run").trigger("click");
    await settle();
    await button(wrapper, "Stop").trigger("click");
    await settle();
    expect(main.callsOf("generation.cancel")).toEqual([{ runId: "run-1" }]);
    expect(wrapper.get('[data-stat="stopReason"] dd').text()).toBe("cancelled");

    await wrapper.get("textarea").trigger("keydown", { key: "Enter", ctrlKey: true });
    await settle();
    expect(main.callsOf("generation.start")).toHaveLength(2);
    await wrapper.get("textarea").trigger("keydown", { key: "Escape" });
    await settle();
    expect(main.callsOf("generation.cancel")).toHaveLength(2);
  });

  it("shows why a run failed to start, inline", async () => {
    const main = generationMain().handle("generation.start", () => {
      throw new AppError({ code: "MODEL_NOT_LOADED", message: "Load polyglot-base before generating." });
    });
    const wrapper = await mountAndRun(main);

    expect(wrapper.get('[role="alert"]').text()).toBe("Load polyglot-base before generating.");
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("says so when the connection drops during a run", async () => {
    const main = generationMain();
    const wrapper = await mountAndRun(main);
    await streamTokens(main, [{ id: 1, text: "Hal", logprob: -0.2 }]);

    main.goDown();
    await settle();
    expect(output(wrapper).text()).toBe("Hal");
    expect(wrapper.get('[role="alert"]').text()).toContain("The connection closed during this run");
    expect(button(wrapper, "Stop").attributes("disabled")).toBeDefined();
  });

  it("offers to load a model that is not loaded, and cannot run until it is", async () => {
    const main = generationMain([model()]).handle("models.load", ({ id }) => {
      main.emit("models.changed", [model({ id, status: "loaded", contextSize: 2048 })]);
      return model({ id, status: "loaded", contextSize: 2048 });
    });
    const { wrapper } = await mountConnected(PlaygroundView, main);

    expect(button(wrapper, "Run").attributes("disabled")).toBeDefined();
    await button(wrapper, "Load model").trigger("click");
    await settle();

    expect(main.callsOf("models.load")).toEqual([{ id: "m-base" }]);
    expect(wrapper.get('[data-testid="picked-model-status"]').text()).toBe("loaded");
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("sends chat messages, and marks prompts, messages and output for automatic direction", async () => {
    const main = generationMain();
    const { wrapper } = await mountConnected(PlaygroundView, main);
    expect(wrapper.get("textarea").attributes("dir")).toBe("auto");

    await wrapper.get('input[type="radio"][value="chat"]').setValue(true);
    const firstMessage = wrapper.get('textarea[aria-label="Message 1"]');
    expect(firstMessage.attributes("dir")).toBe("auto");
    await firstMessage.setValue("مرحبا، كيف حالك؟");
    await button(wrapper, "Add message").trigger("click");
    expect(wrapper.get<HTMLSelectElement>('select[aria-label="Role of message 2"]').element.value).toBe("assistant");
    await wrapper.get('button[aria-label="Remove message 2"]').trigger("click");
    await button(wrapper, "Run").trigger("click");
    await settle();
    await streamTokens(main, [{ id: 1, text: "بخير", logprob: -0.5 }]);

    expect(main.callsOf("generation.start")).toMatchObject([{ mode: "chat", messages: [{ role: "user", content: "مرحبا، كيف حالك؟" }] }]);
    expect(output(wrapper).text()).toBe("بخير");
    expect(output(wrapper).attributes("dir")).toBe("auto");
  });
});
