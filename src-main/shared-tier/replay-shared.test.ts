/**
 * Replay on a real transformer from ../shared (see ../shared/README.md): sampled panes recorded
 * side by side on one loaded copy (their tokens decoded in the same batches) reproduce when
 * replayed one at a time. Runs wherever ../shared exists; on a bare clone it says it did not run.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompareRequestSchema } from "../contract/compare";
import { useTempDir } from "../test-support/temp-dir";
import { addAndLoad, startServices, type TestServices } from "../test-support/test-services";
import { newSession } from "../services/sessions/session-file";
import { ReplayJobs } from "../services/sessions/replay/replay-jobs";

const STORIES = resolve(__dirname, "../../../shared/models/stories260K.gguf");
if (!existsSync(STORIES)) console.warn(`Real-model replay test not run: ${STORIES} does not exist on this machine.`);

describe.runIf(existsSync(STORIES))("replay on stories260K", () => {
  const tmp = useTempDir("replay-real");
  let services: TestServices;
  let modelId: string;
  beforeAll(async () => {
    services = await startServices(tmp.join("workspace"));
    modelId = await addAndLoad(services, STORIES);
  });
  afterAll(async () => services?.dispose());

  it("reproduces greedy and seeded sampled panes token for token", async () => {
    const pane = (params: object) => ({ backend: { kind: "local" as const, modelId }, params: { maxTokens: 80, ...params } });
    const started = await services.compare.start(CompareRequestSchema.parse({
      prompt: { mode: "completion", text: "Once upon a time" },
      panes: [pane({ temperature: 0.8, seed: 5 }), pane({ temperature: 0.8, seed: 6 }), pane({ temperature: 0 })],
    }));
    const { comparison } = await started.finished;
    const [first, second] = comparison.panes.map((recorded) => recorded.output.tokens.map((token) => token.id));
    expect(first).not.toEqual(second); // two seeds, two stories: the panes really were sampled

    const jobs = new ReplayJobs(services.models, services.generation, services.bus);
    const report = await jobs.run({ ...newSession("stories"), comparisons: [comparison] }, { comparisonIds: [] }, null);
    await jobs.dispose();
    expect(report.rows.map((row) => [row.status, row.replayedTokens])).toEqual(comparison.panes.map((recorded) => ["exact", recorded.output.tokens.length]));
    expect(report.rows[2].replayedTokens).toBeGreaterThan(20);
  });
});
