import os from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CompareRequestSchema, type CompareRequestInput } from "../../contract/compare";
import { readSessionFile } from "../sessions/session-file";
import { BOS_ID } from "../../fixtures/byte-vocabulary";
import {
  bytesToText, findPrompt, fixtureTable, greedyContinuation, row, SAFE_MARGIN, textToIds, type FixtureName,
} from "../../test-support/bigram-oracle";
import { useLoadedFixtures } from "../../test-support/test-services";

const fixtures = useLoadedFixtures("compare-service");
const greedy = (maxTokens: number) => ({ temperature: 0, maxTokens });

function request(input: CompareRequestInput) {
  return CompareRequestSchema.parse(input);
}

function pane(name: FixtureName, maxTokens = 40, topAlternatives = 5) {
  return { backend: { kind: "local" as const, modelId: fixtures.id(name) }, params: greedy(maxTokens), topAlternatives };
}

afterEach(() => vi.restoreAllMocks());

describe("CompareService", () => {
  it("runs two checkpoints on one prompt: each pane's own greedy text, with top-5 alternatives from the same pass", async () => {
    const prompt = "Le marché";
    const started = await fixtures.services.compare.start(request({
      prompt: { mode: "completion", text: prompt }, panes: [pane("polyglot-base"), pane("polyglot-continued")], language: "fra_Latn",
    }));
    expect(started.panes.every((p) => p.runId !== null && p.error === null)).toBe(true);
    const { comparison, saveError } = await started.finished;
    expect(saveError).toBeNull();

    const names: FixtureName[] = ["polyglot-base", "polyglot-continued"];
    const texts = comparison.panes.map((record, index) => {
      const table = fixtureTable(names[index]);
      const expected = greedyContinuation(table, prompt, 40);
      expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
      expect(record.output.text).toBe(bytesToText(expected.ids));
      expect(record.output.tokens.map((token) => token.id)).toEqual(expected.ids);
      // Alternatives: the five most likely next bytes after the previous token, best first.
      let previous = textToIds(prompt).at(-1) ?? BOS_ID;
      for (const token of record.output.tokens) {
        const logits = row(table, previous);
        const best = [...logits].sort((a, b) => b - a).slice(0, 5);
        expect(token.top).toHaveLength(5);
        expect(token.top![0].id).toBe(token.id);
        token.top!.forEach((alternative, rank) => {
          expect(alternative.logprob).toBeCloseTo(best[rank], 4);
          expect(alternative.logprob).toBeCloseTo(logits[alternative.id], 4);
        });
        previous = token.id;
      }
      return record.output.text;
    });
    expect(texts[0]).not.toBe(texts[1]);
    expect(comparison.panes.map((record) => record.model.name)).toEqual(names);
    expect(comparison.panes.every((record) => /^[0-9a-f]{64}$/.test(record.model.sha256 ?? ""))).toBe(true);
  });

  it("streams Cyrillic whole: the byte tokens of a letter carry no text until it is complete", async () => {
    const prompts = ["Река"];
    const started = await fixtures.services.compare.start(request({
      prompt: { mode: "completion", text: prompts[0] }, panes: [pane("polyglot-continued", 60)],
    }));
    const { comparison } = await started.finished;
    const { tokens, text } = comparison.panes[0].output;
    expect(text).toBe(bytesToText(greedyContinuation(fixtureTable("polyglot-continued"), prompts[0], 60).ids));
    expect(text).toMatch(/\p{Script=Cyrillic}/u);
    expect(tokens.some((token) => token.text === "")).toBe(true); // the first byte of a 2-byte letter
    expect(tokens.map((token) => token.text).join("")).toBe(text);
    expect(text).not.toContain("\uFFFD");
    for (const token of tokens) for (const alternative of token.top!) expect(alternative.text).not.toContain("\uFFFD");
  });

  it("saves each finished comparison in the session file, which reads back with the schema", async () => {
    const { compare, session } = fixtures.services;
    const started = await compare.start(request({ prompt: { mode: "completion", text: "The river" }, panes: [pane("polyglot-base", 5), pane("polyglot-continued", 5)] }));
    const { comparison } = await started.finished;
    const onDisk = await readSessionFile(session.path);
    expect(onDisk!.comparisons.find((saved) => saved.id === comparison.id)).toEqual(comparison);
    // Log-probs are recorded to 5 decimals, as the file keeps them.
    const logprobs = comparison.panes.flatMap((pane) => pane.output.tokens.flatMap((token) => [token.logprob, ...(token.top ?? []).map((top) => top.logprob)]));
    expect(logprobs.length).toBeGreaterThan(10);
    expect(logprobs.filter((logprob) => /\.\d{6,}/.test(String(logprob)))).toEqual([]);
  });

  it("a chat prompt uses each model's own template, or the one chosen for all", async () => {
    const messages = [{ role: "user" as const, content: "Habari" }];
    const own = await (await fixtures.services.compare.start(request({
      prompt: { mode: "chat", messages }, panes: [pane("polyglot-base", 3)],
    }))).finished;
    expect(own.comparison.panes[0].output.renderedPrompt).toContain("<|im_start|>user\nHabari<|im_end|>");
    const llama3 = await (await fixtures.services.compare.start(request({
      prompt: { mode: "chat", messages, chatTemplate: "llama3" }, panes: [pane("polyglot-base", 3)],
    }))).finished;
    expect(llama3.comparison.panes[0].output.renderedPrompt).toContain("<|start_header_id|>user<|end_header_id|>");
  });

  it("refuses a model that does not fit in memory with its estimate, and the other panes still run", async () => {
    const { compare, models } = fixtures.services;
    const continued = fixtures.id("polyglot-continued");
    await models.unload(continued);
    // This machine has 24 GiB: a machine without room for a second model cannot exist here, so
    // free memory is reported as 1 MiB (the already loaded model needs no new memory).
    vi.spyOn(os, "freemem").mockReturnValue(2 ** 20);
    const started = await compare.start(request({ prompt: { mode: "completion", text: "The river" }, panes: [pane("polyglot-base", 10), pane("polyglot-continued", 10)] }));
    expect(started.panes[0]).toMatchObject({ error: null });
    expect(started.panes[1]).toMatchObject({ runId: null, error: { code: "INSUFFICIENT_MEMORY", file: expect.stringContaining("polyglot-continued") } });
    expect(started.panes[1].error?.message).toMatch(/needs about [\d.]+ GiB of RAM/);
    const { comparison } = await started.finished;
    expect(comparison.panes[0].output.text).toBe(bytesToText(greedyContinuation(fixtureTable("polyglot-base"), "The river", 10).ids));
    expect(comparison.panes[1].output).toMatchObject({ text: "", stats: { stopReason: "error" }, error: { code: "INSUFFICIENT_MEMORY" } });
    vi.restoreAllMocks();
    await models.load(continued);
  });

  it("names the pane whose model is not in the workspace", async () => {
    const bad = request({ prompt: { mode: "completion", text: "x" }, panes: [pane("polyglot-base"), { backend: { kind: "local", modelId: "nope" } }] });
    await expect(fixtures.services.compare.start(bad)).rejects.toMatchObject({ code: "NOT_FOUND", field: "panes.1.backend.modelId" });
  });
});

