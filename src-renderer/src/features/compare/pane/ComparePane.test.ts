import { GenerationDoneEventSchema, type GeneratedToken, type GenerationDoneEvent } from "@contract/generation";
import { mount, type VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { PaneRun } from "../../../stores/compare";
import ComparePane from "./ComparePane.vue";

const mounted: VueWrapper[] = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
});

const TOKENS: GeneratedToken[] = [
  { id: 1, text: "The", logprob: -0.1 },
  { id: 2, text: " cat", logprob: -1.2 },
  { id: 3, text: " sat", logprob: -0.3 },
];

function done(overrides: Partial<GenerationDoneEvent> = {}): GenerationDoneEvent {
  return GenerationDoneEventSchema.parse({
    runId: "cmp-1-pane-0",
    text: "The cat sat.",
    renderedPrompt: "<s>Once<|im_end|>",
    promptSpecialRanges: [[0, 3], [7, 17]],
    error: null,
    stats: { promptTokens: 5, generatedTokens: 4, timeToFirstTokenMs: 31.6, tokensPerSecond: 87.25, totalMs: 74.4, stopReason: "eos" },
    ...overrides,
  });
}

function pane(overrides: Partial<PaneRun> = {}): PaneRun {
  return { runId: "cmp-1-pane-0", status: "running", tokens: TOKENS, done: null, error: null, ...overrides };
}

function render(props: { pane: PaneRun; title?: string; diffAgainst?: string | null }): VueWrapper {
  const wrapper = mount(ComparePane, { props: { title: "1. polyglot-base", diffAgainst: null, ...props } });
  mounted.push(wrapper);
  return wrapper;
}

const status = (wrapper: VueWrapper) => wrapper.get('[data-testid="pane-status"]').text();
const output = (wrapper: VueWrapper) => wrapper.get('[data-testid="pane-output"]');

describe("ComparePane", () => {
  it("shows its title and streams tokens while running, without stats yet", () => {
    const wrapper = render({ pane: pane() });
    const article = wrapper.get('[data-testid="compare-pane"]');
    expect(wrapper.get("h3").text()).toBe("1. polyglot-base");
    expect(article.attributes("data-title")).toBe("1. polyglot-base");
    expect(article.attributes("aria-busy")).toBe("true");
    expect(status(wrapper)).toBe("streaming…");
    expect(output(wrapper).findAll('[data-testid="token"]').map((chip) => chip.text())).toEqual(["The", "cat", "sat"]);
    expect(output(wrapper).text()).toBe("The cat sat");
    expect(wrapper.find('[data-testid="generation-stats"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="rendered-prompt"]').exists()).toBe(false);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it("says it is starting before its run has begun", () => {
    const wrapper = render({ pane: pane({ runId: null, status: "starting", tokens: [] }) });
    expect(status(wrapper)).toBe("starting…");
  });

  it("after done: the stop reason as status, the final text, the stats and the rendered prompt with special tokens marked", () => {
    const wrapper = render({ pane: pane({ status: "finished", done: done() }) });
    expect(wrapper.get('[data-testid="compare-pane"]').attributes("aria-busy")).toBe("false");
    expect(status(wrapper)).toBe("eos");
    // The final text's "." was held back from the tokens.
    expect(output(wrapper).element.textContent).toBe("The cat sat.");

    const stats = wrapper.get('[data-testid="generation-stats"]');
    const stat = (name: string) => stats.get(`[data-stat="${name}"] dd`).text();
    expect(stat("timeToFirstToken")).toBe("32 ms");
    expect(stat("tokensPerSecond")).toBe("87.3");
    expect(stat("generatedTokens")).toBe("4");
    expect(stat("promptTokens")).toBe("5");
    expect(stat("totalTime")).toBe("74 ms");
    expect(stat("stopReason")).toBe("eos");

    const prompt = wrapper.get('[data-testid="rendered-prompt"]');
    expect(prompt.get("summary").text()).toBe("Prompt as the model saw it");
    expect(prompt.get("pre").element.textContent).toBe("<s>Once<|im_end|>");
    expect(prompt.findAll('[data-testid="special-token"]').map((mark) => mark.text())).toEqual(["<s>", "<|im_end|>"]);
  });

  it("shows a run that ended in an error: the notice, what streamed, no stats", () => {
    const error = { code: "INTERNAL" as const, message: "llama.cpp failed to decode." };
    const wrapper = render({
      pane: pane({ status: "finished", error, done: done({ text: "", error, stats: { ...done().stats, stopReason: "error" } }) }),
    });
    expect(status(wrapper)).toBe("error");
    expect(wrapper.get('[role="alert"]').text()).toBe("llama.cpp failed to decode.");
    expect(wrapper.get('[role="alert"]').attributes("data-error-code")).toBe("INTERNAL");
    expect(output(wrapper).text()).toBe("The cat sat");
    expect(wrapper.find('[data-testid="generation-stats"]').exists()).toBe(false);
  });

  it("shows why a pane could not start", () => {
    const wrapper = render({
      pane: pane({ runId: null, status: "finished", tokens: [], error: { code: "INSUFFICIENT_MEMORY", message: "polyglot-continued does not fit in memory." } }),
    });
    expect(status(wrapper)).toBe("error");
    expect(wrapper.get('[role="alert"]').text()).toBe("polyglot-continued does not fit in memory.");
  });

  it("in diff mode marks what differs from the reference instead of showing tokens", async () => {
    const wrapper = render({ pane: pane({ status: "finished", done: done() }), diffAgainst: "The dog sat." });
    expect(output(wrapper).find('[data-testid="token-view"]').exists()).toBe(false);
    expect(output(wrapper).findAll('[data-testid="token"]')).toHaveLength(0);
    expect(output(wrapper).get('[data-testid="diff-text"]').element.textContent).toBe("The cat sat.");
    expect(output(wrapper).findAll('[data-testid="diff-added"]').map((mark) => mark.text())).toEqual(["cat"]);

    // While streaming it compares what has streamed so far.
    await wrapper.setProps({ pane: pane(), diffAgainst: "The cat ran" });
    expect(output(wrapper).findAll('[data-testid="diff-added"]').map((mark) => mark.text())).toEqual(["sat"]);

    await wrapper.setProps({ diffAgainst: null });
    expect(output(wrapper).find('[data-testid="diff-text"]').exists()).toBe(false);
    expect(output(wrapper).findAll('[data-testid="token"]')).toHaveLength(3);
  });
});
