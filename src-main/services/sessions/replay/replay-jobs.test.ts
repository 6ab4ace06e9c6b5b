import { afterAll, describe, expect, it } from "vitest";
import { CompareRequestSchema, type CompareRequestInput } from "../../../contract/compare";
import type { SamplingParamsInput } from "../../../contract/generation";
import type { Comparison, ModelIdentity, SessionFile } from "../../../contract/session";
import { ReplayProgressEventSchema, ReplayReportSchema, type ReplayProgressEvent } from "../../../contract/sessions";
import { bytesToText, findPrompt, fixtureTable, greedyContinuation, SAFE_MARGIN, type FixtureName } from "../../../test-support/bigram-oracle";
import { writeCopyWithRenamedTensor } from "../../../test-support/fixture-files";
import { useLoadedFixtures } from "../../../test-support/test-services";
import { newSession } from "../session-file";
import { ReplayJobs } from "./replay-jobs";

const fixtures = useLoadedFixtures("replay-jobs");
let jobs: ReplayJobs | null = null;
afterAll(async () => jobs?.dispose());

function replays(): ReplayJobs {
  const { models, generation, bus } = fixtures.services;
  return (jobs ??= new ReplayJobs(models, generation, bus));
}

const GREEDY = { temperature: 0, maxTokens: 40 };
const SAMPLED = { temperature: 0.8, seed: 1234, maxTokens: 40 };

function pane(name: FixtureName, params: SamplingParamsInput) {
  return { backend: { kind: "local" as const, modelId: fixtures.id(name) }, params, topAlternatives: 5 };
}

/** A comparison recorded by CompareService, as the app saves it. */
async function record(input: CompareRequestInput): Promise<Comparison> {
  const started = await fixtures.services.compare.start(CompareRequestSchema.parse(input));
  const { comparison } = await started.finished;
  for (const recorded of comparison.panes) expect(recorded.output.error).toBeNull();
  return comparison;
}

function sessionOf(...comparisons: Comparison[]): SessionFile {
  return { ...newSession("replay"), comparisons };
}

function withPaneTokens(comparison: Comparison, paneIndex: number, tokens: Comparison["panes"][number]["output"]["tokens"]): Comparison {
  return { ...comparison, panes: comparison.panes.map((p, index) => (index === paneIndex ? { ...p, output: { ...p.output, tokens } } : p)) };
}

const elsewhere: ModelIdentity = {
  name: "polyglot-large", path: "/home/amina/models/polyglot-large-Q4_K_M.gguf", sha256: "ab".repeat(32),
  quantization: "Q4_K_M", architecture: "llama", parameterCount: 7_000_000_000,
};

