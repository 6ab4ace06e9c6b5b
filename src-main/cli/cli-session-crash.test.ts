/**
 * Saving loses nothing, even when the process dies mid-write: `polyglot session vote` on a session
 * of a few megabytes (150 comparisons × 4 panes × 64 tokens with 5 alternatives, so writing takes
 * long enough to be hit) is killed with SIGKILL at random moments, many times, and after each
 * kill the file must be the old session or the new one, whole — never a broken one — with every
 * earlier vote in it.
 */
import { spawn } from "node:child_process";
import { existsSync, watch } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { GeneratedToken } from "../contract/generation";
import type { SessionFile } from "../contract/session";
import { readSessionFile, writeSessionFile } from "../services/sessions/session-file";
import { CLI } from "../test-support/cli-runner";
import { makeComparison } from "../test-support/comparison-factory";
import { useTempDir } from "../test-support/temp-dir";

const dir = useTempDir("cli-session-crash");
let file: string;

function bigSession(): SessionFile {
  const tokens: GeneratedToken[] = Array.from({ length: 64 }, (_, index) => ({
    id: index, text: ` w${index}`, logprob: -0.5,
    top: Array.from({ length: 5 }, (_, rank) => ({ id: index + rank, text: ` w${index + rank}`, logprob: -0.5 - rank })),
  }));
  const comparisons = Array.from({ length: 150 }, (_, index) => {
    const comparison = makeComparison({ id: `c${index}`, panes: ["a", "b", "c", "d"].map((name) => ({ name })) });
    for (const pane of comparison.panes) pane.output.tokens = tokens;
    return comparison;
  });
  return { format: "polyglot-session", version: 2, id: "big", title: "big", createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z", notes: "", evalRuns: [], comparisons };
}

type KillAt = { afterMs: number } | { afterWriteStartsMs: number } | null;

/**
 * Runs `polyglot session vote` and kills it: after a time, or that long after its temporary file
 * (the new session being written) appears beside the session; `null` lets it finish.
 */
function vote(rater: string, killAt: KillAt): Promise<{ killed: boolean; code: number | null }> {
  const child = spawn(process.execPath, [CLI, "session", "vote", file, "--comparison", "c0", "--winner", "a", "--rater", rater], { stdio: "ignore" });
  const kill = () => child.kill("SIGKILL");
  let timer: NodeJS.Timeout | null = null;
  const watcher = killAt && "afterWriteStartsMs" in killAt
    ? watch(dir.path, (_event, name) => {
      if (!timer && name?.startsWith(`${basename(file)}.`)) timer = setTimeout(kill, killAt.afterWriteStartsMs);
    })
    : null;
  if (killAt && "afterMs" in killAt) timer = setTimeout(kill, killAt.afterMs);
  return new Promise((done) => child.once("exit", (code, signal) => {
    if (timer) clearTimeout(timer);
    watcher?.close();
    done({ killed: signal === "SIGKILL", code });
  }));
}

/** Temp files write-file-atomic leaves beside the target when killed mid-write: proof a kill landed there. */
async function leftoverTempFiles(): Promise<string[]> {
  return (await readdir(dir.path)).filter((name) => name.startsWith(`${basename(file)}.`));
}

describe("a session file under kill -9", () => {
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    file = dir.join("big.polyglot-session.json");
    await writeSessionFile(file, bigSession());
  });

  it("is always the old or the new session, whole, with no committed vote lost", async () => {
    const started = performance.now();
    expect(await vote("warm-up", null)).toEqual({ killed: false, code: 0 });
    const fullRunMs = performance.now() - started;
    let committed = 1;
    let midWriteKills = 0;
    for (let round = 0; round < 16; round++) {
      const tempsBefore = (await leftoverTempFiles()).length;
      // Every other round is killed while the new file is being written (0–20 ms after it
      // appears); the others at any moment of the run's second half.
      const killAt = round % 2 === 0 ? { afterWriteStartsMs: 20 * Math.random() } : { afterMs: fullRunMs * (0.5 + 0.5 * Math.random()) };
      const { killed } = await vote(`rater-${round}`, killAt);
      const session = await readSessionFile(file); // throws if the file is broken
      const votes = session!.comparisons[0].votes.map((vote) => vote.rater);
      expect(session!.comparisons).toHaveLength(150);
      expect(votes.length === committed || votes.length === committed + 1, `round ${round}: ${votes.length} votes after ${committed}`).toBe(true);
      expect(votes.slice(0, committed)).toEqual(["warm-up", ...Array.from({ length: committed - 1 }, (_, index) => index)
        .map(() => expect.stringMatching(/^rater-\d+$/))]);
      if (votes.length === committed + 1) committed++;
      if (killed && (await leftoverTempFiles()).length > tempsBefore) midWriteKills++;
    }
    expect(midWriteKills, "kills must land while the file was being written").toBeGreaterThanOrEqual(4);
  }, 240_000);
});