describe("CompareService scheduling", () => {
  const CANDIDATES = [..."abcdefghijklmnopqrstuvwxyz"].map((letter) => `The ${letter}`);
  const LONG = 600;

  /**
   * Starts the panes on an endless greedy prompt and records, per pane, how many tokens it had
   * produced when the first pane finished.
   */
  async function tokensWhenFirstFinishes(names: FixtureName[]) {
    const { compare, bus } = fixtures.services;
    const prompt = findPrompt(fixtureTable("polyglot-continued"), CANDIDATES, LONG, "endless").prompt;
    names.forEach((name) => expect(greedyContinuation(fixtureTable(name), prompt, LONG).endsWithEog).toBe(false));
    const counts = new Map<string, number>();
    let snapshot: number[] | null = null;
    const runIds: string[] = [];
    const stopTokens = bus.on("generation.tokens", ({ runId, tokens }) => counts.set(runId, (counts.get(runId) ?? 0) + tokens.length));
    const stopDone = bus.on("generation.done", () => {
      snapshot ??= runIds.map((id) => counts.get(id) ?? 0);
    });
    const started = await compare.start(request({ prompt: { mode: "completion", text: prompt }, panes: names.map((name) => pane(name, LONG)) }));
    runIds.push(...started.panes.map((p) => p.runId!));
    const { comparison } = await started.finished;
    stopTokens();
    stopDone();
    comparison.panes.forEach((record) => expect(record.output.stats).toMatchObject({ generatedTokens: LONG, stopReason: "max-tokens" }));
    return snapshot!;
  }

  it.each([
    ["two panes on one model", ["polyglot-continued", "polyglot-continued"]],
    ["four panes on one model", ["polyglot-continued", "polyglot-continued", "polyglot-continued", "polyglot-continued"]],
    ["four panes on two models", ["polyglot-base", "polyglot-continued", "polyglot-base", "polyglot-continued"]],
  ] as const)("%s: every pane keeps producing tokens; none waits for another to finish", async (_label, names) => {
    const counts = await tokensWhenFirstFinishes([...names]);
    // When the first pane is done, every other one is well under way (not waiting for a turn).
    for (const count of counts) expect(count).toBeGreaterThan(LONG / 2);
  });

  it("one loaded copy serves several panes on the same model: the model gets a sequence per pane", async () => {
    const id = fixtures.id("polyglot-base");
    await fixtures.services.compare.start(request({
      prompt: { mode: "completion", text: "a" }, panes: [1, 2, 3, 4, 5].map(() => pane("polyglot-base", 2)),
    })).then((started) => started.finished);
    expect(fixtures.services.models.getLoaded(id).context.totalSequences).toBeGreaterThanOrEqual(5);
    expect(fixtures.services.models.list().filter((model) => model.id === id)).toHaveLength(1);
  });
});
