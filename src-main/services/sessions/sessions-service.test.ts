/**
 * The sessions service through the workbench's own procedures (validation included): opening,
 * creating, the recent list, notes, eval-run references, merging, and starting where one left off.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Method, Params } from "../../contract/api";
import { startWorkbench, type Workbench } from "../../app/workbench";
import { makeComparison } from "../../test-support/comparison-factory";
import { useTempDir } from "../../test-support/temp-dir";
import { mcConfig, mcSampleLine, resultsJson, writeJson, writeJsonl } from "../eval/import/lm-eval-fixtures";
import { newSession, readSessionFile, writeSessionFile } from "./session-file";

const tmp = useTempDir("sessions-service");
const V1_FILE = new URL("./testdata/session-v1.polyglot-session.json", import.meta.url).pathname;
const open: Workbench[] = [];

async function start(name: string, sessionFile?: string): Promise<Workbench> {
  const workbench = await startWorkbench({ workspaceDir: tmp.join(name), mode: "server", demo: false, hashModels: false, sessionFile });
  open.push(workbench);
  return workbench;
}

function call<M extends Method>(workbench: Workbench, method: M, params: Params<M>, readOnly = false) {
  return workbench.rpc.invoke(method, params, { connectionId: "test", readOnly });
}

afterEach(async () => {
  for (const workbench of open.splice(0)) await workbench.dispose();
});

describe("sessions", () => {
  it("creates sessions named after their titles, any script, and lists them with the recent ones", async () => {
    const workbench = await start("create");
    const changes: string[] = [];
    workbench.bus.on("session.changed", ({ path, change }) => changes.push(`${change} ${path}`));
    const swahili = await call(workbench, "session.create", { title: "Tathmini ya Kiswahili" });
    expect(swahili.path).toBe(tmp.join("create", "sessions", "Tathmini-ya-Kiswahili.polyglot-session.json"));
    const arabic = await call(workbench, "session.create", { title: "تقييم: العربية" });
    expect(arabic.path).toBe(tmp.join("create", "sessions", "تقييم-العربية.polyglot-session.json"));
    const again = await call(workbench, "session.create", { title: "Tathmini ya Kiswahili" });
    expect(again.path).toBe(tmp.join("create", "sessions", "Tathmini-ya-Kiswahili-2.polyglot-session.json"));
    expect(changes).toEqual([`opened ${swahili.path}`, `opened ${arabic.path}`, `opened ${again.path}`]);
    // Written at once: an empty session is still a session to share.
    expect((await readSessionFile(arabic.path))!.title).toBe("تقييم: العربية");

    const list = await call(workbench, "session.list", {});
    expect(list.current).toBe(again.path);
    // The workspace's default session, where the app started, was never written (nothing saved in it): not listed.
    expect(list.recent.map((entry) => entry.path)).toEqual([again.path, arabic.path, swahili.path]);

    expect(list.workspace.map((entry) => entry.title).sort()).toEqual(["Tathmini ya Kiswahili", "Tathmini ya Kiswahili", "تقييم: العربية"]);
    await expect(call(workbench, "session.create", { title: "  " })).rejects.toMatchObject({ code: "INVALID_INPUT", field: "title" });
  });

  it("opens another file as the current session; comparisons then go there; a broken one is refused and the current one stays", async () => {
    const workbench = await start("open");
    const other = tmp.join("elsewhere", "team.polyglot-session.json");
    await mkdir(tmp.join("elsewhere"), { recursive: true });
    await writeSessionFile(other, { ...newSession("Team"), comparisons: [makeComparison({ id: "c1", panes: [{ name: "a" }, { name: "b" }] })] });
    const opened = await call(workbench, "session.open", { path: other });
    expect(opened).toMatchObject({ path: other, migratedFrom: null, openError: null, session: { title: "Team" } });
    expect(opened.session.comparisons[0]).not.toHaveProperty("panes.0.output.tokens");
    await call(workbench, "compare.vote", { comparisonId: "c1", rater: "amina", pair: [0, 1], winner: "a" });
    expect((await readSessionFile(other))!.comparisons[0].votes.map((vote) => vote.rater)).toEqual(["amina"]);

    const broken = tmp.join("elsewhere", "broken.polyglot-session.json");
    await writeFile(broken, '{"format": "polyglot-session", "version": 2, "id": ');
    await expect(call(workbench, "session.open", { path: broken })).rejects.toMatchObject({ code: "INVALID_INPUT", file: broken });
    await expect(call(workbench, "session.open", { path: tmp.join("nowhere.json") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(workbench.sessions.store.path).toBe(other);
    expect(await readFile(broken, "utf8")).toBe('{"format": "polyglot-session", "version": 2, "id": ');
    const list = await call(workbench, "session.list", {});
    expect(list.recent.map((entry) => entry.path)).not.toContain(broken);

    // A relative path is the workspace's.
    await copyFile(other, tmp.join("open", "copy.polyglot-session.json"));
    expect((await call(workbench, "session.open", { path: "copy.polyglot-session.json" })).path).toBe(tmp.join("open", "copy.polyglot-session.json"));
  });

  it("remembers the session the app started on once something was saved in it, when another is opened", async () => {
    const workbench = await start("started-on");
    const startedOn = workbench.sessions.store.path;
    await call(workbench, "session.setNotes", { notes: "first notes" });
    const created = await call(workbench, "session.create", { title: "Next" });
    expect((await call(workbench, "session.list", {})).recent.map((entry) => entry.path)).toEqual([created.path, startedOn]);
  });

  it("starts again on the session opened last", async () => {
    const first = await start("restart");
    const created = await call(first, "session.create", { title: "Belebele swh" });
    await first.dispose();
    open.splice(open.indexOf(first), 1);
    const second = await start("restart");
    expect(second.sessions.store.path).toBe(created.path);
  });

  it("opens a version-1 file migrated, and says so", async () => {
    const workbench = await start("migrate");
    const file = tmp.join("migrate", "sessions", "old.polyglot-session.json");
    await mkdir(tmp.join("migrate", "sessions"), { recursive: true });
    await copyFile(V1_FILE, file);
    const opened = await call(workbench, "session.open", { path: file });
    expect(opened).toMatchObject({ migratedFrom: 1, originalKeptAs: tmp.join("migrate", "sessions", "old.polyglot-session.v1.json"), session: { version: 2, title: "Swahili and Arabic greetings" } });
    const list = await call(workbench, "session.list", {});
    expect(list.workspace.find((entry) => entry.path === file)).toMatchObject({ comparisons: 2, votes: 2, raters: ["amina", "jonas"], error: null });
  });

  it("keeps notes for the session and each comparison, saved at once and announced", async () => {
    const file = tmp.join("notes.polyglot-session.json");
    await writeSessionFile(file, { ...newSession("Notes"), comparisons: [makeComparison({ id: "c1", panes: [{ name: "a" }] })] });
    const workbench = await start("notes", file);
    const changes: string[] = [];
    workbench.bus.on("session.changed", ({ change }) => changes.push(change));
    await call(workbench, "session.setNotes", { notes: "Ratings by native speakers only. ✓" });
    await call(workbench, "session.setNotes", { comparisonId: "c1", notes: "ملاحظة: الترجمة حرفية" });
    await expect(call(workbench, "session.setNotes", { comparisonId: "c9", notes: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(changes).toEqual(["notes", "notes"]);
    const saved = await readSessionFile(file);
    expect(saved!.notes).toBe("Ratings by native speakers only. ✓");
    expect(saved!.comparisons[0].notes).toBe("ملاحظة: الترجمة حرفية");
    expect((await call(workbench, "session.describe", {})).session.comparisons[0].notes).toBe("ملاحظة: الترجمة حرفية");
  });

  it("refers to an eval run with its results as they were, and drops the reference on request", async () => {
    const workbench = await start("eval-ref");
    const out = tmp.join("lm-eval-out", "__m");
    await writeJson(join(out, "results_2025-01-15T10-20-30.123456.json"), resultsJson({
      modelName: "/m", modelArgs: "pretrained=/m", limit: 1, fewshotSeed: 1,
      tasks: { xcopa_sw: { row: { alias: "xcopa_sw", "acc,none": 1, "acc_stderr,none": 0 }, effective: 1, config: mcConfig("xcopa_sw", "xcopa", "sw") } },
    }));
    await writeJsonl(join(out, "samples_xcopa_sw_2025-01-15T10-20-30.123456.jsonl"), [mcSampleLine({ docId: 0, context: "Mvua ilinyesha, kwa hiyo", continuations: [" maji.", " jua."], lls: [-1, -3], target: "0", metrics: { acc: 1 } })]);
    const run = await call(workbench, "eval.importLmEval", { paths: [tmp.join("lm-eval-out")] });
    const ref = await call(workbench, "session.linkEvalRun", { runId: run.id });
    expect(ref).toMatchObject({ runId: run.id, tasks: ["xcopa"], rows: [expect.objectContaining({ task: "xcopa", lang: "swh_Latn", n: 1 })] });
    expect((await readSessionFile(workbench.sessions.store.path))!.evalRuns).toEqual([ref]);
    await call(workbench, "session.unlinkEvalRun", { runId: run.id });
    expect((await readSessionFile(workbench.sessions.store.path))!.evalRuns).toEqual([]);
    await expect(call(workbench, "session.linkEvalRun", { runId: "no-such-run" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("merges raters' copies into a new file and opens it", async () => {
    const workbench = await start("merge");
    const comparison = makeComparison({ id: "c1", panes: [{ name: "base" }, { name: "continued" }] });
    const copy = (rater: string, winner: "a" | "b") => ({
      ...newSession("Shared"), comparisons: [{ ...comparison, votes: makeComparison({ id: "c1", panes: [{ name: "base" }, { name: "continued" }], votes: [{ rater, winner }] }).votes.map((vote) => ({ ...vote, id: `${rater}-1` })) }],
    });
    await writeSessionFile(tmp.join("merge", "amina.polyglot-session.json"), copy("amina", "a"));
    await writeSessionFile(tmp.join("merge", "jonas.polyglot-session.json"), copy("jonas", "b"));
    const merged = await call(workbench, "session.merge", { paths: ["amina.polyglot-session.json", "jonas.polyglot-session.json"], out: "merged.polyglot-session.json" });
    expect(merged.path).toBe(tmp.join("merge", "merged.polyglot-session.json"));
    expect(merged.report).toMatchObject({ comparisons: 1, votes: 2, raters: ["amina", "jonas"], agreement: { method: "cohen", items: 1 } });
    expect(merged.report.conflicts).toEqual([{ comparisonId: "c1", pair: [0, 1], verdicts: { amina: "a", jonas: "b" } }]);
    expect(merged.leaderboard.models.map((model) => [model.name, model.wins, model.losses])).toEqual(expect.arrayContaining([["base", 1, 1], ["continued", 1, 1]]));
    expect(workbench.sessions.store.path).toBe(merged.path);
    await expect(call(workbench, "session.merge", { paths: ["amina.polyglot-session.json", "jonas.polyglot-session.json"], out: "merged.polyglot-session.json" }))
      .rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/exists/) });
  });
});
