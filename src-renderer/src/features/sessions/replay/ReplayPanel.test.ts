import { AppError } from "@contract/errors";
import type { ReplayReport, ReplayRow } from "@contract/sessions";
import { afterEach, describe, expect, it } from "vitest";
import { mountConnected, settle, unmountAll } from "../../../test/mount";
import { comparison, sessionsMain } from "../session-fixtures";
import ReplayPanel from "./ReplayPanel.vue";

afterEach(unmountAll);

const row = (overrides: Partial<ReplayRow>): ReplayRow => ({
  comparisonId: "c-1", pane: 0, model: "polyglot-base", status: "exact", recordedTokens: 5, replayedTokens: 5, firstDifference: null, error: null,
  ...overrides,
});
const exact = row({});
const diverged = row({
  pane: 1, model: "polyglot-continued", status: "diverged", recordedTokens: 6, replayedTokens: 6,
  firstDifference: { index: 2, expected: { id: 98, text: "b" }, actual: { id: 10, text: "\n" } },
});

describe("ReplayPanel", () => {
  it("shows progress (count, rate, time left) as panes finish, then the report with a summary; Cancel sends the job's id", async () => {
    let answer!: (report: ReplayReport) => void;
    const main = sessionsMain({ comparisons: [comparison()] })
      .handle("session.replay", () => new Promise<ReplayReport>((resolve) => (answer = resolve)))
      .handle("session.cancelReplay", () => ({ cancelled: true }));
    const { wrapper } = await mountConnected(ReplayPanel, main);

    await wrapper.get('[data-testid="replay-all"]').trigger("click");
    await settle();
    const [{ jobId }] = main.callsOf("session.replay") as [{ jobId: string }];
    expect(main.callsOf("session.replay")).toEqual([{ jobId: expect.stringMatching(/^replay-/), comparisonIds: [] }]);
    // Someone else's replay (server mode) is not shown as ours.
    main.emit("session.replayProgress", { jobId: "someone-else", done: 1, total: 9, panesPerSecond: 1, etaSeconds: 8, row: exact });
    await settle();
    expect(wrapper.get('[data-testid="replay-progress"]').text()).toBe("Starting…");
    expect(wrapper.get('[data-testid="replay-progress"]').text()).toBe("Starting…");
    expect(wrapper.get('[data-testid="replay-all"]').attributes("disabled")).toBeDefined();

    main.emit("session.replayProgress", { jobId, done: 1, total: 2, panesPerSecond: 0.5, etaSeconds: 2, row: exact });
    await settle();
    expect(wrapper.get('[role="progressbar"]').attributes("aria-valuetext")).toBe("1 of 2");
    expect(wrapper.get('[data-testid="replay-rate"]').text()).toBe("0.5 panes/s");
    expect(wrapper.get('[data-testid="replay-eta"]').text()).toBe("ETA 2 s");
    expect(wrapper.get('[data-testid="replay-summary"]').text()).toBe("1 of 1 pane exact so far");

    await wrapper.get('[data-testid="replay-cancel"]').trigger("click");
    await settle();
    expect(main.callsOf("session.cancelReplay")).toEqual([{ jobId }]);

    main.emit("session.replayProgress", { jobId, done: 2, total: 2, panesPerSecond: 0.5, etaSeconds: 0, row: diverged });
    answer({ jobId, rows: [exact, diverged], cancelled: false });
    await settle();

    const rows = wrapper.findAll('[data-testid="replay-row"]');
    expect(rows.map((tr) => tr.findAll("th, td").map((cell) => cell.text()))).toEqual([
      ["Salamu za asubuhi", "1", "polyglot-base", "exact ✓", "5 / 5"],
      ["Salamu za asubuhi", "2", "polyglot-continued", "diverged at token 3: expected «b» got «↵»", "6 / 6"],
    ]);
    expect(wrapper.get('[data-testid="replay-summary"]').text()).toBe("1 of 2 panes exact (1 diverged)");
    expect(wrapper.find('[data-testid="replay-cancel"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="replay-all"]').attributes("disabled")).toBeUndefined();
  });

  it("ignores replay progress while no replay of its own runs, and shows main's refusal", async () => {
    const main = sessionsMain({ comparisons: [comparison()] })
      .handle("session.replay", () => {
        throw new AppError({ code: "NOT_FOUND", field: "comparisonIds", message: "This session has no comparison c-9." });
      });
    const { wrapper } = await mountConnected(ReplayPanel, main);

    main.emit("session.replayProgress", { jobId: "someone-else", done: 1, total: 4, panesPerSecond: 1, etaSeconds: 3, row: exact });
    await settle();
    expect(wrapper.find('[data-testid="replay-progress"]').exists()).toBe(false);

    await wrapper.get('[data-testid="replay-all"]').trigger("click");
    await settle();
    expect(wrapper.get('[role="alert"]').attributes("data-error-code")).toBe("NOT_FOUND");
    expect(wrapper.get('[role="alert"]').text()).toContain("This session has no comparison c-9.");
  });
});
