import type { Result } from "@contract/api";
import { MARCO_LLM_TIERS, type DeltaRow } from "@contract/eval";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, h } from "vue";
import type { FakeMain } from "../../../test/fake-main";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import { spyOnDownloads } from "../../../test/downloads";
import { CHRF_SIGNATURE, RUN_A, RUN_B, TEST_TIERS } from "./results-fixtures";
import ResultsPanel from "./ResultsPanel.vue";

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const delta = (lang: string, runId: string, model: string, value: number, pValue: number | null): DeltaRow => ({
  lang, checkpoint: { runId, model }, n: 500, baseline: 0.5, value: 0.5 + value, delta: value,
  ci: [value - 0.04, value + 0.04], pValue,
});

/** eval.delta against run A's polyglot-base: continued +7.0 (p 0.004) and run B +11.0 (p 0.0004) on Swahili, small on English. */
const DELTAS: DeltaRow[] = [
  delta("eng_Latn", "run-a", "polyglot-continued", -0.02, 0.41),
  delta("eng_Latn", "run-b", "polyglot-base", 0.02, 0.38),
  delta("swh_Latn", "run-a", "polyglot-continued", 0.07, 0.004),
  delta("swh_Latn", "run-b", "polyglot-base", 0.11, 0.0004),
];

function resultsMain(): FakeMain {
  const runs: Record<string, Result<"eval.run">> = { "run-a": RUN_A, "run-b": RUN_B };
  return fakeMain()
    .handle("eval.run", ({ runId }) => runs[runId])
    .handle("eval.tiers", () => TEST_TIERS)
    .handle("eval.setTiers", (set) => set)
    .handle("eval.delta", () => DELTAS)
    .handle("eval.items", () => ({ total: 0, items: [] }));
}

async function mountPanel(main: FakeMain, runIds = ["run-a", "run-b"]): Promise<VueWrapper> {
  const Host = defineComponent({ setup: () => () => h(ResultsPanel, { runIds }) });
  const { wrapper } = await mountConnected(Host, main);
  return wrapper;
}

async function openTab(wrapper: VueWrapper, label: string): Promise<void> {
  await wrapper.findAll('[role="tab"]').find((tab) => tab.text() === label)!.trigger("click");
  await settle();
}

const button = (wrapper: VueWrapper, name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;
const tableRows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="language-row"]');
const shownLangs = (wrapper: VueWrapper) => tableRows(wrapper).map((row) => row.attributes("data-lang"));

