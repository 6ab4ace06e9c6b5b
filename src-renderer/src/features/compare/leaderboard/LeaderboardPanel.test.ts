import type { ExportedFile, ExportRequest } from "@contract/compare";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FakeMain } from "../../../test/fake-main";
import { spyOnDownloads } from "../../../test/downloads";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import LeaderboardPanel from "./LeaderboardPanel.vue";
import { EMPTY_LEADERBOARD, leaderboard } from "./leaderboard-fixtures";

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

function leaderboardMain(board = leaderboard()): FakeMain {
  return fakeMain().handle("compare.leaderboard", ({ language }) => ({ ...board, language }));
}

const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="leaderboard-row"]');
const cell = (row: ReturnType<typeof rows>[number], column: string) => row.get(`[data-column="${column}"]`).text();
const button = (wrapper: VueWrapper, name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;

describe("LeaderboardPanel", () => {
  it("lists the models best first with rank, rating, 95 % interval, games and W/L/T", async () => {
    const { wrapper } = await mountConnected(LeaderboardPanel, leaderboardMain());

    expect(wrapper.get("#leaderboard-heading").text()).toBe("Leaderboard");
    expect(rows(wrapper).map((row) => row.attributes("data-model-name"))).toEqual(["polyglot-sw", "base", "مترجم"]);
    expect(rows(wrapper).map((row) => ["rank", "name", "rating", "ci", "games", "wlt"].map((column) => cell(row, column)))).toEqual([
      ["1", "polyglot-sw", "1062", "1001 – 1131", "4", "2 / 1 / 1"],
      ["2", "base", "988", "920 – 1050", "4", "2 / 2 / 0"],
      ["3", "مترجم", "950", "871 – 1020", "2", "0 / 1 / 1"],
    ]);
    expect(rows(wrapper)[2].get('[data-column="name"]').attributes("dir")).toBe("auto");
    expect(wrapper.get('[data-testid="leaderboard-votes"]').text()).toBe("5 votes");
  });

  it("plots each rating with its interval as an error bar on a scale from the lowest to the highest bound", async () => {
    const { wrapper } = await mountConnected(LeaderboardPanel, leaderboardMain());
    const plot = wrapper.get('svg[data-testid="rating-plot"]');

    expect(plot.attributes("role")).toBe("img");
    expect(plot.attributes("aria-label")).toContain("polyglot-sw 1062 (1001 – 1131)");
    const plotted = plot.findAll('[data-testid="rating-plot-row"]');
    expect(plotted.map((row) => row.attributes("data-model-name"))).toEqual(["polyglot-sw", "base", "مترجم"]);
    const geometry = plotted.map((row) => {
      const [bar] = row.findAll("line.ci");
      return { low: Number(bar.attributes("x1")), high: Number(bar.attributes("x2")), point: Number(row.get("circle").attributes("cx")) };
    });
    for (const { low, high, point } of geometry) expect(low < point && point < high).toBe(true);
    // The widest bounds (870.5 of the last, 1130.7 of the first) span the plot; the others fall inside.
    const lows = geometry.map((g) => g.low);
    const highs = geometry.map((g) => g.high);
    expect(Math.min(...lows)).toBe(lows[2]);
    expect(Math.max(...highs)).toBe(highs[0]);
    expect(geometry[0].point).toBeGreaterThan(geometry[1].point);
    expect(geometry[1].point).toBeGreaterThan(geometry[2].point);
    const axis = plot.get(".axis line");
    const [axisStart, axisEnd] = [Number(axis.attributes("x1")), Number(axis.attributes("x2"))];
    expect(lows[2]).toBeGreaterThanOrEqual(axisStart);
    expect(highs[0]).toBeLessThanOrEqual(axisEnd);
    expect(highs[0] - lows[2]).toBeGreaterThan(0.8 * (axisEnd - axisStart));
  });

  it("shows head-to-head win rates with the games behind them, and a dash where two models never met", async () => {
    const { wrapper } = await mountConnected(LeaderboardPanel, leaderboardMain());
    const matrix = wrapper.get('[data-testid="win-rate-matrix"]');

    expect(matrix.findAll("thead th").map((th) => th.text())).toEqual(["1. polyglot-sw", "2. base", "3. مترجم"]);
    const cells = matrix.findAll("tbody tr").map((tr) => tr.findAll("td").map((td) => td.text()));
    expect(cells).toEqual([
      ["—", "67 % (3)", "50 % (1)"],
      ["33 % (3)", "—", "100 % (1)"],
      ["50 % (1)", "0 % (1)", "—"],
    ]);
    const shading = matrix.findAll("tbody tr").map((tr) => tr.findAll("td").map((td) => td.classes().find((c) => ["win", "loss", "even", "unmet"].includes(c))));
    expect(shading).toEqual([
      ["unmet", "win", "even"],
      ["loss", "unmet", "win"],
      ["even", "loss", "unmet"],
    ]);
    const mix = (row: number, column: number) =>
      (matrix.findAll("tbody tr")[row].findAll("td")[column].element as HTMLElement).style.getPropertyValue("--cell-mix");
    expect(parseFloat(mix(1, 2))).toBeGreaterThan(parseFloat(mix(0, 1))); // 100 % is shaded more strongly than 67 %
  });

  it("says how to get votes when there are none", async () => {
    const { wrapper } = await mountConnected(LeaderboardPanel, leaderboardMain(EMPTY_LEADERBOARD));

    expect(wrapper.get('[data-testid="leaderboard-empty"]').text()).toBe("No votes yet: vote on a comparison in Compare (Side by side) or in Sessions.");
    expect(rows(wrapper)).toHaveLength(0);
    expect(wrapper.find('[data-testid="win-rate-matrix"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="rating-plot"]').exists()).toBe(false);
  });

  it("filters by the languages that have votes, named with their code", async () => {
    const main = leaderboardMain();
    const { wrapper } = await mountConnected(LeaderboardPanel, main);
    const select = wrapper.get<HTMLSelectElement>('select[data-testid="leaderboard-language"]');

    expect(select.findAll("option").map((option) => option.text())).toEqual(["All languages", "French (fra_Latn)", "Swahili (swh_Latn)"]);
    await select.setValue("swh_Latn");
    await settle();

    expect(main.callsOf("compare.leaderboard").at(-1)).toEqual({ language: "swh_Latn", bootstrapRounds: 1000 });
    expect(wrapper.get('[data-testid="leaderboard-votes"]').text()).toBe("5 votes on Swahili (swh_Latn) prompts");

    await select.setValue("");
    await settle();
    expect(main.callsOf("compare.leaderboard").at(-1)).toEqual({ language: null, bootstrapRounds: 1000 });
  });

  it.each<[string, ExportRequest["format"], boolean, ExportRequest["ties"]]>([
    ["DPO JSONL", "dpo", false, "exclude"],
    ["DPO chat JSONL", "dpo-chat", true, "separate"],
    ["CSV", "csv", false, "exclude"],
  ])("exports %s (format %s, separate ties: %s) and saves what comes back", async (label, format, separate, ties) => {
    const files: ExportedFile[] = [
      { name: `preferences.${format}.out`, mediaType: "application/jsonl", content: "{}\n", records: 12 },
      ...(separate ? [{ name: "preferences.ties.jsonl", mediaType: "application/jsonl", content: "", records: 1 }] : []),
    ];
    const main = leaderboardMain().handle("compare.export", () => files);
    const { wrapper } = await mountConnected(LeaderboardPanel, main);
    const saved = spyOnDownloads();

    const checkbox = wrapper.findAll("label").find((l) => l.text() === "Export ties and both-bad votes to a separate file")!.get("input");
    await checkbox.setValue(separate);
    await button(wrapper, label).trigger("click");
    await settle();

    expect(main.callsOf("compare.export")).toEqual([{ format, ties }]);
    expect(saved.map(({ name, type }) => ({ name, type }))).toEqual(files.map((file) => ({ name: file.name, type: file.mediaType })));
    expect(wrapper.get('[data-testid="export-result"]').findAll("li").map((li) => li.text())).toEqual([
      `Saved preferences.${format}.out (12 records)`,
      ...(separate ? ["Saved preferences.ties.jsonl (1 record)"] : []),
    ]);
  });

  it("shows why an export failed", async () => {
    const main = leaderboardMain().handle("compare.export", () => {
      throw new Error("disk full");
    });
    const { wrapper } = await mountConnected(LeaderboardPanel, main);
    const saved = spyOnDownloads();

    await button(wrapper, "CSV").trigger("click");
    await settle();

    expect(wrapper.get('[role="alert"]').text()).toContain("disk full");
    expect(saved).toEqual([]);
    expect(wrapper.find('[data-testid="export-result"]').exists()).toBe(false);
  });
});
