/**
 * The metrics worker as the app runs it: the built `out/main/metrics-worker.js` (npm test builds
 * first) on a real worker thread, against the same task computed inline.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LeaderboardRequestSchema } from "../contract/compare";
import { projectRoot } from "../app/paths";
import { makeComparison } from "../test-support/comparison-factory";
import { metricsTasks } from "./metrics-tasks";
import { MetricsWorkerClient } from "./metrics-worker-client";

const WORKER = join(projectRoot(), "out", "main", "metrics-worker.js");

describe("MetricsWorkerClient", () => {
  const threaded = new MetricsWorkerClient(WORKER);
  afterAll(() => threaded.dispose());

  const comparisons = [
    makeComparison({ panes: [{ name: "base", sha256: "a".repeat(64) }, { name: "continued", sha256: "b".repeat(64) }], votes: [
      { winner: "b", language: "swh_Latn" }, { winner: "b", language: "swh_Latn" }, { winner: "a", language: "eng_Latn" }, { winner: "tie" },
    ] }),
  ];
  const request = LeaderboardRequestSchema.parse({ bootstrapRounds: 200, seed: 7 });

  it("computes a leaderboard on a worker thread, the same as inline", async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" before the tests.`);
    expect(threaded.threaded).toBe(true);
    const fromWorker = await threaded.run("leaderboard", { comparisons, request });
    expect(fromWorker).toEqual(metricsTasks.leaderboard({ comparisons, request }));
    expect(fromWorker.models.map((model) => model.name)).toEqual(["continued", "base"]);
  });

  it("answers concurrent tasks each with its own result, and passes errors back as AppErrors", async () => {
    const [swahili, all] = await Promise.all([
      threaded.run("leaderboard", { comparisons, request: { ...request, language: "swh_Latn" } }),
      threaded.run("leaderboard", { comparisons, request }),
    ]);
    expect(swahili.votes).toBe(2);
    expect(all.votes).toBe(4);
    const broken = [{ ...comparisons[0], votes: [{ ...comparisons[0].votes[0], pair: [0, 5] as [number, number] }] }];
    await expect(threaded.run("leaderboard", { comparisons: broken, request })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
