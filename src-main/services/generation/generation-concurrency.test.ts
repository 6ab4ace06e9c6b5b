import { describe, expect, it } from "vitest";
import { bytesToText, findPrompt, fixtureTable, greedyContinuation, SAFE_MARGIN } from "../../test-support/bigram-oracle";
import { parseRequest, runToEnd, startRun, useLoadedFixtures } from "../../test-support/test-services";

const fixtures = useLoadedFixtures("generation-concurrency");
const CANDIDATES = [..."abcdefghijklmnopqrstuvwxyz"].map((letter) => `The ${letter}`);
/** Long enough that a run still going when cancelled is far from ending on its own. */
const LONG = 1500;

function longRequest(modelId: string) {
  const { prompt } = findPrompt(fixtureTable("polyglot-continued"), CANDIDATES, LONG, "endless");
  return { mode: "completion" as const, modelId, prompt, params: { temperature: 0, maxTokens: LONG } };
}

describe("GenerationService with several runs", () => {
  it("cancels a run mid-way: it ends as cancelled, long before maxTokens", async () => {
    const modelId = fixtures.id("polyglot-continued");
    const run = startRun(fixtures.services, longRequest(modelId));
    await run.firstTokens;
    expect(fixtures.services.generation.cancel(run.runId)).toBe(true);
    const { done, tokens } = await run.result;
    expect(done.stats.stopReason).toBe("cancelled");
    expect(done.error).toBeNull();
    expect(done.stats.generatedTokens).toBeLessThan(LONG);
    expect(done.stats.generatedTokens).toBe(tokens.length);
    expect(fixtures.services.generation.cancel(run.runId)).toBe(false); // it is over
  });

  it("runs two generations on one model at once, each with its own correct text", async () => {
    const modelId = fixtures.id("polyglot-continued");
    const table = fixtureTable("polyglot-continued");
    const prompts = ["The river", "Река"];
    const expected = prompts.map((prompt) => greedyContinuation(table, prompt, 40));
    expected.forEach((prediction) => expect(prediction.minMargin).toBeGreaterThan(SAFE_MARGIN));
    expect(bytesToText(expected[0].ids)).not.toBe(bytesToText(expected[1].ids));

    const runs = prompts.map((prompt) => startRun(fixtures.services, { mode: "completion", modelId, prompt, params: { temperature: 0, maxTokens: 40 } }));
    const results = await Promise.all(runs.map((run) => run.result));
    results.forEach(({ done, tokens }, i) => {
      expect(done.error).toBeNull();
      expect(done.text).toBe(bytesToText(expected[i].ids));
      expect(tokens.map((token) => token.id)).toEqual(expected[i].ids);
    });
  });

  it("queues a third run until one of the model's two sequences is free, and it still gets its own text", async () => {
    const modelId = fixtures.id("polyglot-base");
    const table = fixtureTable("polyglot-base");
    const prompts = ["The river", "Le marché", "Mvua "];
    const runs = prompts.map((prompt) => startRun(fixtures.services, { mode: "completion", modelId, prompt, params: { temperature: 0, maxTokens: 30 } }));
    const results = await Promise.all(runs.map((run) => run.result));
    results.forEach(({ done }, i) => expect(done.text).toBe(bytesToText(greedyContinuation(table, prompts[i], 30).ids)));
  });

  it("unloading a model cancels its runs, queued ones too; then it refuses new ones", async () => {
    const { models, generation } = fixtures.services;
    const modelId = fixtures.id("polyglot-continued");
    const runs = [0, 1, 2].map(() => startRun(fixtures.services, longRequest(modelId)));
    await runs[0].firstTokens;
    expect(await models.unload(modelId)).toMatchObject({ status: "unloaded" });
    for (const run of runs) {
      const { done } = await run.result;
      expect(done.stats.stopReason).toBe("cancelled");
      expect(done.stats.generatedTokens).toBeLessThan(LONG);
    }
    expect(() => generation.start(parseRequest(longRequest(modelId)))).toThrow(expect.objectContaining({ code: "MODEL_NOT_LOADED" }));
    await models.load(modelId);
    const { done } = await runToEnd(fixtures.services, { ...longRequest(modelId), params: { temperature: 0, maxTokens: 5 } });
    expect(done.stats).toMatchObject({ stopReason: "max-tokens", generatedTokens: 5 });
  });

  it("a run waiting for a free sequence can be cancelled while it waits", async () => {
    const { generation } = fixtures.services;
    const modelId = fixtures.id("polyglot-continued");
    const busy = [0, 1].map(() => startRun(fixtures.services, longRequest(modelId)));
    await Promise.all(busy.map((run) => run.firstTokens));
    const waiting = startRun(fixtures.services, longRequest(modelId));
    expect(generation.cancel(waiting.runId)).toBe(true);
    const { done, tokens } = await waiting.result;
    expect(done.stats).toMatchObject({ stopReason: "cancelled", generatedTokens: 0 });
    expect(done.error).toBeNull();
    expect(tokens).toEqual([]);
    busy.forEach((run) => generation.cancel(run.runId));
    await Promise.all(busy.map((run) => run.result));
  });

  it("ends the runs a client started when its connection closes, and only those", async () => {
    const { generation } = fixtures.services;
    const modelId = fixtures.id("polyglot-continued");
    const mine = startRun(fixtures.services, longRequest(modelId), "connection-a");
    const theirs = startRun(fixtures.services, longRequest(modelId), "connection-b");
    await Promise.all([mine.firstTokens, theirs.firstTokens]);
    generation.cancelRunsOfConnection("connection-a");
    expect((await mine.result).done.stats.stopReason).toBe("cancelled");
    expect(generation.cancel(theirs.runId)).toBe(true); // still running until now
    expect((await theirs.result).done.stats.stopReason).toBe("cancelled");
  });

  it("two unloads at once both finish, and the model is unloaded once", async () => {
    const { models } = fixtures.services;
    const modelId = fixtures.id("polyglot-base");
    const [first, second] = await Promise.all([models.unload(modelId), models.unload(modelId)]);
    expect(first.status).toBe("unloaded");
    expect(second.status).toBe("unloaded");
    await models.load(modelId);
  });
});
