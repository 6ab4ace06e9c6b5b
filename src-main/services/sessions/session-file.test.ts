import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { SessionFileSchema } from "../../contract/session";
import { makeComparison } from "../../test-support/comparison-factory";
import { useTempDir } from "../../test-support/temp-dir";
import { newSession, parseSessionText, readSessionFile, serializeSession, writeSessionFile } from "./session-file";
import { SessionStore } from "./session-store";
import { startWorkbench } from "../../app/workbench";
import { Workspace } from "../../workspace/workspace";

const tmp = useTempDir("session-file");

function sessionWithTokens() {
  const comparison = makeComparison({ panes: [{ name: "base", text: "مرحبا" }, { name: "continued", text: "Habari" }] });
  comparison.panes[0].output.tokens = [
    { id: 1, text: "", logprob: -0.5, top: [{ id: 1, text: "", logprob: -0.5 }, { id: 2, text: "\\u0001token:0", logprob: -1 }] },
    { id: 3, text: "م", logprob: -0.25, top: [{ id: 3, text: "م", logprob: -0.25 }] },
  ];
  return { ...newSession("t"), comparisons: [comparison] };
}

describe("session file", () => {
  it("is JSON that parses back to the same session, one line per token", async () => {
    const session = sessionWithTokens();
    const text = serializeSession(session);
    expect(parseSessionText("s.json", text)).toEqual({ session: SessionFileSchema.parse(session), migratedFrom: null });
    const tokenLines = text.split("\n").filter((line) => /^\s+\[\d+,/.test(line));
    expect(tokenLines).toHaveLength(2);
    expect(tokenLines[1].trim()).toBe('[3,"م",-0.25,[[3,"م",-0.25]]]');
    expect(text.endsWith("}\n")).toBe(true);
    // Round trip through a real file and the store.
    const file = tmp.join("round-trip.polyglot-session.json");
    await writeSessionFile(file, session);
    expect((await SessionStore.open(file)).current).toEqual(SessionFileSchema.parse(session));
    expect(await readFile(file, "utf8")).toBe(text);
  });

  it("writes the same bytes for the same session whatever order its keys were built in", () => {
    const session = sessionWithTokens();
    const shuffled = Object.fromEntries(Object.entries(session).reverse()) as typeof session;
    expect(serializeSession(shuffled)).toBe(serializeSession(session));
  });

  it("refuses a truncated, malformed or newer file with the file and field named, and leaves it untouched", async () => {
    const file = tmp.join("bad.json");
    const good = serializeSession(sessionWithTokens());
    const cases = [
      { text: good.slice(0, good.length / 2), message: /not valid JSON/ },
      { text: good.replace('"version": 2', '"version": 99'), message: /newer Polyglot Workbench/, field: "version" },
      { text: good.replace('"backend": "local"', '"backend": "remote"'), message: /field "comparisons.0.panes.0.backend"/, field: "comparisons.0.panes.0.backend" },
      { text: JSON.stringify({ hello: 1 }), message: /not a session file/, field: "format" },
    ];
    for (const { text, message, field } of cases) {
      await writeFile(file, text);
      const error = await readSessionFile(file).catch((caught) => caught);
      expect(error).toMatchObject({ code: "INVALID_INPUT", file });
      expect(error.message).toMatch(message);
      if (field) expect(error.field).toBe(field);
      await expect(SessionStore.open(file)).rejects.toMatchObject({ file });
      expect(await readFile(file, "utf8")).toBe(text);
    }
  });

  it("a store saves every change in order, so concurrent votes are all kept", async () => {
    const file = tmp.join("store.json");
    const store = await SessionStore.open(file);
    const comparison = makeComparison({ panes: [{ name: "a" }, { name: "b" }] });
    await store.addComparison(comparison);
    const votes = Array.from({ length: 20 }, (_, index) => ({ ...makeComparison({ panes: [{ name: "a" }, { name: "b" }], votes: [{ winner: "a", rater: `r${index}` }] }).votes[0], id: `v${index}` }));
    await Promise.all(votes.map((vote) => store.addVote(comparison.id, vote)));
    const onDisk = await readSessionFile(file);
    expect(onDisk!.comparisons[0].votes.map((vote) => vote.id)).toEqual(votes.map((vote) => vote.id));
    await expect(store.addVote("missing", votes[0])).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Votes sent together are saved together; one on a comparison the session lacks fails alone.
    const more = votes.slice(0, 3).map((vote, index) => ({ ...vote, id: `late-${index}` }));
    const results = await Promise.allSettled([store.addVote(comparison.id, more[0]), store.addVote("missing", more[1]), store.addVote(comparison.id, more[2])]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await readSessionFile(file))!.comparisons[0].votes.slice(-2).map((vote) => vote.id)).toEqual(["late-0", "late-2"]);
    await writeSessionFile(file, store.current);
    expect((await SessionStore.open(file)).current).toEqual(store.current);
  });

  it("the app's own session, if unreadable, lets the workbench start and refuses every write, naming the file", async () => {
    const workspaceDir = tmp.join("workspace-with-broken-session");
    const { workspace } = await Workspace.open(workspaceDir);
    const broken = '{"format": "polyglot-session", "version": 1, "comparis';
    await mkdir(dirname(workspace.defaultSessionFile), { recursive: true });
    await writeFile(workspace.defaultSessionFile, broken);
    const workbench = await startWorkbench({ workspaceDir, mode: "server", demo: false, hashModels: false });
    try {
      expect(workbench.sessions.store.openError).toMatchObject({ code: "INVALID_INPUT", file: workspace.defaultSessionFile });
      expect(workbench.sessions.store.current.comparisons).toEqual([]);
      await expect(workbench.sessions.store.addComparison(makeComparison({ panes: [{ name: "a" }] }))).rejects.toMatchObject({ file: workspace.defaultSessionFile });
      expect(await readFile(workspace.defaultSessionFile, "utf8")).toBe(broken);
    } finally {
      await workbench.dispose();
    }
    // A session file the user names must open, or nothing starts.
    await expect(startWorkbench({ workspaceDir, mode: "cli", demo: false, sessionFile: workspace.defaultSessionFile })).rejects.toMatchObject({ file: workspace.defaultSessionFile });
  });
});
