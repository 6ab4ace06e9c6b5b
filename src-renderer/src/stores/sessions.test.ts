import { AppError } from "@contract/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent } from "vue";
import { comparison, currentSession, SESSION_PATH, sessionsMain, vote } from "../features/sessions/session-fixtures";
import { spyOnDownloads } from "../test/downloads";
import type { FakeMain } from "../test/fake-main";
import { mountConnected, settle, unmountAll } from "../test/mount";
import { MATCH_REFRESH_DELAY_MS, useSessionsStore } from "./sessions";

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const Host = defineComponent({
  setup() {
    useSessionsStore();
    return () => null;
  },
});

async function connectedStore(main: FakeMain) {
  await mountConnected(Host, main);
  return useSessionsStore();
}

const OTHER_PATH = "/home/ana/workbench/sessions/round-2.polyglot-session.json";

describe("useSessionsStore", () => {
  it("keeps a vote heard live when an answer main made before it arrives afterwards", async () => {
    const held = { comparisons: [comparison()], notes: "" };
    const main = sessionsMain(held);
    const store = await connectedStore(main);

    main.emit("compare.voted", { comparisonId: "c-1", vote: vote({ id: "v-live", rater: "jonas", winner: "a" }) });
    await settle();
    // Main's held copy lacks the vote: its answer predates it.
    main.emit("session.changed", { path: SESSION_PATH, change: "notes" });
    await settle();

    expect(main.callsOf("session.describe")).toHaveLength(2);
    expect(store.comparisons[0].votes.map((known) => known.id)).toEqual(["v-live"]);
    expect(store.raters).toEqual(["jonas"]);
  });

  it("when another session is opened (here or by another client) asks for everything again and drops the old session's comparison", async () => {
    let path = SESSION_PATH;
    const main = sessionsMain({ comparisons: [comparison()] })
      .handle("session.describe", () => currentSession({ path, comparisons: path === SESSION_PATH ? [comparison()] : [comparison({ id: "c-other" })] }));
    const store = await connectedStore(main);
    await store.select("c-1");
    await store.refreshList();
    expect(store.comparison?.id).toBe("c-1");
    const asked = main.calls.length;

    path = OTHER_PATH;
    main.emit("session.changed", { path, change: "opened" });
    await settle();

    expect(main.calls.slice(asked).map((call) => call.method).sort()).toEqual(["session.agreement", "session.describe", "session.list", "session.matchModels"]);
    expect(store.current?.path).toBe(OTHER_PATH);
    expect(store.comparisons.map((known) => known.id)).toEqual(["c-other"]);
    expect(store.selectedId).toBeNull();
    expect(store.comparison).toBeNull();
  });

  it("keeps the current session when main refuses to open a file, and says why", async () => {
    const broken = "/home/ana/shared/broken.polyglot-session.json";
    const main = sessionsMain().handle("session.open", ({ path }) => {
      throw new AppError({ code: "INVALID_INPUT", file: path, message: `${path} is not a session file: line 3: Unexpected token.` });
    });
    const store = await connectedStore(main);

    expect(await store.open(broken)).toBe(false);
    expect(store.switchError).toEqual({ code: "INVALID_INPUT", file: broken, message: `${broken} is not a session file: line 3: Unexpected token.` });
    expect(store.current?.path).toBe(SESSION_PATH);
  });

  it("asks for the model matching again once a burst of model changes has settled", async () => {
    const main = sessionsMain();
    const store = await connectedStore(main);
    expect(main.callsOf("session.matchModels")).toHaveLength(1);

    for (let i = 0; i < 3; i++) main.emit("models.changed", []);
    await settle();
    expect(main.callsOf("session.matchModels")).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, MATCH_REFRESH_DELAY_MS + 50));
    await settle();

    expect(main.callsOf("session.matchModels")).toHaveLength(2);
    expect(store.matching).toBe(false);
  });

  it("links and unlinks eval runs, then shows the session as main has it", async () => {
    const evalRun = { runId: "run-1", name: "Swahili check", addedAt: "2025-05-02T10:00:00.000Z", tasks: ["xcopa"], models: ["polyglot-base"], rows: [] };
    let linked = false;
    const main = sessionsMain()
      .handle("session.describe", () => {
        const described = currentSession();
        return { ...described, session: { ...described.session, evalRuns: linked ? [evalRun] : [] } };
      })
      .handle("session.linkEvalRun", () => ((linked = true), evalRun))
      .handle("session.unlinkEvalRun", () => ((linked = false), {}));
    const store = await connectedStore(main);

    await store.linkEvalRun("run-1");
    expect(store.current?.session.evalRuns.map((run) => run.runId)).toEqual(["run-1"]);
    await store.unlinkEvalRun("run-1");
    expect(store.current?.session.evalRuns).toEqual([]);
    expect(main.callsOf("session.linkEvalRun")).toEqual([{ runId: "run-1" }]);
    expect(store.evalRunPending).toBeNull();
  });

  it("saves the HTML report main renders as a download", async () => {
    const saved = spyOnDownloads();
    const html = "<!doctype html><html><body>Salamu</body></html>";
    const main = sessionsMain().handle("session.exportHtml", () => ({ name: "salamu.html", mediaType: "text/html", content: html, records: 1 }));
    const store = await connectedStore(main);

    await store.exportHtml();

    expect(saved.map(({ name, type }) => ({ name, type }))).toEqual([{ name: "salamu.html", type: "text/html" }]);
    expect(await saved[0].text).toBe(html);
    expect(store.htmlFile?.name).toBe("salamu.html");
  });
});
