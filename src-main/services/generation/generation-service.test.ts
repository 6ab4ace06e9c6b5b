import { describe, expect, it } from "vitest";
import { AppError } from "../../contract/errors";
import type { GeneratedToken } from "../../contract/generation";
import {
  bytesToText, findPrompt, fixtureTable, greedyContinuation, row, SAFE_MARGIN, textToIds,
} from "../../test-support/bigram-oracle";
import { parseRequest, runToEnd, useLoadedFixtures } from "../../test-support/test-services";

const fixtures = useLoadedFixtures("generation-service");
/** Prompts to search for one whose greedy chain has the shape a test needs. */
const CANDIDATES = [..."abcdefghijklmnopqrstuvwxyz"].map((letter) => `The ${letter}`);

function expectTokensFollowTable(tokens: GeneratedToken[], ids: number[], logprobs: number[]) {
  expect(tokens.map((token) => token.id)).toEqual(ids);
  tokens.forEach((token, i) => expect(Math.abs(token.logprob - logprobs[i]), `logprob of token ${i}`).toBeLessThan(1e-4));
}

describe("GenerationService, completion mode", () => {
  it("greedy decoding follows the argmax chain of the bigram table, with the table's log-probs", async () => {
    const prompt = "The river";
    const expected = greedyContinuation(fixtureTable("polyglot-base"), prompt, 24);
    expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
    const { done, doneEvent, tokens } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-base"), prompt, params: { temperature: 0, maxTokens: 24 },
    });
    expect(done.error).toBeNull();
    expect(doneEvent).toEqual(done);
    expectTokensFollowTable(tokens, expected.ids, expected.logprobs);
    expect(done.text).toBe(bytesToText(expected.ids));
    expect(tokens.map((token) => token.text).join("")).toBe(done.text);
    expect(done.renderedPrompt).toBe(`<s>${prompt}`);
  });

  it("shows the prompt exactly as the model got it, French spaces before punctuation included", async () => {
    const prompt = "Tu viens ? Oui , à l' heure !";
    const { done } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-continued"), prompt, params: { temperature: 0, maxTokens: 3 },
    });
    expect(done.renderedPrompt).toBe(`<s>${prompt}`);
    expect(done.stats.promptTokens).toBe(1 + Buffer.byteLength(prompt));
  });

  it("gives the same greedy text on every run, for each checkpoint", async () => {
    for (const name of ["polyglot-base", "polyglot-continued"] as const) {
      const request = { mode: "completion" as const, modelId: fixtures.id(name), prompt: "Le marché", params: { temperature: 0, maxTokens: 30 } };
      const texts = [];
      for (let run = 0; run < 3; run++) texts.push((await runToEnd(fixtures.services, request)).done.text);
      const expected = greedyContinuation(fixtureTable(name), "Le marché", 30);
      expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
      expect(new Set(texts).size).toBe(1);
      expect(texts[0]).toBe(bytesToText(expected.ids));
    }
  });

  it("decodes non-Latin output without replacement characters, streamed as whole characters", async () => {
    const table = fixtureTable("polyglot-continued");
    const { prompt, prediction } = findPrompt(table, ["Река", "В", "السوق", "ال"], 20, "endless");
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-continued"), prompt, params: { temperature: 0, maxTokens: 20 },
    });
    expect(done.text).toBe(bytesToText(prediction.ids));
    expect(done.text).toMatch(/[\u0400-\u04ff\u0600-\u06ff]/);
    expect(tokens.some((token) => token.text.includes("\uFFFD"))).toBe(false);
    expect(tokens.map((token) => token.text).join("")).toBe(done.text);
  });

  it("a fixed seed samples the same text twice; each sampled token is one the sampling settings allow", async () => {
    const modelId = fixtures.id("polyglot-continued");
    const table = fixtureTable("polyglot-continued");
    const params = { temperature: 0.8, seed: 1234, maxTokens: 60, topK: 40, topP: 0.95, minP: 0.05 };
    const request = { mode: "completion" as const, modelId, prompt: "La", params };
    const first = await runToEnd(fixtures.services, request);
    const second = await runToEnd(fixtures.services, request);
    expect(second.done.text).toBe(first.done.text);
    expect(second.tokens.map((t) => t.id)).toEqual(first.tokens.map((t) => t.id));
    const otherSeed = await runToEnd(fixtures.services, { ...request, params: { ...params, seed: 99 } });
    expect(otherSeed.done.text).not.toBe(first.done.text);

    let previous = textToIds("La").at(-1)!;
    for (const { id } of first.tokens) {
      const probabilities = [...row(table, previous)].map(Math.exp);
      const p = probabilities[id];
      const moreLikely = probabilities.filter((q) => q > p);
      expect(moreLikely.length, `token ${id} after ${previous}: top-k`).toBeLessThan(params.topK);
      expect(p, `token ${id} after ${previous}: min-p`).toBeGreaterThanOrEqual(params.minP * Math.max(...probabilities) - 1e-6);
      expect(moreLikely.reduce((a, b) => a + b, 0), `token ${id} after ${previous}: top-p`).toBeLessThan(params.topP + 1e-6);
      previous = id;
    }
  });

  it("the repeat penalty weighs down the last repeatLastN generated tokens", async () => {
    const table = fixtureTable("polyglot-base");
    const prompt = "The river";
    const plain = greedyContinuation(table, prompt, 30).ids;
    for (const repeat of [{ penalty: 2, lastN: 4 }, { penalty: 2, lastN: 8 }]) {
      const expected = greedyContinuation(table, prompt, 30, repeat);
      expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
      expect(expected.ids).not.toEqual(plain); // the penalty changes the text
      const { done, tokens } = await runToEnd(fixtures.services, {
        mode: "completion", modelId: fixtures.id("polyglot-base"), prompt,
        params: { temperature: 0, maxTokens: 30, repeatPenalty: repeat.penalty, repeatLastN: repeat.lastN },
      });
      expect(done.text, JSON.stringify(repeat)).toBe(bytesToText(expected.ids));
      expect(tokens.map((token) => token.id)).toEqual(expected.ids);
    }
  });

  it("a repeat penalty over the last 0 tokens penalises nothing", async () => {
    const prompt = "The river";
    const { done } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-base"), prompt,
      params: { temperature: 0, maxTokens: 30, repeatPenalty: 2, repeatLastN: 0 },
    });
    expect(done.text).toBe(bytesToText(greedyContinuation(fixtureTable("polyglot-base"), prompt, 30).ids));
  });

  it("stops at maxTokens", async () => {
    const table = fixtureTable("polyglot-base");
    const { prompt, prediction } = findPrompt(table, CANDIDATES, 7, "endless");
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-base"), prompt, params: { temperature: 0, maxTokens: 7 },
    });
    expect(done.stats).toMatchObject({ stopReason: "max-tokens", generatedTokens: 7 });
    expect(tokens).toHaveLength(7);
    expect(done.text).toBe(bytesToText(prediction.ids));
  });

  it("stops at the end-of-text token the model predicts, without showing it", async () => {
    // Every training line ends with a full stop and then the end of text; greedy chains through the
    // table cycle instead of reaching a full stop, so the prompt ends with one.
    const table = fixtureTable("polyglot-base");
    const { prompt, prediction } = findPrompt(table, [...CANDIDATES, "The river runs past the old mill."], 50, "eos");
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-base"), prompt, params: { temperature: 0, maxTokens: 50 },
    });
    expect(done.stats).toMatchObject({ stopReason: "eos", generatedTokens: prediction.ids.length });
    expectTokensFollowTable(tokens, prediction.ids, prediction.logprobs);
    expect(done.text).toBe(bytesToText(prediction.ids));
  });

  it("ends at a stop string, which is not in the text", async () => {
    const prompt = "The river";
    const expected = bytesToText(greedyContinuation(fixtureTable("polyglot-base"), prompt, 40).ids);
    const stop = expected.slice(6, 9);
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-base"), prompt, params: { temperature: 0, maxTokens: 40, stop: ["never appears", stop] },
    });
    expect(done.stats.stopReason).toBe("stop-string");
    expect(done.text).toBe(expected.slice(0, expected.indexOf(stop)));
    expect(done.text).not.toContain(stop);
    const streamed = tokens.map((token) => token.text).join("");
    expect(done.text.startsWith(streamed)).toBe(true);
    expect(streamed).not.toContain(stop);
  });

  it("ends at a stop string in another script", async () => {
    const table = fixtureTable("polyglot-continued");
    const { prompt, prediction } = findPrompt(table, ["Река", "В"], 30, "endless");
    const expected = bytesToText(prediction.ids);
    const stop = [...expected].slice(4, 6).join("");
    const { done } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-continued"), prompt, params: { temperature: 0, maxTokens: 30, stop: [stop] },
    });
    expect(done.stats.stopReason).toBe("stop-string");
    expect(done.text).toBe(expected.slice(0, expected.indexOf(stop)));
  });

  it("reports consistent stats", async () => {
    const prompt = "Mvua ";
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "completion", modelId: fixtures.id("polyglot-continued"), prompt, params: { temperature: 0.7, seed: 5, maxTokens: 16 },
    });
    const { stats } = done;
    expect(stats.promptTokens).toBe(1 + Buffer.byteLength(prompt)); // BOS, then one token per byte
    expect(stats.generatedTokens).toBe(tokens.length);
    expect(stats.timeToFirstTokenMs).not.toBeNull();
    expect(stats.timeToFirstTokenMs!).toBeGreaterThanOrEqual(0);
    expect(stats.timeToFirstTokenMs!).toBeLessThanOrEqual(stats.totalMs);
    if (stats.generatedTokens > 1) expect(stats.tokensPerSecond!).toBeGreaterThan(0);
  });

  it("stops when the context is full", async () => {
    const { models } = fixtures.services;
    const modelId = fixtures.id("polyglot-base");
    const { contextSize } = await models.load(modelId, 256);
    expect(contextSize).toBe(256);
    try {
      const { prompt } = findPrompt(fixtureTable("polyglot-base"), CANDIDATES, 400, "endless");
      const { done } = await runToEnd(fixtures.services, { mode: "completion", modelId, prompt, params: { temperature: 0, maxTokens: 400 } });
      expect(done.stats.stopReason).toBe("context-full");
      expect(done.stats.promptTokens + done.stats.generatedTokens).toBeLessThanOrEqual(256);
      expect(done.stats.generatedTokens).toBeGreaterThan(200);
    } finally {
      await models.load(modelId);
    }
  });

  it("refuses a prompt longer than the context with INVALID_INPUT on the prompt field", async () => {
    const { models } = fixtures.services;
    const modelId = fixtures.id("polyglot-base");
    await models.load(modelId, 256);
    try {
      const { done } = await runToEnd(fixtures.services, { mode: "completion", modelId, prompt: "x".repeat(300), params: { temperature: 0 } });
      expect(done.stats.stopReason).toBe("error");
      expect(done.error).toMatchObject({ code: "INVALID_INPUT", field: "prompt" });
      expect(done.error?.message).toMatch(/301 tokens long but the model's context holds 256/);
    } finally {
      await models.load(modelId);
    }
  });

  it("refuses to start on a model that is not loaded (MODEL_NOT_LOADED) or not in the workspace (NOT_FOUND)", async () => {
    const services = fixtures.services;
    const modelId = fixtures.id("polyglot-continued");
    await services.models.unload(modelId);
    try {
      const start = (id: string) => () => services.generation.start(parseRequest({ mode: "completion", modelId: id, prompt: "x" }));
      expect(start(modelId)).toThrow(AppError);
      expect(start(modelId)).toThrow(expect.objectContaining({ code: "MODEL_NOT_LOADED", file: fixtures.paths.continued }));
      expect(start("no-such-model")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    } finally {
      await services.models.load(modelId);
    }
  });
});
