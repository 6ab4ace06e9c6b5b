/**
 * Several raters on one session in server mode, each over their own WebSocket: every vote cast at
 * the same moment is saved (the session file ends with all of them), and every rater sees every
 * vote live; a read-only link sees them too but cannot vote or write notes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "../contract/session";
import type { RpcClient } from "../contract/rpc-client";
import { readSessionFile } from "../services/sessions/session-file";
import { connectWebSocketClient } from "../transports/connect-websocket";
import { idOf, startTestServer, startTestWorkbench, type TestWorkbench } from "../test-support/test-workbench";
import type { RunningServer } from "./http-server";

const VERDICTS: Verdict[] = ["a", "b", "tie", "both-bad"];
const PAIRS: [number, number][] = [[0, 1], [0, 2], [1, 2], [2, 0]];

describe("several raters at once over WebSocket", () => {
  let test: TestWorkbench;
  let server: RunningServer;
  let comparisonId: string;
  const clients: RpcClient[] = [];

  beforeAll(async () => {
    test = await startTestWorkbench();
    server = await startTestServer(test);
    const setup = await connect(server.url);
    const finished = new Promise<string>((resolve) => setup.on("compare.finished", ({ comparison }) => resolve(comparison.id)));
    const greedy = { temperature: 0, maxTokens: 6 };
    const base = idOf(test.workbench, "polyglot-base");
    const continued = idOf(test.workbench, "polyglot-continued");
    await setup.call("compare.start", {
      prompt: { mode: "completion", text: "Habari ya" }, language: "swh_Latn",
      panes: [{ backend: { kind: "local", modelId: base }, params: greedy }, { backend: { kind: "local", modelId: continued }, params: greedy },
        { backend: { kind: "local", modelId: continued }, params: { ...greedy, temperature: 0.9, seed: 7 } }],
    });
    comparisonId = await finished;
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.close();
    await test.cleanup();
  });

  async function connect(url: string): Promise<RpcClient> {
    const client = await connectWebSocketClient(url);
    clients.push(client);
    return client;
  }

  /** `raters` clients, each casting `votesEach` votes, all sent at once; returns the ids the server gave. */
  async function voteTogether(raters: string[], votesEach: number) {
    const connected = await Promise.all(raters.map(() => connect(server.url)));
    const seen = connected.map(() => new Set<string>());
    connected.forEach((client, index) => client.on("compare.voted", ({ vote }) => seen[index].add(vote.id)));
    const votes = await Promise.all(raters.flatMap((rater, index) => Array.from({ length: votesEach }, (_, n) =>
      connected[index].call("compare.vote", {
        comparisonId, rater, pair: PAIRS[n % PAIRS.length], winner: VERDICTS[(n + index) % VERDICTS.length], note: `${rater} #${n} ✓ جيد`,
      }))));
    return { votes, seen, connected };
  }

  async function savedVoteIds(): Promise<string[]> {
    const session = await readSessionFile(test.workbench.sessions.store.path);
    return session!.comparisons.find((comparison) => comparison.id === comparisonId)!.votes.map((vote) => vote.id);
  }

  it("two raters voting at once: no vote lost, each sees the other's live, Cohen's kappa", async () => {
    const before = await savedVoteIds();
    const { votes, seen } = await voteTogether(["amina", "jonas"], 12);
    expect(new Set(votes.map((vote) => vote.id)).size).toBe(24);
    const saved = await savedVoteIds();
    expect(saved).toHaveLength(before.length + 24);
    expect(saved).toEqual(expect.arrayContaining(votes.map((vote) => vote.id)));
    await expect.poll(() => seen.map((ids) => ids.size)).toEqual([24, 24]);
    for (const ids of seen) expect([...ids].sort()).toEqual(votes.map((vote) => vote.id).sort());
    const agreement = await clients[0].call("session.agreement", {});
    expect(agreement.raters).toEqual(["amina", "jonas"]);
    expect(agreement.agreement).toMatchObject({ method: "cohen", items: 3 }); // pairs (0,1), (0,2), (1,2); (2,0) is (0,2) turned round
  });

  it("five raters voting at once: every vote saved once and seen live by all five and by a read-only viewer", async () => {
    const viewer = await connect(server.readOnlyUrl);
    const viewerSaw = new Set<string>();
    viewer.on("compare.voted", ({ vote }) => viewerSaw.add(vote.id));
    const before = await savedVoteIds();
    const raters = ["amina", "jonas", "wanjiru", "taro", "فاطمة"];
    const { votes, seen } = await voteTogether(raters, 10);
    expect(votes).toHaveLength(50);
    const saved = await savedVoteIds();
    expect(saved).toHaveLength(before.length + 50);
    expect(new Set(saved).size).toBe(saved.length);
    expect(saved).toEqual(expect.arrayContaining(votes.map((vote) => vote.id)));
    await expect.poll(() => [...seen.map((ids) => ids.size), viewerSaw.size]).toEqual([50, 50, 50, 50, 50, 50]);
    const session = await readSessionFile(test.workbench.sessions.store.path);
    const notes = session!.comparisons.find((comparison) => comparison.id === comparisonId)!.votes.map((vote) => vote.note);
    expect(notes).toContain("فاطمة #9 ✓ جيد");
    const agreement = await viewer.call("session.agreement", {});
    expect(agreement.raters).toEqual([...raters].sort());
    expect(agreement.agreement.method).toBe("fleiss");
  });

  it("a read-only link may look but not vote, write notes or switch sessions", async () => {
    const viewer = await connect(server.readOnlyUrl);
    const before = await savedVoteIds();
    await expect(viewer.call("compare.vote", { comparisonId, rater: "eve", pair: [0, 1], winner: "a" })).rejects.toMatchObject({ code: "NOT_SUPPORTED", message: expect.stringMatching(/read-only/) });
    await expect(viewer.call("session.setNotes", { notes: "defaced" })).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    await expect(viewer.call("session.create", { title: "mine" })).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    expect((await viewer.call("session.describe", {})).session.comparisons.map((comparison) => comparison.id)).toContain(comparisonId);
    expect((await viewer.call("session.comparison", { id: comparisonId })).panes[0].output.tokens.length).toBeGreaterThan(0);
    expect(await savedVoteIds()).toEqual(before);
    expect(test.workbench.sessions.store.current.notes).toBe("");
  });
});
