import { DEFAULT_TOP_ALTERNATIVES } from "@contract/compare";
import { GenerationDoneEventSchema, SamplingParamsSchema, type GeneratedToken, type GenerationDoneEvent } from "@contract/generation";
import { ComparisonSchema, MAX_PANES, type Comparison } from "@contract/session";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FakeMain } from "../../test/fake-main";
import { model } from "../../test/fixtures";
import { fakeMain, mountConnected, settle, unmountAll } from "../../test/mount";
import SideBySide from "./SideBySide.vue";

beforeEach(() => localStorage.clear());
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const modelA = model({ id: "m-a", fileName: "a.gguf", status: "loaded", metadata: { name: "Polyglot A" } });
const modelB = model({ id: "m-b", fileName: "b.gguf", status: "loaded", metadata: { name: "Polyglot B" } });

function compareMain(): FakeMain {
  return fakeMain({ models: [modelA, modelB] })
    .handleCompare()
    .handle("compare.vote", (request) => ({
      id: "vote-1", createdAt: "2025-01-01T00:00:00.000Z", rater: request.rater, pair: request.pair, winner: request.winner,
      note: request.note, promptLanguage: request.promptLanguage, responseLanguage: request.responseLanguage, blind: request.blind,
    }));
}

function done(runId: string, text: string, overrides: Partial<GenerationDoneEvent> = {}): GenerationDoneEvent {
  return GenerationDoneEventSchema.parse({
    runId, text, renderedPrompt: "<s>The river", promptSpecialRanges: [[0, 3]], error: null,
    stats: { promptTokens: 3, generatedTokens: 2, timeToFirstTokenMs: 10, tokensPerSecond: 100, totalMs: 20, stopReason: "eos" },
    ...overrides,
  });
}

/** What main sends once every pane of comparison `cmp-<n>` ended and it is saved. */
function finished(comparisonId: string, texts: string[]): { comparison: Comparison; saveError: null } {
  const names = ["Polyglot A", "Polyglot B", "Polyglot A", "Polyglot B", "Polyglot A", "Polyglot B"];
  return {
    comparison: ComparisonSchema.parse({
      id: comparisonId, createdAt: "2025-01-01T00:00:00.000Z", prompt: { mode: "completion", text: "The river" },
      language: null, origin: null, votes: [],
      panes: texts.map((text, index) => ({
        backend: "local",
        model: { name: names[index], path: `/m/${index}.gguf`, sha256: null, quantization: null, architecture: null, parameterCount: null },
        params: {},
        topAlternatives: DEFAULT_TOP_ALTERNATIVES,
        output: { text, tokens: [], stats: done("x", text).stats, renderedPrompt: "", error: null },
      })),
    }),
    saveError: null,
  };
}

const tokens = (...texts: string[]): GeneratedToken[] => texts.map((text, index) => ({ id: index, text, logprob: -0.2 }));

/** The run stream hands tokens on once per animation frame: let the events arrive, then a frame pass. */
async function afterNextFrame(): Promise<void> {
  await settle();
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await settle();
}

const button = (wrapper: VueWrapper, name: string) => wrapper.findAll("button").find((candidate) => candidate.text() === name)!;
const panes = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="compare-pane"]');
const paneText = (wrapper: VueWrapper, index: number) => panes(wrapper)[index].get('[data-testid="pane-output"]').element.textContent;
const setups = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="pane-setup"]');
const removeButtons = (wrapper: VueWrapper) => wrapper.findAll('button[aria-label^="Remove pane"]');

async function mountView(main: FakeMain): Promise<VueWrapper> {
  const { wrapper } = await mountConnected(SideBySide, main);
  // In the document, so key presses in its fields reach the window as on the page (Vue removes it on unmount).
  document.body.append(wrapper.element);
  return wrapper;
}

async function runAll(wrapper: VueWrapper, prompt = "The river"): Promise<void> {
  await wrapper.get('[data-testid="compare-prompt"]').setValue(prompt);
  await wrapper.get('[data-testid="compare-run"]').trigger("click");
  await settle();
}

/** Presses a key on the page, outside any field. */
async function press(key: string): Promise<void> {
  document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  await settle();
}

