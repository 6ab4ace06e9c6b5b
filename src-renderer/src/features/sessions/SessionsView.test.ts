import type { VueWrapper } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { summarizeComparison } from "@contract/session";
import { fakeMain, mountConnected, settle, unmountAll } from "../../test/mount";
import { AGREEMENT_REFRESH_DELAY_MS } from "../../stores/sessions";
import { entryTime } from "../playground/history-format";
import { comparison, currentSession, SESSION_PATH, sessionsMain, vote } from "./session-fixtures";
import SessionsView from "./SessionsView.vue";

beforeEach(() => localStorage.clear());
afterEach(unmountAll);

const amina = vote({ id: "v-amina", rater: "amina", winner: "b", note: "Kiswahili sahihi", createdAt: "2025-05-02T09:10:00.000Z" });
const jonas = vote({ id: "v-jonas", rater: "jonas", winner: "tie", createdAt: "2025-05-02T09:20:00.000Z" });

const voteRows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="session-vote"]');
const cells = (row: ReturnType<typeof voteRows>[number]) => row.findAll("th, td").map((cell) => cell.text());

async function openComparison(wrapper: VueWrapper, id = "c-1"): Promise<void> {
  await wrapper.get(`[data-testid="session-comparison"][data-comparison-id="${id}"]`).trigger("click");
  await settle();
}

