/**
 * `polyglot session replay` as a user runs it: a session recorded by the built CLI's `compare
 * --session` on the fixture models, replayed on the same files (exact), after a hand edit of one
 * token (diverged there), and with a model left out (listed as missing with its metadata).
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { ModelMatch, ReplayReport } from "../contract/sessions";
import type { SessionDisk } from "../contract/session-disk";
import { writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { readExistingSessionFile } from "../services/sessions/session-file";
import { formatParameterCount } from "../services/sessions/report/report-format";
import { CLI, polyglot } from "../test-support/cli-runner";
import { sha256OfFile } from "../test-support/sha256";
import { useTempDir } from "../test-support/temp-dir";

type JsonReport = ReplayReport & { matches: ModelMatch[] };

describe("polyglot session replay", () => {
  const dir = useTempDir("cli-session-replay");
  let base: string;
  let continued: string;
  let session: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    [base, continued] = await writeFixtureModels(dir.join("models"));
    session = dir.join("shared.polyglot-session.json");
    const runs = [
      ["--prompt", "The river", "--temperature", "0", "--max-tokens", "20"],
      ["--prompt", "Habari", "--chat", "--temperature", "0.8", "--seed", "7", "--max-tokens", "20"],
    ].map((args) => polyglot("compare", "--model", base, "--model", continued, ...args, "--session", session));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  });

  function replay(file: string, ...args: string[]) {
    return polyglot("session", "replay", file, ...args);
  }

  it("--json: every pane of a session recorded here reproduces exactly, the models found by sha256", async () => {
    const { code, stdout, stderr } = replay(session, "--model", base, "--model", continued, "--json");
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    const recorded = await readExistingSessionFile(session);
    expect(report.cancelled).toBe(false);
    expect(report.rows.map((row) => [row.comparisonId, row.pane, row.status, row.replayedTokens])).toEqual(
      recorded.comparisons.flatMap((comparison) => comparison.panes.map((pane, index) => [comparison.id, index, "exact", pane.output.tokens.length])),
    );
    expect(report.rows.every((row) => row.recordedTokens > 0)).toBe(true);
    expect(report.matches.map(({ identity, panes, match }) => [identity.name, panes, match?.by, match?.path])).toEqual([
      ["polyglot-base", 2, "sha256", base], ["polyglot-continued", 2, "sha256", continued],
    ]);
    // Progress went to stderr, the report alone to stdout.
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });

  it("a token edited by hand in the file is where the replay diverges; --comparison picks that comparison", async () => {
    const disk = JSON.parse(await readFile(session, "utf8")) as SessionDisk;
    const [comparison] = disk.comparisons;
    const tokens = comparison.panes[1].output.tokens;
    const original = tokens[4];
    expect(original[0]).not.toBe(0x21);
    tokens[4] = [0x21, "!", -1];
    const edited = dir.join("edited.polyglot-session.json");
    await writeFile(edited, JSON.stringify(disk, null, 2));

    const json = replay(edited, "--model", base, "--model", continued, "--comparison", comparison.id, "--json");
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.rows.map((row) => [row.comparisonId, row.status])).toEqual([[comparison.id, "exact"], [comparison.id, "diverged"]]);
    expect(report.rows[1].firstDifference).toEqual({ index: 4, expected: { id: 0x21, text: "!" }, actual: { id: original[0], text: original[1] } });

    const text = replay(edited, "--model", base, "--model", continued);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${comparison.id} pane 2 polyglot-continued: diverged at token 4: expected "!" (id 33) got ${JSON.stringify(original[1])} (id ${original[0]})`);
    expect(text.stdout).toContain("Total: 4 panes: 3 exact, 1 diverged, 0 missing model, 0 failed");
  });

  it("a model not given is listed as missing with what the session knows of it; the others still replay", async () => {
    const { code, stdout, stderr } = replay(session, "--model", base);
    expect(code, stderr).toBe(0);
    const recorded = await readExistingSessionFile(session);
    const identity = recorded.comparisons[0].panes[1].model;
    expect(identity).toMatchObject({ name: "polyglot-continued", path: continued, sha256: await sha256OfFile(continued), quantization: "F32", architecture: "llama" });
    expect(stdout).toContain(`  polyglot-base (2 panes): found by sha256 (the same file): ${base}\n`);
    expect(stdout).toContain([
      "  polyglot-continued (2 panes): MISSING",
      `      sha256 ${identity.sha256}`,
      `      quantization F32, architecture llama, ${formatParameterCount(identity.parameterCount)} parameters`,
      `      originally at ${continued}`,
    ].join("\n"));
    const [first, second] = recorded.comparisons.map((comparison) => comparison.id);
    expect(stdout).toContain(`  ${first} pane 1 polyglot-base: exact (20 tokens)\n  ${first} pane 2 polyglot-continued: missing model\n`);
    expect(stdout).toContain(`  ${second} pane 2 polyglot-continued: missing model\n`);
    expect(stdout).toContain("Total: 4 panes: 2 exact, 0 diverged, 2 missing model, 0 failed\n");
  });

  it("refuses an unknown comparison or a missing file before loading anything", () => {
    const unknown = replay(session, "--model", base, "--comparison", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`polyglot: error: --comparison: ${session} has no comparison nope.\n`);
    const missing = replay(dir.join("nowhere.json"), "--model", base);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${dir.join("nowhere.json")} does not exist.`);
  });
});