describe("SideBySide", () => {
  it("says when the session file could not be read at start-up, naming it", async () => {
    const file = "/home/ana/workbench/sessions/default.polyglot-session.json";
    const sessionError = { code: "INVALID_INPUT" as const, file, message: `${file} is not valid JSON (Unexpected end); it may be truncated. It was left untouched.` };
    const broken = await mountView(fakeMain({ models: [modelA, modelB], system: { sessionError } }));
    expect(broken.get('[data-testid="session-error"]').text()).toContain(`${file} is not valid JSON`);
    unmountAll();
    const healthy = await mountView(compareMain());
    expect(healthy.find('[data-testid="session-error"]').exists()).toBe(false);
  });

  it("Run all sends compare.start with the panes' models, the shared seed, the alternatives and the prompt", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    // New panes start on the workspace's models in turn.
    expect(setups(wrapper).map((setup) => setup.get<HTMLSelectElement>('[data-testid="pane-model"]').element.value)).toEqual(["m-a", "m-b"]);
    expect(wrapper.get<HTMLInputElement>('[data-testid="top-alternatives"]').element.value).toBe("5");
    expect(wrapper.get('[data-testid="compare-stop"]').attributes("disabled")).toBeDefined();

    await wrapper.get('input[aria-label="Shared seed"]').setValue("7");
    await wrapper.get('[data-testid="top-alternatives"]').setValue("8");
    await wrapper.get('[data-testid="compare-language"]').setValue("eng_Latn");
    await runAll(wrapper);

    const params = { ...SamplingParamsSchema.parse({}), temperature: 0, seed: 7 };
    expect(main.callsOf("compare.start")).toEqual([{
      prompt: { mode: "completion", text: "The river" },
      panes: [
        { backend: { kind: "local", modelId: "m-a" }, params, topAlternatives: 8 },
        { backend: { kind: "local", modelId: "m-b" }, params, topAlternatives: 8 },
      ],
      language: "eng_Latn",
    }]);
    expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["1. Polyglot A", "2. Polyglot B"]);
    expect(wrapper.get('[data-testid="compare-run"]').attributes("disabled")).toBeDefined();
    expect(wrapper.get('[data-testid="compare-stop"]').attributes("disabled")).toBeUndefined();
  });

  it("sends each pane's own seed and parameters when the seed is not shared", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    const field = (pane: number, label: string) =>
      setups(wrapper)[pane].findAll("label").find((candidate) => candidate.text() === label)!.get("input");
    await field(0, "Seed").setValue("3");
    await field(1, "Seed").setValue("9");
    await field(1, "Max tokens").setValue("40");
    await runAll(wrapper);
    main.emit("compare.finished", finished("cmp-1", ["", ""]));
    await settle();

    await wrapper.findAll("label").find((label) => label.text().startsWith("One seed for all panes"))!.get("input").setValue(false);
    expect(wrapper.find('input[aria-label="Shared seed"]').exists()).toBe(false);
    await runAll(wrapper);

    const starts = main.callsOf("compare.start") as { panes: { params: { seed: number; maxTokens: number; temperature: number } }[] }[];
    expect(starts.map((start) => start.panes.map(({ params }) => [params.seed, params.maxTokens, params.temperature]))).toEqual([
      [[42, 256, 0], [42, 40, 0]],
      [[3, 256, 0], [9, 40, 0]],
    ]);
  });

  it("streams each pane's tokens into its own pane, then its stats, and is done when main has saved it", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    await runAll(wrapper);
    expect(panes(wrapper).map((pane) => pane.get('[data-testid="pane-status"]').text())).toEqual(["streaming…", "streaming…"]);

    main.emit("generation.tokens", { runId: "cmp-1-pane-1", tokens: tokens("e", " ", "о") });
    main.emit("generation.tokens", { runId: "cmp-1-pane-0", tokens: tokens("e", " the") });
    main.emit("generation.tokens", { runId: "some-other-run", tokens: tokens("NOT MINE") });
    await afterNextFrame();
    expect(paneText(wrapper, 0)).toBe("e the");
    expect(paneText(wrapper, 1)).toBe("e о");
    expect(panes(wrapper)[1].findAll('[data-testid="token"]')).toHaveLength(3);

    main.emit("generation.tokens", { runId: "cmp-1-pane-0", tokens: tokens(" the") });
    await afterNextFrame();
    expect(paneText(wrapper, 0)).toBe("e the the");
    expect(paneText(wrapper, 1)).toBe("e о");

    main.emit("generation.done", done("cmp-1-pane-0", "e the the"));
    await settle();
    expect(panes(wrapper)[0].get('[data-testid="pane-status"]').text()).toBe("eos");
    expect(panes(wrapper)[0].find('[data-testid="generation-stats"]').exists()).toBe(true);
    expect(panes(wrapper)[1].find('[data-testid="generation-stats"]').exists()).toBe(false);

    main.emit("generation.done", done("cmp-1-pane-1", "e оо", { stats: { ...done("x", "").stats, stopReason: "max-tokens" } }));
    await settle();
    expect(paneText(wrapper, 1)).toBe("e оо");
    expect(panes(wrapper)[1].get('[data-testid="pane-status"]').text()).toBe("max-tokens");
    expect(wrapper.get('[data-testid="compare-run"]').attributes("disabled")).toBeDefined(); // until main has saved it

    main.emit("compare.finished", finished("cmp-1", ["e the the", "e оо"]));
    await settle();
    expect(wrapper.get('[data-testid="compare-run"]').attributes("disabled")).toBeUndefined();
    expect(wrapper.get('[data-testid="compare-stop"]').attributes("disabled")).toBeDefined();
  });

  it("highlights where the other panes differ from pane 1", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    await runAll(wrapper);
    main.emit("generation.done", done("cmp-1-pane-0", "The cat sat."));
    main.emit("generation.done", done("cmp-1-pane-1", "The dog sat."));
    await settle();
    expect(wrapper.find('[data-testid="diff-added"]').exists()).toBe(false);

    await wrapper.get('[data-testid="show-diff"]').setValue(true);
    expect(panes(wrapper)[0].find('[data-testid="diff-text"]').exists()).toBe(false);
    expect(panes(wrapper)[1].findAll('[data-testid="diff-added"]').map((mark) => mark.text())).toEqual(["dog"]);
  });

  it("adds panes up to six and removes them down to two", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    expect(setups(wrapper)).toHaveLength(2);
    expect(removeButtons(wrapper)).toHaveLength(0);

    for (let count = 3; count <= MAX_PANES; count++) {
      await button(wrapper, "Add pane").trigger("click");
      expect(setups(wrapper)).toHaveLength(count);
    }
    expect(button(wrapper, "Add pane").attributes("disabled")).toBeDefined();
    expect(removeButtons(wrapper).map((remove) => remove.attributes("aria-label"))).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Remove pane ${n}`));

    // Pane 2 is removed, not some other: the later panes move up.
    await setups(wrapper)[2].get('[data-testid="pane-model"]').setValue("m-a");
    await setups(wrapper)[1].get('[data-testid="pane-model"]').setValue("m-a");
    await setups(wrapper)[3].get('[data-testid="pane-model"]').setValue("m-b");
    await wrapper.get('button[aria-label="Remove pane 2"]').trigger("click");
    expect(setups(wrapper)).toHaveLength(5);
    expect(button(wrapper, "Add pane").attributes("disabled")).toBeUndefined();
    expect(setups(wrapper).map((setup) => setup.get<HTMLSelectElement>('[data-testid="pane-model"]').element.value).slice(0, 3))
      .toEqual(["m-a", "m-a", "m-b"]);

    for (let count = 4; count >= 2; count--) {
      await removeButtons(wrapper)[0].trigger("click");
      expect(setups(wrapper)).toHaveLength(count);
    }
    expect(removeButtons(wrapper)).toHaveLength(0);

    await button(wrapper, "Add pane").trigger("click");
    await runAll(wrapper);
    const [request] = main.callsOf("compare.start") as { panes: unknown[] }[];
    expect(request.panes).toHaveLength(3);
    expect(panes(wrapper)).toHaveLength(3);
  });

  it("Stop all sends compare.cancel for the running comparison", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    await runAll(wrapper);

    await wrapper.get('[data-testid="compare-stop"]').trigger("click");
    await settle();
    expect(main.callsOf("compare.cancel")).toEqual([{ comparisonId: "cmp-1" }]);
    // Stopping twice sends nothing more.
    await wrapper.get('[data-testid="compare-stop"]').trigger("click");
    await settle();
    expect(main.callsOf("compare.cancel")).toHaveLength(1);
  });

  it("runs on Ctrl+Enter and stops on Esc", async () => {
    const main = compareMain();
    const wrapper = await mountView(main);
    const prompt = wrapper.get('[data-testid="compare-prompt"]');
    await prompt.setValue("Bonjour");
    await prompt.trigger("keydown", { key: "Enter", ctrlKey: true });
    await settle();
    expect(main.callsOf("compare.start")).toMatchObject([{ prompt: { text: "Bonjour" } }]);

    await prompt.trigger("keydown", { key: "Escape" });
    await settle();
    expect(main.callsOf("compare.cancel")).toEqual([{ comparisonId: "cmp-1" }]);
  });

  describe("blind mode", () => {
    /** Runs in blind mode; pane 0 writes "Alpha", pane 1 "Beta", and main saves the comparison. */
    async function runBlind(main: FakeMain): Promise<VueWrapper> {
      const wrapper = await mountView(main);
      await wrapper.get('[data-testid="blind-mode"]').setValue(true);
      expect(wrapper.find('[data-testid="show-diff"]').exists()).toBe(false);
      await wrapper.get('[data-testid="compare-language"]').setValue("fra_Latn");
      // Pair sides are random: this makes pane 1 "A" and pane 0 "B".
      vi.spyOn(Math, "random").mockReturnValue(0.9);
      await runAll(wrapper);

      main.emit("generation.tokens", { runId: "cmp-1-pane-0", tokens: tokens("Al", "pha") });
      main.emit("generation.tokens", { runId: "cmp-1-pane-1", tokens: tokens("Be", "ta") });
      await afterNextFrame();
      main.emit("generation.done", done("cmp-1-pane-0", "Alpha"));
      main.emit("generation.done", done("cmp-1-pane-1", "Beta"));
      await settle();
      return wrapper;
    }

    const votePanel = (wrapper: VueWrapper) => wrapper.get('[data-testid="vote-panel"]');
    const verdict = (wrapper: VueWrapper, name: string) => votePanel(wrapper).get(`button[data-verdict="${name}"]`);

    it("shows A and B without model names, votes on the key A, then reveals the names", async () => {
      const main = compareMain();
      const wrapper = await runBlind(main);

      expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["A", "B"]);
      expect(panes(wrapper).map((pane) => pane.get("h3").text())).toEqual(["A", "B"]);
      expect([paneText(wrapper, 0), paneText(wrapper, 1)]).toEqual(["Beta", "Alpha"]);
      expect(votePanel(wrapper).text()).not.toMatch(/Polyglot/);

      // Voting opens once main has saved the comparison.
      expect(verdict(wrapper, "a").attributes("disabled")).toBeDefined();
      await press("a");
      expect(main.callsOf("compare.vote")).toEqual([]);
      main.emit("compare.finished", finished("cmp-1", ["Alpha", "Beta"]));
      await settle();
      expect(verdict(wrapper, "a").attributes("disabled")).toBeUndefined();
      expect(votePanel(wrapper).text()).not.toMatch(/Polyglot/);

      await votePanel(wrapper).get('[data-testid="rater"]').setValue("Ana");
      // Typing in a field is not voting.
      await votePanel(wrapper).get('[data-testid="rater"]').trigger("keydown", { key: "a" });
      await settle();
      expect(main.callsOf("compare.vote")).toEqual([]);

      await press("a");
      expect(main.callsOf("compare.vote")).toEqual([{
        comparisonId: "cmp-1", pair: [1, 0], winner: "a", rater: "Ana", blind: true,
        note: "", promptLanguage: "fra_Latn", responseLanguage: "fra_Latn",
      }]);
      expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["A: Polyglot B", "B: Polyglot A"]);
      expect(votePanel(wrapper).get('[data-testid="vote-result"]').text()).toBe("Saved: A is better — A was Polyglot B, B was Polyglot A.");
      expect(verdict(wrapper, "a").classes()).toContain("chosen");
      expect(verdict(wrapper, "b").attributes("disabled")).toBeDefined();

      // One vote per pair.
      await press("b");
      expect(main.callsOf("compare.vote")).toHaveLength(1);
      expect(localStorage.getItem("polyglot.rater")).toBe("Ana");
    });

    it("moves to the next pair with N, showing that pair's outputs", async () => {
      const main = compareMain();
      const wrapper = await mountView(main);
      await button(wrapper, "Add pane").trigger("click");
      await wrapper.get('[data-testid="blind-mode"]').setValue(true);
      // Every pair shown the later pane first, in pair order: (1, 0), (2, 0), (2, 1).
      vi.spyOn(Math, "random").mockReturnValue(0.9);
      await runAll(wrapper);
      const words = [["Al", "pha"], ["Be", "ta"], ["Gam", "ma"]];
      words.forEach((parts, pane) => main.emit("generation.tokens", { runId: `cmp-1-pane-${pane}`, tokens: tokens(...parts) }));
      await afterNextFrame();
      words.forEach((parts, pane) => main.emit("generation.done", done(`cmp-1-pane-${pane}`, parts.join(""))));
      main.emit("compare.finished", finished("cmp-1", words.map((parts) => parts.join(""))));
      await settle();
      await votePanel(wrapper).get('[data-testid="rater"]').setValue("Ana");

      expect(votePanel(wrapper).text()).toContain("Pair 1 of 3");
      expect([paneText(wrapper, 0), paneText(wrapper, 1)]).toEqual(["Beta", "Alpha"]);
      await press("n"); // no next pair before a vote
      expect(votePanel(wrapper).text()).toContain("Pair 1 of 3");
      await press("b");
      await press("n");
      expect(votePanel(wrapper).text()).toContain("Pair 2 of 3");
      expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["A", "B"]);
      expect([paneText(wrapper, 0), paneText(wrapper, 1)]).toEqual(["Gamma", "Alpha"]);
      await press("t");
      expect(main.callsOf("compare.vote")).toMatchObject([{ pair: [1, 0], winner: "b" }, { pair: [2, 0], winner: "tie" }]);
      expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["A: Polyglot B", "B: Polyglot A"]);
    });

    it("refuses a vote without a rater name, says why and sends nothing", async () => {
      const main = compareMain();
      const wrapper = await runBlind(main);
      main.emit("compare.finished", finished("cmp-1", ["Alpha", "Beta"]));
      await settle();
      expect(votePanel(wrapper).get<HTMLInputElement>('[data-testid="rater"]').element.value).toBe("");

      await press("a");
      expect(main.callsOf("compare.vote")).toEqual([]);
      const alert = votePanel(wrapper).get('[role="alert"]');
      expect(alert.text()).toContain("Type your name as the rater first");
      expect(alert.attributes("data-error-code")).toBe("INVALID_INPUT");
      expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["A", "B"]);
      expect(votePanel(wrapper).find('[data-testid="vote-result"]').exists()).toBe(false);

      // A blank name is no name either; a real one then votes, and the error goes.
      await votePanel(wrapper).get('[data-testid="rater"]').setValue("   ");
      await verdict(wrapper, "b").trigger("click");
      await settle();
      expect(main.callsOf("compare.vote")).toEqual([]);
      await votePanel(wrapper).get('[data-testid="rater"]').setValue(" Ana ");
      await verdict(wrapper, "b").trigger("click");
      await settle();
      expect(main.callsOf("compare.vote")).toMatchObject([{ pair: [1, 0], winner: "b", rater: "Ana" }]);
      expect(votePanel(wrapper).find('[role="alert"]').exists()).toBe(false);
      expect(panes(wrapper).map((pane) => pane.attributes("data-title"))).toEqual(["A: Polyglot B", "B: Polyglot A"]);
    });
  });
});