describe("SessionsView", () => {
  it("shows the session, its comparisons, and a picked one's panes with token probabilities and its votes", async () => {
    const { wrapper } = await mountConnected(SessionsView, sessionsMain({ comparisons: [comparison({ votes: [amina, jonas] })] }));

    expect(wrapper.get('[data-testid="session-title"]').text()).toBe("Salamu: greetings");
    expect(wrapper.get('[data-testid="session-path"]').text()).toBe(SESSION_PATH);
    expect(wrapper.get('[data-testid="live-raters"]').text()).toBe("● Live · 2 raters");
    const item = wrapper.get('[data-testid="session-comparison"]');
    expect(item.get(".prompt").text()).toBe("Salamu za asubuhi");
    expect(item.get(".prompt").attributes("dir")).toBe("auto");
    expect(item.get(".summary").text()).toBe("Swahili (swh_Latn) · polyglot-base vs polyglot-continued · 2 votes");

    await openComparison(wrapper);
    // Not blind: the pair shows named, its sides drawn at random.
    const panes = wrapper.findAll('[data-testid="compare-pane"]');
    const titles = panes.map((pane) => pane.attributes("data-title")!);
    expect(titles.map((title) => title.slice(0, 3))).toEqual(["A: ", "B: "]);
    expect(titles.map((title) => title.slice(3)).sort()).toEqual(["polyglot-base", "polyglot-continued"]);
    const continued = panes.find((pane) => pane.attributes("data-title")!.endsWith("polyglot-continued"))!;
    const tokens = continued.findAll('[data-testid="token"]');
    expect(tokens.map((token) => token.text())).toEqual(["H", "a", "b", "a", "r", "i"]);
    expect(Number(tokens[0].attributes("data-probability"))).toBeCloseTo(0.5, 6);

    expect(voteRows(wrapper).map(cells)).toEqual([
      ["amina", "polyglot-base vs polyglot-continued", "polyglot-continued is better", "Kiswahili sahihi", entryTime("2025-05-02T09:10:00.000Z")],
      ["jonas", "polyglot-base vs polyglot-continued", "Tie", "", entryTime("2025-05-02T09:20:00.000Z")],
    ]);
  });

  it("adds a vote another rater casts to the list and to the open comparison as it arrives, without asking main again", async () => {
    const main = sessionsMain({ comparisons: [comparison({ votes: [amina] })] });
    const { wrapper } = await mountConnected(SessionsView, main);
    await openComparison(wrapper);
    const asked = main.calls.length;

    main.emit("compare.voted", { comparisonId: "c-1", vote: jonas });
    await settle();

    expect(voteRows(wrapper).map((row) => row.attributes("data-rater"))).toEqual(["amina", "jonas"]);
    expect(wrapper.get('[data-testid="comparison-votes"]').text()).toBe("2 votes");
    await new Promise((resolve) => setTimeout(resolve, AGREEMENT_REFRESH_DELAY_MS + 50));
    expect(wrapper.get('[data-testid="live-raters"]').text()).toBe("● Live · 2 raters");
    // Only the agreement is asked for again (the kappa changes with each vote).
    expect(main.calls.slice(asked).map((call) => call.method)).toEqual(["session.agreement"]);
  });

  it("rates a saved comparison: the vote goes to main with the rater's name, and the pair closes", async () => {
    const main = sessionsMain({ comparisons: [comparison()] }).handle("compare.vote", (request) =>
      vote({ id: "v-new", rater: request.rater, winner: request.winner, pair: request.pair, blind: request.blind }));
    const { wrapper } = await mountConnected(SessionsView, main);
    await wrapper.get('[data-testid="session-rater"]').setValue("amina");
    await openComparison(wrapper);

    expect(wrapper.find('[data-testid="vote-panel"] [data-testid="rater"]').exists()).toBe(false);
    await wrapper.get('[data-testid="session-blind"]').setValue(true);
    const shownA = wrapper.findAll('[data-testid="compare-pane"]')[0].attributes("data-title");
    expect(shownA).toBe("A");
    await wrapper.get('button[data-verdict="a"]').trigger("click");
    await settle();

    const [sent] = main.callsOf("compare.vote") as { comparisonId: string; rater: string; pair: number[]; winner: string; blind: boolean }[];
    expect(sent).toMatchObject({ comparisonId: "c-1", rater: "amina", winner: "a", blind: true });
    expect([...sent.pair].sort()).toEqual([0, 1]);
    expect(wrapper.get('button[data-verdict="a"]').attributes("disabled")).toBeDefined();
    expect(wrapper.get('[data-testid="vote-result"]').text()).toMatch(/^Saved: A is better — A was polyglot-(base|continued), B was polyglot-(base|continued)\.$/);
    expect(localStorage.getItem("polyglot.rater")).toBe("amina");
  });

  it("keeps the rater's earlier vote on a pair closed, shown as they cast it", async () => {
    localStorage.setItem("polyglot.rater", "amina");
    const { wrapper } = await mountConnected(SessionsView, sessionsMain({ comparisons: [comparison({ votes: [amina] })] }));
    await openComparison(wrapper);

    expect(wrapper.get('button[data-verdict="b"]').attributes("disabled")).toBeDefined();
    expect(wrapper.get('[data-testid="vote-result"]').text()).toBe("Saved: B is better — A was polyglot-base, B was polyglot-continued.");
  });

  it("filters the comparisons by language and by those the rater has not voted on", async () => {
    localStorage.setItem("polyglot.rater", "amina");
    const comparisons = [
      comparison({ id: "c-sw", votes: [amina] }),
      comparison({ id: "c-ar", language: "arb_Arab", prompt: "صباح الخير" }),
      comparison({ id: "c-sw2", prompt: "Habari ya jioni" }),
    ];
    const { wrapper } = await mountConnected(SessionsView, sessionsMain({ comparisons }));
    const listed = () => wrapper.findAll('[data-testid="session-comparison"]').map((item) => item.attributes("data-comparison-id"));

    expect(listed()).toEqual(["c-sw", "c-ar", "c-sw2"]);
    await wrapper.get('[data-testid="comparison-language-filter"]').setValue("swh_Latn");
    expect(listed()).toEqual(["c-sw", "c-sw2"]);
    await wrapper.get('[data-testid="comparison-unrated-filter"]').setValue(true);
    expect(listed()).toEqual(["c-sw2"]);
    expect(wrapper.get('[data-testid="comparison-count"]').text()).toBe("1 of 3 comparisons");
  });

  it("adds a comparison Compare saved into the session as it is announced", async () => {
    const main = sessionsMain({ comparisons: [comparison()] });
    const { wrapper } = await mountConnected(SessionsView, main);

    main.emit("compare.finished", { comparison: summarizeComparison(comparison({ id: "c-2", prompt: "Jambo" })), saveError: null });
    main.emit("compare.finished", {
      comparison: summarizeComparison(comparison({ id: "c-3" })), saveError: { code: "IO_ERROR", message: "Disk full.", file: SESSION_PATH },
    });
    await settle();

    expect(wrapper.findAll('[data-testid="session-comparison"]').map((item) => item.attributes("data-comparison-id"))).toEqual(["c-1", "c-2"]);
  });

  it("on a read-only link changes nothing: no vote, notes, open, new, replay or merge; votes still arrive live", async () => {
    const main = sessionsMain({ comparisons: [comparison({ votes: [amina], notes: "Angalia salamu" })] }, { readOnly: true });
    const { wrapper } = await mountConnected(SessionsView, main);
    await openComparison(wrapper);

    expect(wrapper.get('[data-testid="read-only-badge"]').text()).toBe("read-only");
    for (const control of ["session-open", "session-new", "session-rater", "vote-panel", "session-blind", "notes-field", "replay-comparison", "comparison-unrated-filter"]) {
      expect(wrapper.find(`[data-testid="${control}"]`).exists(), control).toBe(false);
    }
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(["Comparisons", "Notes", "Models", "Raters", "Export", "Eval runs"]);
    expect(wrapper.get('[data-testid="notes-text"]').text()).toBe("Angalia salamu");
    expect(wrapper.findAll('[data-testid="compare-pane"]')).toHaveLength(2);

    main.emit("compare.voted", { comparisonId: "c-1", vote: jonas });
    await settle();
    expect(voteRows(wrapper).map((row) => row.attributes("data-rater"))).toEqual(["amina", "jonas"]);
    expect(main.callsOf("compare.vote")).toEqual([]);
  });

  it("says a file was migrated from an older version and where its original is kept, and why one could not be read", async () => {
    const main = fakeMain()
      .handle("session.describe", () => currentSession({
        migratedFrom: 1,
        openError: { code: "INVALID_INPUT", message: "Not a session file: comparisons[0].panes is missing.", file: SESSION_PATH },
      }))
      .handle("session.agreement", () => ({ raters: [], agreement: { method: null, kappa: null, items: 0 }, conflicts: [] }))
      .handle("session.matchModels", () => []);
    const { wrapper } = await mountConnected(SessionsView, main);

    expect(wrapper.get('[data-testid="session-migrated"]').text()).toBe(
      `Migrated from format version 1: the original is kept beside it as ${SESSION_PATH.replace(".json", ".v1.json")} when the session is first saved.`,
    );
    const error = wrapper.get('[data-testid="session-open-error"]');
    expect(error.text()).toContain("comparisons[0].panes is missing");
    expect(error.text()).toContain(`File: ${SESSION_PATH}`);
  });
});