describe("ResultsPanel", () => {
  it("asks the user to pick runs when none is selected", async () => {
    const wrapper = await mountPanel(resultsMain(), []);
    expect(wrapper.get('[data-testid="results-empty"]').text()).toBe("Select one or more runs to see their results.");
  });

  it("tables each checkpoint's accuracy ×100 per language with its 95 % interval and n, the best of each row marked", async () => {
    const wrapper = await mountPanel(resultsMain());

    expect(wrapper.findAll('[data-testid="language-table"] thead th').map((th) => th.text())).toEqual([
      "Code ▲", "Language", "polyglot-base (baseline sweep)", "polyglot-continued", "polyglot-base (after sft)",
    ]);
    expect(shownLangs(wrapper)).toEqual(["eng_Latn", "quy_Latn", "swh_Latn", "tha_Thai"]);
    const swahili = tableRows(wrapper)[2];
    expect(swahili.get('[data-column="name"]').text()).toBe("Swahili");
    expect(swahili.findAll("td.result").map((td) => [td.get(".value").text(), td.get(".ci").text(), td.get(".n").text()])).toEqual([
      ["55.0", "50.6–59.4", "n = 500"],
      ["62.0", "57.8–66.1", "n = 500"],
      ["66.0", "61.8–70.2", "n = 500"],
    ]);
    expect(swahili.findAll("td.result").map((td) => td.classes().includes("best"))).toEqual([false, false, true]);
    expect(swahili.get("td.best").text()).toContain("(best)");
    // One item: no interval.
    expect(tableRows(wrapper)[1].get("td.result .ci").text()).toBe("—");
    // Run B has no Thai result.
    expect(tableRows(wrapper)[3].findAll("td.result")[2].text()).toBe("—");
  });

  it("sorts by a checkpoint's column (best first, then reversed) with aria-sort on its header", async () => {
    const wrapper = await mountPanel(resultsMain());
    const header = (name: string) => wrapper.findAll('[data-testid="language-table"] thead th').find((th) => th.text().startsWith(name))!;

    await header("polyglot-continued").get("button").trigger("click");
    expect(header("polyglot-continued").attributes("aria-sort")).toBe("descending");
    expect(header("Code").attributes("aria-sort")).toBeUndefined();
    expect(shownLangs(wrapper)).toEqual(["eng_Latn", "swh_Latn", "tha_Thai", "quy_Latn"]);

    await header("polyglot-continued").get("button").trigger("click");
    expect(header("polyglot-continued").attributes("aria-sort")).toBe("ascending");
    expect(shownLangs(wrapper)).toEqual(["quy_Latn", "tha_Thai", "swh_Latn", "eng_Latn"]);

    await header("Language").get("button").trigger("click");
    expect(shownLangs(wrapper)).toEqual(["quy_Latn", "eng_Latn", "swh_Latn", "tha_Thai"]);
  });

  it("filters the rows by code or name, and by tier", async () => {
    const wrapper = await mountPanel(resultsMain());

    await wrapper.get('[data-testid="language-filter"]').setValue("thai");
    expect(shownLangs(wrapper)).toEqual(["tha_Thai"]);
    await wrapper.get('[data-testid="language-filter"]').setValue("");

    const tier = wrapper.get<HTMLSelectElement>('[data-testid="tier-filter"]');
    expect(tier.findAll("option").map((option) => option.text())).toEqual(["All tiers", "High", "Low", "Untiered"]);
    await tier.setValue("1"); // the second option's value, tier index 1
    expect(shownLangs(wrapper)).toEqual(["swh_Latn", "tha_Thai"]);
    await tier.setValue("untiered");
    expect(shownLangs(wrapper)).toEqual(["quy_Latn"]);

    // The heatmap shows the same languages, and says so.
    await openTab(wrapper, "Heatmap");
    expect(wrapper.findAll('[data-testid="heatmap-cell"]').map((cell) => cell.attributes("aria-label"))).toEqual([
      "quy_Latn · polyglot-base (baseline sweep): 100.0", "quy_Latn · polyglot-continued: 0.0",
    ]);
    expect(wrapper.get(".filtered").text()).toBe("Showing 1 of 4 languages, as filtered on the Table tab.");
  });

  it("switches to another task and shows flores' chrF with its signature", async () => {
    const wrapper = await mountPanel(resultsMain());
    expect(wrapper.find('[data-testid="signatures"]').exists()).toBe(false);

    await wrapper.get('[data-testid="results-task"]').setValue("flores");
    expect(wrapper.get<HTMLSelectElement>('[data-testid="results-metric"]').element.value).toBe("chrf");
    expect(tableRows(wrapper).map((row) => [row.attributes("data-lang"), row.get('[data-column="name"]').text()])).toEqual([
      ["eng_Latn-swh_Latn", "English → Swahili"],
    ]);
    expect(tableRows(wrapper)[0].findAll("td.result").map((td) => td.text())).toEqual(["—", "41.239.1–43.4n = 1012", "—"]);
    expect(wrapper.get('[data-testid="signatures"] code').text()).toBe(CHRF_SIGNATURE);
  });

  it("draws a heatmap whose cells are named by language, checkpoint and value", async () => {
    const wrapper = await mountPanel(resultsMain());
    await openTab(wrapper, "Heatmap");

    const names = wrapper.findAll('[data-testid="heatmap-cell"]').map((cell) => cell.attributes("aria-label"));
    expect(names).toHaveLength(10); // 4 languages × 3 checkpoints; run B has neither Quechua nor Thai
    expect(names.slice(0, 3)).toEqual([
      "eng_Latn · polyglot-base (baseline sweep): 80.0",
      "eng_Latn · polyglot-continued: 78.0",
      "eng_Latn · polyglot-base (after sft): 82.0",
    ]);
    const swahili = wrapper.get('[aria-label="swh_Latn · polyglot-continued: 62.0"]');
    expect(swahili.attributes("role")).toBe("button");
    expect(swahili.attributes("tabindex")).toBe("0");
    expect(swahili.get("title").text()).toBe("swh_Latn (Swahili) · polyglot-continued: 62.0 (95 % CI 57.8–66.1), n = 500");
    expect(swahili.get("text").text()).toBe("62.0");
    // The best value shown (quy_Latn's 100.0) is yellow, the worst (0.0) dark purple.
    expect(wrapper.get('[aria-label="quy_Latn · polyglot-base (baseline sweep): 100.0"] rect').attributes("fill")).toBe("rgb(253, 231, 37)");
    expect(wrapper.get('[aria-label="quy_Latn · polyglot-continued: 0.0"] rect').attributes("fill")).toBe("rgb(68, 1, 84)");
  });

  it("opens the items behind a heatmap cell, asking main for the first page of that language and checkpoint", async () => {
    const main = resultsMain();
    const wrapper = await mountPanel(main);
    await openTab(wrapper, "Heatmap");

    await wrapper.get('[aria-label="swh_Latn · polyglot-base (after sft): 66.0"]').trigger("click");
    await settle();

    expect(main.callsOf("eval.items")).toEqual([{
      runId: "run-b", model: "polyglot-base", task: "xcopa", lang: "swh_Latn", query: "", outcome: "all", sort: "id", offset: 0, limit: 200,
    }]);
    expect(wrapper.get("#eval-drilldown-heading").text()).toBe("Items: swh_Latn (Swahili) · polyglot-base (after sft) · XCOPA");
    expect(wrapper.get('[data-testid="item-count"]').text()).toBe("0 items");

    await wrapper.findAll('input[name="item-outcome"]').find((input) => (input.element as HTMLInputElement).value === "wrong")!.setValue(true);
    await wrapper.get('[data-testid="item-sort"]').setValue("score");
    await settle();
    expect(main.callsOf("eval.items").at(-1)).toMatchObject({ outcome: "wrong", sort: "score", offset: 0 });

    await button(wrapper, "Close").trigger("click");
    expect(wrapper.find('[data-testid="item-drilldown"]').exists()).toBe(false);
  });

  it("opens a cell's items from the keyboard too", async () => {
    const main = resultsMain();
    const wrapper = await mountPanel(main);
    await openTab(wrapper, "Heatmap");

    await wrapper.get('[aria-label="tha_Thai · polyglot-continued: 58.0"]').trigger("keydown", { key: "Enter" });
    await settle();
    expect(main.callsOf("eval.items")).toEqual([expect.objectContaining({ runId: "run-a", model: "polyglot-continued", lang: "tha_Thai" })]);
  });

  it("shows each checkpoint's difference from the baseline with its interval and p-value, marking p < 0.05", async () => {
    const main = resultsMain();
    const wrapper = await mountPanel(main);
    await openTab(wrapper, "Delta vs baseline");

    expect(main.callsOf("eval.delta")).toEqual([{
      task: "xcopa", metric: "acc", baseline: { runId: "run-a", model: "polyglot-base" },
      others: [{ runId: "run-a", model: "polyglot-continued" }, { runId: "run-b", model: "polyglot-base" }],
    }]);
    const table = wrapper.get('[data-testid="delta-table"]');
    expect(table.findAll("thead th").map((th) => th.text())).toEqual(["Code", "Language", "polyglot-continued", "polyglot-base (after sft)"]);
    const cells = (lang: string) => table.get(`[data-lang="${lang}"]`).findAll("td.delta");
    expect(cells("swh_Latn").map((td) => [td.get(".value").text(), td.get(".ci").text(), td.get(".p").text(), td.classes().includes("significant")])).toEqual([
      ["+7.0*", "+3.0 to +11.0", "p = 0.004", true],
      ["+11.0*", "+7.0 to +15.0", "p = < 0.001", true],
    ]);
    expect(cells("eng_Latn").map((td) => [td.get(".value").text(), td.get(".p").text(), td.classes()])).toEqual([
      ["\u22122.0", "p = 0.410", ["delta", "figures", "worse"]],
      ["+2.0", "p = 0.380", ["delta", "figures", "better"]],
    ]);
    expect(cells("tha_Thai").map((td) => td.text())).toEqual(["—", "—"]);

    await wrapper.get('[data-testid="baseline"]').setValue(wrapper.findAll('[data-testid="baseline"] option')[2].element.getAttribute("value"));
    await settle();
    expect(main.callsOf("eval.delta").at(-1)).toMatchObject({ baseline: { runId: "run-b", model: "polyglot-base" } });
  });

  it("averages each tier per checkpoint, shows the high − low gap and lists untiered languages", async () => {
    const wrapper = await mountPanel(resultsMain());
    await openTab(wrapper, "Resource tiers");

    const row = (tier: string) => wrapper.get(`[data-tier="${tier}"]`).findAll("td").map((td) => td.text());
    // High: English. Low: (55 + 51) / 2 = 53, (62 + 58) / 2 = 60, run B Swahili alone 66.
    expect(row("High")).toEqual(["80.01 language", "78.01 language", "82.01 language"]);
    expect(row("Low")).toEqual(["53.02 languages", "60.02 languages", "66.01 language"]);
    const gap = wrapper.get('[data-testid="tier-gap"]');
    expect(gap.get("th").text()).toBe("Gap (High − Low)");
    expect(gap.findAll("td").map((td) => td.text())).toEqual(["+27.0", "+18.0", "+16.0"]);
    expect(wrapper.get('[data-testid="untiered"]').text()).toContain("quy_Latn");
  });

  it("edits the tiers and saves them with eval.setTiers", async () => {
    const main = resultsMain();
    const wrapper = await mountPanel(main);
    await openTab(wrapper, "Resource tiers");

    await button(wrapper, "Edit tiers").trigger("click");
    await button(wrapper, "Add tier").trigger("click");
    await wrapper.get('[data-testid="tier-name-2"]').setValue("Very low");
    await wrapper.get('[data-testid="tier-langs-2"]').setValue("quy_Latn, tha_Thai");
    expect(wrapper.get(".problem").text()).toBe("tha_Thai is in tier 2 and tier 3; a language belongs to one tier.");
    expect(button(wrapper, "Save tiers").attributes("disabled")).toBeDefined();

    await wrapper.get('[data-testid="tier-langs-2"]').setValue("quy_Latn\nqu");
    expect(wrapper.get(".problem").text()).toBe('Tier 3: "qu" is not a Flores-200 code such as swh_Latn.');
    await wrapper.get('[data-testid="tier-langs-2"]').setValue("quy_Latn");
    await button(wrapper, "Save tiers").trigger("submit");
    await settle();

    expect(main.callsOf("eval.setTiers")).toEqual([{ tiers: [...TEST_TIERS.tiers, { name: "Very low", langs: ["quy_Latn"] }] }]);
    expect(wrapper.find('[data-testid="tier-editor"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="tier-gap"] th').text()).toBe("Gap (High − Very low)");
    expect(wrapper.get('[data-testid="tier-gap"]').findAll("td").map((td) => td.text())).toEqual(["\u221220.0", "+78.0", "—"]);
    expect(wrapper.find('[data-testid="untiered"]').exists()).toBe(false);
  });

  it("resets the tiers to the Marco-LLM default and removes a tier", async () => {
    const main = resultsMain();
    const wrapper = await mountPanel(main);
    await openTab(wrapper, "Resource tiers");

    await button(wrapper, "Edit tiers").trigger("click");
    await button(wrapper, "Reset to Marco-LLM default").trigger("click");
    expect(wrapper.findAll('[data-testid="tier-draft"]')).toHaveLength(2);
    await button(wrapper, "Remove tier 2").trigger("click");
    await wrapper.get('[data-testid="tier-editor"]').trigger("submit");
    await settle();

    expect(main.callsOf("eval.setTiers")).toEqual([{ tiers: [MARCO_LLM_TIERS.tiers[0]] }]);
    expect(wrapper.find('[data-testid="tier-gap"]').exists()).toBe(false);
  });

  it("exports main's summary of each run, the task's items, and the table as shown", async () => {
    const main = resultsMain().handle("eval.export", ({ runId, what, task }) => ({
      name: `${runId}-${what}${task ? `-${task}` : ""}.csv`, mediaType: "text/csv", content: "a,b\n", records: 3,
    }));
    const wrapper = await mountPanel(main);
    const saved = spyOnDownloads();

    await button(wrapper, "Summary CSV").trigger("click");
    await settle();
    await button(wrapper, "Items CSV (XCOPA)").trigger("click");
    await settle();
    await wrapper.get('[data-testid="language-filter"]').setValue("sw");
    await button(wrapper, "Table CSV").trigger("click");
    await settle();

    expect(main.callsOf("eval.export")).toEqual([
      { runId: "run-a", what: "summary", task: null },
      { runId: "run-b", what: "summary", task: null },
      { runId: "run-a", what: "items", task: "xcopa" },
      { runId: "run-b", what: "items", task: "xcopa" },
    ]);
    expect(saved.map((file) => file.name)).toEqual([
      "run-a-summary.csv", "run-b-summary.csv", "run-a-items-xcopa.csv", "run-b-items-xcopa.csv", "xcopa-acc-by-language.csv",
    ]);
    expect(await saved[4].text).toBe(
      "lang,language,polyglot-base (baseline sweep) Accuracy,polyglot-base (baseline sweep) 95% CI,polyglot-base (baseline sweep) n,"
      + "polyglot-continued Accuracy,polyglot-continued 95% CI,polyglot-continued n,"
      + "polyglot-base (after sft) Accuracy,polyglot-base (after sft) 95% CI,polyglot-base (after sft) n\n"
      + "swh_Latn,Swahili,55.0,50.6–59.4,500,62.0,57.8–66.1,500,66.0,61.8–70.2,500\n",
    );
    expect(wrapper.get('[data-testid="eval-export-result"]').text()).toBe("Saved xcopa-acc-by-language.csv (1 record)");
  });
});
