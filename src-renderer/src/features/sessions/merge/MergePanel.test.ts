import { AppError } from "@contract/errors";
import type { SessionEntry } from "@contract/sessions";
import { afterEach, describe, expect, it } from "vitest";
import { mountConnected, settle, unmountAll } from "../../../test/mount";
import { leaderboard } from "../../compare/leaderboard/leaderboard-fixtures";
import { comparison, sessionsMain, vote } from "../session-fixtures";
import MergePanel from "./MergePanel.vue";

afterEach(unmountAll);

const DIR = "/home/ana/workbench/sessions";
const entry = (name: string, overrides: Partial<SessionEntry> = {}): SessionEntry => ({
  path: `${DIR}/${name}.polyglot-session.json`, title: name, comparisons: 2, votes: 2, raters: [name], updatedAt: "2025-05-02T09:00:00.000Z", error: null,
  ...overrides,
});
const amina = entry("amina");
const jonas = entry("jonas");
const broken = entry("broken", { title: "", error: { code: "INVALID_INPUT", message: "Unexpected end of JSON at line 40.", file: `${DIR}/broken.polyglot-session.json` } });

describe("MergePanel", () => {
  it("merges the chosen files (and one by path) into the output file, then reports raters, kappa, conflicts and the leaderboard", async () => {
    const merged = comparison({ id: "c-1", votes: [vote({ rater: "amina", winner: "a" }), vote({ rater: "jonas", winner: "b" })] });
    const main = sessionsMain({ comparisons: [merged] })
      .handle("session.list", () => ({ current: amina.path, recent: [amina], workspace: [amina, jonas, broken] }))
      .handle("session.merge", ({ paths, out }) => ({
        path: `/home/ana/workbench/${out}`,
        report: {
          files: paths, comparisons: 2, votes: 4, raters: ["amina", "jonas"],
          agreement: { method: "cohen", kappa: 0.5, items: 2 },
          conflicts: [{ comparisonId: "c-1", pair: [0, 1], verdicts: { amina: "a", jonas: "b" } }],
        },
        leaderboard: leaderboard(),
      }));
    const { wrapper } = await mountConnected(MergePanel, main);

    // Each file once (amina is recent and in the workspace); the broken one says why and cannot be chosen.
    const rows = wrapper.findAll('[data-testid="session-entry"]');
    expect(rows.map((row) => row.attributes("data-path"))).toEqual([amina.path, jonas.path, broken.path]);
    expect(rows[2].text()).toContain("Unexpected end of JSON at line 40.");
    expect(rows[2].find("input").exists()).toBe(false);
    await wrapper.get(`input[value="${amina.path}"]`).setValue(true);
    expect(wrapper.get('[data-testid="merge-run"]').attributes("disabled")).toBeDefined();
    await wrapper.get(`input[value="${jonas.path}"]`).setValue(true);
    await wrapper.get('[data-testid="merge-other-path"]').setValue("/mnt/usb/kofi.polyglot-session.json");
    await wrapper.get("form.other-file").trigger("submit");
    await wrapper.get('[data-testid="merge-out"]').setValue("sessions/team.polyglot-session.json");
    await wrapper.get('[data-testid="merge-force"]').setValue(true);
    expect(wrapper.get('[data-testid="merge-run"]').text()).toBe("Merge 3 files");
    await wrapper.get("form.merge-form").trigger("submit");
    await settle();

    expect(main.callsOf("session.merge")).toEqual([{
      paths: [amina.path, jonas.path, "/mnt/usb/kofi.polyglot-session.json"], out: "sessions/team.polyglot-session.json", force: true, open: true,
    }]);
    const report = wrapper.get('[data-testid="merge-report"]');
    expect(report.get('[data-testid="merge-path"]').text()).toBe("/home/ana/workbench/sessions/team.polyglot-session.json");
    expect(report.get('[data-testid="merge-counts"]').text()).toBe("3 files → 2 comparisons, 4 votes");
    expect(report.get('[data-testid="agreement-raters"]').text()).toBe("amina, jonas");
    expect(report.get('[data-testid="agreement-kappa"]').text()).toBe("Cohen's κ = 0.50 on 2 items (moderate)");
    const conflicts = report.findAll('[data-testid="conflict"]').map((row) => ({
      prompt: row.get("th").text(), pair: row.get("td").text(), verdicts: row.findAll("li").map((item) => item.text()),
    }));
    expect(conflicts).toEqual([{
      prompt: "Salamu za asubuhi", pair: "polyglot-base vs polyglot-continued",
      verdicts: ["amina: polyglot-base is better", "jonas: polyglot-continued is better"],
    }]);
    expect(report.findAll('[data-testid="leaderboard-row"]').map((row) => row.attributes("data-model-name"))).toEqual(["polyglot-sw", "base", "مترجم"]);
  });

  it("shows main's refusal (the output exists) and no report", async () => {
    const out = `${DIR}/merged.polyglot-session.json`;
    const main = sessionsMain({ comparisons: [comparison()] })
      .handle("session.list", () => ({ current: amina.path, recent: [], workspace: [amina, jonas] }))
      .handle("session.merge", () => {
        throw new AppError({ code: "INVALID_INPUT", file: out, message: `${out} exists: choose another name or replace it.` });
      });
    const { wrapper } = await mountConnected(MergePanel, main);

    for (const path of [amina.path, jonas.path]) await wrapper.get(`input[value="${path}"]`).setValue(true);
    await wrapper.get("form.merge-form").trigger("submit");
    await settle();

    expect(main.callsOf("session.merge")).toEqual([{ paths: [amina.path, jonas.path], out: "sessions/merged.polyglot-session.json", force: false, open: true }]);
    expect(wrapper.get('[role="alert"]').text()).toContain(`File: ${out}`);
    expect(wrapper.find('[data-testid="merge-report"]').exists()).toBe(false);
  });
});