describe("ReplayJobs", () => {
  let greedy: Comparison;
  const prompt = "The river";
  const expected = greedyContinuation(fixtureTable("polyglot-base"), prompt, GREEDY.maxTokens);

  it("replays a recorded session exactly: greedy and sampled (fixed seed) panes, completion and chat, one model twice", async () => {
    expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
    expect(expected.endsWithEog).toBe(false);
    greedy = await record({ prompt: { mode: "completion", text: prompt }, panes: [pane("polyglot-base", GREEDY), pane("polyglot-continued", GREEDY)] });
    const sampled = await record({
      prompt: { mode: "chat", messages: [{ role: "user", content: "Habari ya asubuhi" }] },
      panes: [pane("polyglot-continued", SAMPLED), pane("polyglot-base", SAMPLED)],
    });
    // One loaded copy, two sequences decoded in the same batches while recording; one at a time on replay.
    const twice = await record({
      prompt: { mode: "completion", text: "Le marché" },
      panes: [pane("polyglot-continued", SAMPLED), pane("polyglot-continued", { ...SAMPLED, seed: 99 })],
    });
    // The sampled panes really were sampled: not the greedy chain, and another seed gives other tokens.
    const sampledIds = twice.panes.map((p) => p.output.tokens.map((token) => token.id));
    expect(sampledIds[0]).not.toEqual(greedyContinuation(fixtureTable("polyglot-continued"), "Le marché", 40).ids);
    expect(sampledIds[0]).not.toEqual(sampledIds[1]);

    const report = ReplayReportSchema.parse(await replays().run(sessionOf(greedy, sampled, twice), { comparisonIds: [] }, null));
    expect(report.cancelled).toBe(false);
    expect(report.rows.map((row) => [row.comparisonId, row.pane, row.model, row.status])).toEqual([
      [greedy.id, 0, "polyglot-base", "exact"], [greedy.id, 1, "polyglot-continued", "exact"],
      [sampled.id, 0, "polyglot-continued", "exact"], [sampled.id, 1, "polyglot-base", "exact"],
      [twice.id, 0, "polyglot-continued", "exact"], [twice.id, 1, "polyglot-continued", "exact"],
    ]);
    const recordedLengths = [greedy, sampled, twice].flatMap((comparison) => comparison.panes.map((p) => p.output.tokens.length));
    expect(report.rows.map((row) => [row.recordedTokens, row.replayedTokens])).toEqual(recordedLengths.map((n) => [n, n]));
    expect(report.rows[0].recordedTokens).toBe(40);
    expect(report.rows.every((row) => row.firstDifference === null && row.error === null)).toBe(true);
  });

  it("replays only the comparisons asked for, and refuses an unknown one", async () => {
    const other = await record({ prompt: { mode: "completion", text: "Hello" }, panes: [pane("polyglot-base", { ...GREEDY, maxTokens: 5 })] });
    const report = await replays().run(sessionOf(greedy, other), { comparisonIds: [other.id] }, null);
    expect(report.rows.map((row) => [row.comparisonId, row.status])).toEqual([[other.id, "exact"]]);
    await expect(replays().run(sessionOf(greedy), { comparisonIds: ["nope"] }, null))
      .rejects.toMatchObject({ code: "NOT_FOUND", field: "comparisonIds", message: "This session has no comparison nope." });
  });

  it("reports where an edited recording diverges: the first differing token, or null where one side ended", async () => {
    const recorded = greedy.panes[0].output.tokens;
    expect(recorded.map((token) => token.id)).toEqual(expected.ids);
    // "The river" continues greedily with the ids the table predicts; token 3 is edited to "z".
    const atThree = { id: expected.ids[3], text: bytesToText([expected.ids[3]]) };
    const edited = withPaneTokens(greedy, 0, recorded.map((token, index) => (index === 3 ? { ...token, id: 122, text: "z" } : token)));
    const cut = withPaneTokens(greedy, 0, recorded.slice(0, 5));
    const extended = withPaneTokens(greedy, 0, [...recorded, { id: 65, text: "A", logprob: -1 }]);
    const [editedRow, cutRow, extendedRow] = (await replays().run(sessionOf(edited, { ...cut, id: "cut" }, { ...extended, id: "extended" }), { comparisonIds: [] }, null))
      .rows.filter((row) => row.pane === 0);

    expect(atThree.id).not.toBe(122);
    expect(editedRow).toMatchObject({ status: "diverged", recordedTokens: 40, replayedTokens: 40, firstDifference: { index: 3, expected: { id: 122, text: "z" }, actual: atThree } });
    expect(cutRow).toMatchObject({
      status: "diverged", recordedTokens: 5, replayedTokens: 40,
      firstDifference: { index: 5, expected: null, actual: { id: expected.ids[5], text: bytesToText([expected.ids[5]]) } },
    });
    expect(extendedRow).toMatchObject({ status: "diverged", recordedTokens: 41, replayedTokens: 40, firstDifference: { index: 40, expected: { id: 65, text: "A" }, actual: null } });
  });

  it("replays a recording that was cancelled part way only as far as it went", async () => {
    const recorded = greedy.panes[0];
    const cancelled = { ...recorded, output: { ...recorded.output, tokens: recorded.output.tokens.slice(0, 7), stats: { ...recorded.output.stats, stopReason: "cancelled" as const } } };
    const report = await replays().run(sessionOf({ ...greedy, panes: [cancelled] }), { comparisonIds: [] }, null);
    expect(report.rows).toMatchObject([{ status: "exact", recordedTokens: 7, replayedTokens: 7 }]);
  });

  it("lists a model that is not here as missing and still replays the others; recorded and load failures are failed", async () => {
    const { services, paths } = fixtures;
    const missing = { ...greedy.panes[1], model: elsewhere };
    const failedRecording = { ...greedy.panes[0], output: { ...greedy.panes[0].output, tokens: [], error: { code: "INSUFFICIENT_MEMORY" as const, message: "Not enough memory." } } };
    // A file that reads as a model but that llama.cpp refuses to load, found by its file name.
    const broken = paths.base.replace(/polyglot-base\.gguf$/, "broken-base.gguf");
    await writeCopyWithRenamedTensor(paths.base, broken, "output_norm.weight");
    await services.models.add([broken]);
    const unloadable = { ...greedy.panes[0], model: { ...greedy.panes[0].model, name: "broken", sha256: null, path: "C:\\Users\\amina\\models\\broken-base.gguf" } };
    const comparison: Comparison = { ...greedy, panes: [greedy.panes[0], missing, failedRecording, unloadable] };

    const report = await replays().run(sessionOf(comparison), { comparisonIds: [] }, null);
    expect(report.rows.map((row) => [row.model, row.status])).toEqual([
      ["polyglot-base", "exact"], ["polyglot-large", "missing-model"], ["polyglot-base", "failed"], ["broken", "failed"],
    ]);
    expect(report.rows[1]).toMatchObject({ recordedTokens: 40, replayedTokens: 0, firstDifference: null, error: null });
    expect(report.rows[2].error).toEqual({ code: "INSUFFICIENT_MEMORY", message: "Not enough memory." });
    expect(report.rows[3].error?.file).toBe(broken);
  });

  it("sends a progress event after each pane, with the row", async () => {
    const progress: ReplayProgressEvent[] = [];
    const stop = fixtures.services.bus.on("session.replayProgress", (event) => progress.push(ReplayProgressEventSchema.parse(event)));
    const missing = { ...greedy, id: "missing", panes: [{ ...greedy.panes[0], model: elsewhere }] };
    const report = await replays().run(sessionOf(greedy, missing), { comparisonIds: [] }, null);
    stop();
    expect(progress.map((event) => [event.done, event.total])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(progress.map((event) => event.row)).toEqual(report.rows);
    expect(progress.every((event) => event.jobId === report.jobId && event.panesPerSecond > 0)).toBe(true);
    expect(progress[0].etaSeconds).toBeGreaterThan(0);
    expect(progress[2].etaSeconds).toBe(0);
  });
});

describe("ReplayJobs cancel", () => {
  const LONG = 600;
  const candidates = [..."abcdefghijklmnopqrstuvwxyz"].map((letter) => `The ${letter}`);

  /** A session of three long greedy panes (600 tokens each, no end of text). */
  async function longSession(): Promise<SessionFile> {
    const prompt = findPrompt(fixtureTable("polyglot-continued"), candidates, LONG, "endless").prompt;
    for (const name of ["polyglot-base", "polyglot-continued"] as const) expect(greedyContinuation(fixtureTable(name), prompt, LONG).endsWithEog).toBe(false);
    const params = { ...GREEDY, maxTokens: LONG };
    return sessionOf(await record({ prompt: { mode: "completion", text: prompt }, panes: [pane("polyglot-base", params), pane("polyglot-continued", params), pane("polyglot-base", params)] }));
  }

  /** Cancels (with `cancel`, given the job id) once the second pane's replay has streamed tokens. */
  async function cancelDuringSecondPane(
    replayJobs: ReplayJobs, session: SessionFile, connectionId: string | null, cancel: (jobId: string) => void,
  ) {
    const { bus, generation } = fixtures.services;
    let jobId: string | null = null;
    const stopProgress = bus.on("session.replayProgress", (event) => (jobId = event.jobId));
    const stopTokens = bus.on("generation.tokens", () => {
      if (jobId !== null) {
        stopTokens();
        cancel(jobId);
      }
    });
    const report = await replayJobs.run(session, { comparisonIds: [] }, connectionId);
    stopProgress();
    stopTokens();
    expect(report.rows.map((row) => row.status)).toEqual(["exact", "cancelled", "cancelled"]);
    expect(report.rows[1].replayedTokens).toBeGreaterThan(0);
    expect(report.rows[1].replayedTokens).toBeLessThan(LONG);
    expect(report.rows[2]).toMatchObject({ recordedTokens: LONG, replayedTokens: 0, firstDifference: null });
    expect(report.cancelled).toBe(true);
    // The running generation was stopped, not left to finish.
    for (const id of ["polyglot-base", "polyglot-continued"] as const) expect(generation.isModelBusy(fixtures.id(id))).toBe(false);
  }

  it("cancel stops the running pane and marks the rest cancelled", async () => {
    const session = await longSession();
    let cancelled: boolean | null = null;
    await cancelDuringSecondPane(replays(), session, null, (jobId) => (cancelled = replays().cancel(jobId)));
    expect(cancelled).toBe(true);
    expect(replays().cancel("no-such-job")).toBe(false);
  });

  it("a job id chosen by the client cancels before any progress event, during the first pane", async () => {
    const session = await longSession();
    const stop = fixtures.services.bus.on("generation.tokens", () => {
      stop();
      expect(replays().cancel("client-job-1")).toBe(true);
    });
    const running = replays().run(session, { jobId: "client-job-1", comparisonIds: [] }, null);
    await expect(replays().run(session, { jobId: "client-job-1", comparisonIds: [] }, null)).rejects.toMatchObject({ code: "INVALID_INPUT", field: "jobId" });
    const report = await running;
    expect(report.jobId).toBe("client-job-1");
    expect(report.rows.map((row) => row.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(report.cancelled).toBe(true);
  });

  it("a closed connection cancels its own jobs only", async () => {
    const session = await longSession();
    // Another tab closing after the first pane changes nothing (the second pane still streams).
    const stop = fixtures.services.bus.on("session.replayProgress", () => replays().cancelOfConnection("tab-2"));
    await cancelDuringSecondPane(replays(), session, "tab-1", () => replays().cancelOfConnection("tab-1"));
    stop();
  });

  it("dispose cancels every job and resolves once they have ended", async () => {
    const session = await longSession();
    const { models, generation, bus } = fixtures.services;
    const own = new ReplayJobs(models, generation, bus);
    const busy = () => generation.isModelBusy(fixtures.id("polyglot-continued"));
    let disposed: Promise<boolean[]> | null = null;
    await cancelDuringSecondPane(own, session, null, () => {
      const before = busy();
      disposed = own.dispose().then(() => [before, busy()]);
    });
    // The second pane's generation was running when dispose began, and had ended when it resolved.
    expect(await disposed).toEqual([true, false]);
  });
});
