/**
 * `polyglot session validate` and `polyglot session merge` as a user runs them: the built CLI on
 * session files written by the app's own writer. The kappas are worked out by hand in
 * services/sessions/merge/*.test.ts; here they must reach the output and the merged file.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_VERSION, SessionFileSchema, type SessionFile, type Verdict } from "../contract/session";
import { readSessionFile, writeSessionFile } from "../services/sessions/session-file";
import { CLI, polyglot } from "../test-support/cli-runner";
import { makeComparison } from "../test-support/comparison-factory";
import { useTempDir } from "../test-support/temp-dir";

const dir = useTempDir("cli-session");
const PANES = [{ name: "base", sha256: "aa" }, { name: "continued", sha256: "bb" }];

function raterCopy(rater: string, verdicts: Verdict[]): SessionFile {
  return SessionFileSchema.parse({
    format: "polyglot-session", version: SESSION_VERSION, id: `session-${rater}`, title: "Greetings",
    createdAt: "2025-02-01T09:00:00.000Z", updatedAt: "2025-02-03T12:00:00.000Z",
    comparisons: verdicts.map((winner, index) => makeComparison({
      id: `c${index + 1}`, createdAt: `2025-02-0${index + 1}T10:00:00.000Z`, panes: PANES,
      votes: [{ id: `${rater}-${index + 1}`, rater, winner, createdAt: `2025-02-0${index + 1}T11:00:00.000Z` }],
    })),
  });
}

describe("polyglot session", () => {
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests.`);
    await writeSessionFile(dir.join("amina.json"), raterCopy("amina", ["a", "a", "tie"]));
    await writeSessionFile(dir.join("jonas.json"), raterCopy("jonas", ["a", "b", "tie"]));
  });

  it("validate says what a valid file holds", () => {
    const { code, stdout } = polyglot("session", "validate", dir.join("amina.json"));
    expect(code).toBe(0);
    expect(stdout).toBe(`${dir.join("amina.json")}: a valid polyglot-session file, version 2: 3 comparisons, 3 votes by 1 raters.\n`);
    const v1 = new URL("../services/sessions/testdata/session-v1.polyglot-session.json", import.meta.url).pathname;
    expect(polyglot("session", "validate", v1).stdout).toBe(
      `${v1}: a valid polyglot-session file, version 1 (read as version 2; rewritten as 2 on its first change, the original kept): 2 comparisons, 2 votes by 2 raters.\n`,
    );
  });

  it("validate refuses a malformed file naming the file and the field, and leaves it as it was", async () => {
    const broken = dir.join("broken.json");
    const text = (await readFile(dir.join("amina.json"), "utf8")).replace('"winner": "a"', '"winner": "maybe"');
    await writeFile(broken, text);
    const { code, stderr } = polyglot("session", "validate", broken);
    expect(code).not.toBe(0);
    expect(stderr).toContain(broken);
    expect(stderr).toMatch(/winner/);
    expect(await readFile(broken, "utf8")).toBe(text);
  });

  it("merge writes the pooled session and reports Cohen's kappa, the conflict and the leaderboard", async () => {
    const out = dir.join("merged.json");
    const { code, stdout, stderr } = polyglot("session", "merge", dir.join("amina.json"), dir.join("jonas.json"), "--out", out, "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    // p_o = 2/3, p_e = (2/3·1/3 + 0·1/3 + 1/3·1/3) = 1/3 → κ = 0.5.
    expect(report).toMatchObject({ out, comparisons: 3, votes: 6, raters: ["amina", "jonas"], agreement: { method: "cohen", items: 3 } });
    expect(report.agreement.kappa).toBeCloseTo(0.5, 12);
    expect(report.conflicts).toEqual([{ comparisonId: "c2", pair: [0, 1], verdicts: { amina: "a", jonas: "b" } }]);
    // base won 3 (a, a, a), lost 1 (b), tied 2: it leads.
    expect(report.leaderboard.map((model: { name: string }) => model.name)).toEqual(["base", "continued"]);
    expect(report.leaderboard[0]).toMatchObject({ wins: 3, losses: 1, ties: 2 });
    const merged = await readSessionFile(out);
    expect(merged!.comparisons.flatMap((comparison) => comparison.votes.map((vote) => vote.rater))).toEqual(["amina", "jonas", "amina", "jonas", "amina", "jonas"]);
  });

  it("merge will not overwrite an input or an existing file without --force", async () => {
    const inputs = [dir.join("amina.json"), dir.join("jonas.json")];
    expect(polyglot("session", "merge", ...inputs, "--out", inputs[0]).stderr).toMatch(/is one of the inputs/);
    const existing = dir.join("existing.json");
    await writeFile(existing, "keep me");
    const refused = polyglot("session", "merge", ...inputs, "--out", existing);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/--force/);
    expect(await readFile(existing, "utf8")).toBe("keep me");
    expect(polyglot("session", "merge", ...inputs, "--out", existing, "--force").code).toBe(0);
  });

  it("vote adds a rater's verdict to a comparison, checked against its panes", async () => {
    const file = dir.join("vote.json");
    await writeSessionFile(file, raterCopy("amina", ["a"]));
    const { code, stdout } = polyglot("session", "vote", file, "--comparison", "c1", "--winner", "b", "--rater", "Wanjiru", "--pair", "1,0", "--note", "more fluent");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ rater: "Wanjiru", winner: "b", pair: [1, 0], note: "more fluent" });
    const votes = (await readSessionFile(file))!.comparisons[0].votes;
    expect(votes.map((vote) => [vote.rater, vote.winner, vote.pair])).toEqual([["amina", "a", [0, 1]], ["Wanjiru", "b", [1, 0]]]);

    const before = await readFile(file, "utf8");
    expect(polyglot("session", "vote", file, "--comparison", "c9", "--winner", "a", "--rater", "x").stderr).toMatch(/no comparison c9/);
    expect(polyglot("session", "vote", file, "--comparison", "c1", "--winner", "a", "--rater", "x", "--pair", "0,5").stderr).toMatch(/two different panes of the 2/);
    expect(polyglot("session", "vote", file, "--comparison", "c1", "--winner", "maybe", "--rater", "x").stderr).toMatch(/--winner/);
    expect(polyglot("session", "vote", dir.join("missing.json"), "--comparison", "c1", "--winner", "a", "--rater", "x").stderr).toMatch(/does not exist/);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("export-dpo writes TRL preference pairs: chosen the winner's output, ties left out", async () => {
    const out = dir.join("prefs.jsonl");
    const { code, stderr } = polyglot("session", "export-dpo", dir.join("jonas.json"), "--out", out);
    expect(code).toBe(0);
    expect(stderr).toBe(`Wrote 2 preference pairs to ${out}.\n`);
    const records = (await readFile(out, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line));
    // Jonas: a, b, tie — c1 chose base, c2 chose continued, c3 (a tie) has no pair.
    expect(records.map((record) => [record.chosen, record.rejected])).toEqual([
      ["base's answer", "continued's answer"],
      ["continued's answer", "base's answer"],
    ]);
    expect(records[0].prompt).toBe("Translate into French: good morning");
  });
});
