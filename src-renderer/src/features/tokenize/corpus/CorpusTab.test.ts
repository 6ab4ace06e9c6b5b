import { AppError } from "@contract/errors";
import type { FertilityReport, FertilityRequest } from "@contract/tokenize";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FakeMain } from "../../../test/fake-main";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import { spyOnDownloads } from "../../../test/downloads";
import { fertilityReport, LAB_MODELS } from "../tokenize-fixtures";
import TokenizeView from "../TokenizeView.vue";

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const DEMO_DIR = "/home/ana/workbench/datasets/parallel-demo";
const CORPUS = {
  dir: DEMO_DIR,
  languages: [
    { language: "eng_Latn", file: `${DEMO_DIR}/eng_Latn.txt`, sentences: 10 },
    { language: "swh_Latn", file: `${DEMO_DIR}/swh_Latn.txt`, sentences: 10 },
    { language: "tha_Thai", file: `${DEMO_DIR}/tha_Thai.txt`, sentences: 10 },
  ],
  aligned: true,
};

/** Main whose corpus job waits until the test finishes it (or cancel rejects it, as main's cancelled job does). */
function corpusMain(): { main: FakeMain; finish: (report: FertilityReport) => void } {
  let finish: (report: FertilityReport) => void = () => {};
  let fail: (error: AppError) => void = () => {};
  const main = fakeMain({ models: LAB_MODELS.slice(0, 2) })
    .handle("tokenize.inspectCorpus", () => CORPUS)
    .handle("tokenize.corpus", () => new Promise<FertilityReport>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    }))
    .handle("tokenize.cancelCorpus", () => {
      fail(new AppError({ code: "CANCELLED", message: "The fertility job was cancelled." }));
      return { cancelled: true };
    });
  return { main, finish: (report) => finish(report) };
}

const button = (wrapper: VueWrapper, name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;

async function openCorpus(main: FakeMain): Promise<VueWrapper> {
  const { wrapper } = await mountConnected(TokenizeView, main);
  await wrapper.get("#tokenize-tab-corpus").trigger("click");
  await settle();
  return wrapper;
}

async function readAndRun(wrapper: VueWrapper): Promise<void> {
  await button(wrapper, "Read").trigger("click");
  await settle();
  await wrapper.get('form[aria-label="Corpus to measure"]').trigger("submit");
  await settle();
}

describe("Tokenizers view, corpus mode", () => {
  it("starts at the demo workspace's parallel corpus and lists its languages with sentence counts, all ticked", async () => {
    const { main } = corpusMain();
    const wrapper = await openCorpus(main);
    expect(wrapper.get<HTMLInputElement>("#corpus-dir").element.value).toBe(DEMO_DIR);
    expect(button(wrapper, "Run").attributes("disabled")).toBeDefined(); // until read

    await button(wrapper, "Read").trigger("click");
    await settle();
    expect(main.callsOf("tokenize.inspectCorpus")).toEqual([{ dir: DEMO_DIR }]);
    const languages = wrapper.get('[data-testid="corpus-languages"]');
    expect(languages.get("legend").text()).toBe("Languages in the corpus (3)");
    expect(languages.findAll("li").map((item) => item.text())).toEqual([
      "English (eng_Latn) · 10 sentences", "Swahili (swh_Latn) · 10 sentences", "Thai (tha_Thai) · 10 sentences",
    ]);
    expect(languages.findAll<HTMLInputElement>("input").every((input) => input.element.checked)).toBe(true);
    expect(wrapper.get<HTMLSelectElement>('[data-testid="corpus-reference"]').element.value).toBe("eng_Latn");
  });

  it("shows main's error for a folder it cannot read, naming it", async () => {
    const main = fakeMain().handle("tokenize.inspectCorpus", ({ dir }) => {
      throw new AppError({ code: "NOT_FOUND", message: `No folder ${dir}: type the folder holding one file per language.`, file: dir });
    });
    const wrapper = await openCorpus(main);
    await wrapper.get("#corpus-dir").setValue("/nowhere");
    await button(wrapper, "Read").trigger("click");
    await settle();
    expect(wrapper.get('[role="alert"]').text()).toBe("No folder /nowhere: type the folder holding one file per language.File: /nowhere");
    expect(wrapper.find('[data-testid="corpus-languages"]').exists()).toBe(false);
  });

  it("runs with a job id of its own, sends the chosen languages, reference and limit, and follows that job's progress", async () => {
    const { main, finish } = corpusMain();
    const wrapper = await openCorpus(main);
    await button(wrapper, "Read").trigger("click");
    await settle();
    await wrapper.get('[data-language="tha_Thai"] input').setValue(false);
    await wrapper.get('[data-testid="corpus-reference"]').setValue("swh_Latn");
    await wrapper.findAll("label").find((label) => label.text().startsWith("Sentences per language"))!.get("input").setValue("5");
    await wrapper.get('form[aria-label="Corpus to measure"]').trigger("submit");
    await settle();

    const [request] = main.callsOf("tokenize.corpus") as FertilityRequest[];
    expect(request).toEqual({
      jobId: expect.stringMatching(/^fertility-/), corpusDir: DEMO_DIR, languages: ["eng_Latn", "swh_Latn"],
      modelIds: ["m-spm", "m-bpe"], reference: "swh_Latn", limit: 5,
    });
    expect(wrapper.get('[data-testid="corpus-progress"]').text()).toBe("Starting…");

    main.emit("tokenize.corpusProgress", { jobId: "someone-else", done: 99, total: 100, itemsPerSecond: 1, etaSeconds: 1 });
    main.emit("tokenize.corpusProgress", { jobId: request.jobId, done: 8, total: 20, itemsPerSecond: 4, etaSeconds: 3 });
    await settle();
    const bar = wrapper.get('[role="progressbar"]');
    expect([bar.attributes("aria-valuenow"), bar.attributes("aria-valuemax")]).toEqual(["8", "20"]);
    expect(wrapper.get('[data-testid="corpus-progress-rate"]').text()).toBe("4.0 sentences/s");
    expect(wrapper.get('[data-testid="corpus-progress-eta"]').text()).toBe("ETA 3 s");
    expect(button(wrapper, "Run").attributes("disabled")).toBeDefined();

    main.emit("tokenize.corpusProgress", { jobId: request.jobId, done: 20, total: 20, itemsPerSecond: 5, etaSeconds: 0 });
    await settle();
    finish(fertilityReport());
    await settle();
    // The bar stays at the end; the rate goes, as nothing runs.
    expect(wrapper.get('[role="progressbar"]').attributes("aria-valuenow")).toBe("20");
    expect(wrapper.find('[data-testid="corpus-progress-rate"]').exists()).toBe(false);
    expect(button(wrapper, "Cancel")).toBeUndefined();
    expect(wrapper.get('[data-testid="corpus-summary"]').text()).toBe("3 languages × 2 tokenizers, premium vs English (eng_Latn), in 1.5 s");
  });

  it("sends no language list when every language is ticked (main then measures all)", async () => {
    const { main } = corpusMain();
    const wrapper = await openCorpus(main);
    await readAndRun(wrapper);
    expect(main.callsOf("tokenize.corpus")).toEqual([expect.objectContaining({ languages: [], reference: "eng_Latn" })]);
    expect(main.callsOf("tokenize.corpus")[0]).not.toHaveProperty("limit");
  });

  it("cancels the job it started and says so, with no figures", async () => {
    const { main } = corpusMain();
    const wrapper = await openCorpus(main);
    await readAndRun(wrapper);
    const [{ jobId }] = main.callsOf("tokenize.corpus") as FertilityRequest[];

    await button(wrapper, "Cancel").trigger("click");
    await settle();
    expect(main.callsOf("tokenize.cancelCorpus")).toEqual([{ jobId }]);
    expect(wrapper.get('[data-testid="corpus-cancelled"]').text()).toBe("Cancelled: no figures for a job cut short.");
    expect(wrapper.find('[data-testid="fertility-table"]').exists()).toBe(false);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(button(wrapper, "Run").attributes("disabled")).toBeUndefined();
  });

  it("tables every language × tokenizer, sortable by any column", async () => {
    const { main, finish } = corpusMain();
    const wrapper = await openCorpus(main);
    await readAndRun(wrapper);
    finish(fertilityReport());
    await settle();

    const table = wrapper.get('[data-testid="fertility-table"]');
    expect(table.findAll("thead th").map((th) => th.text())).toEqual([
      "Language", "Tokenizer", "Sentences", "Words", "Characters", "Bytes", "Tokens", "Tokens/word", "Premium vs eng_Latn",
    ]);
    const rows = () => wrapper.findAll('[data-testid="fertility-row"]');
    expect(rows()[2].findAll("th, td").map((cell) => cell.text())).toEqual([
      "Thai (tha_Thai)", "fixture-spm-tokenizer", "10", "20", "250", "740", "300", "15.00", "3.00",
    ]);

    await table.get('[data-column="premium"] button').trigger("click");
    expect(rows().map((row) => row.get('[data-column="premium"]').text())).toEqual(["1.00", "1.00", "1.25", "1.50", "3.00", "5.00"]);
    expect(table.get('[data-column="premium"]').attributes("aria-sort")).toBe("ascending");
    await table.get('[data-column="premium"] button').trigger("click");
    expect(rows().map((row) => row.get('[data-column="premium"]').text())).toEqual(["5.00", "3.00", "1.50", "1.25", "1.00", "1.00"]);
    expect(table.get('[data-column="premium"]').attributes("aria-sort")).toBe("descending");
  });

  it("charts one bar per language × tokenizer carrying the table's value, switchable to the premium with its line at 1.0", async () => {
    const { main, finish } = corpusMain();
    const wrapper = await openCorpus(main);
    await readAndRun(wrapper);
    finish(fertilityReport());
    await settle();

    const chart = wrapper.get('[data-testid="fertility-chart"]');
    expect(chart.attributes("role")).toBe("img");
    expect(chart.attributes("aria-label")).toMatch(/^Bar chart of tokens per word for 3 languages and 2 tokenizers\. Highest: Thai \(tha_Thai\) with fixture-bpe-tokenizer, 20\.00\./);
    const bars = () => wrapper.findAll('[data-testid="fertility-bar"]').map((bar) => [bar.attributes("data-language"), bar.attributes("data-model-id"), Number(bar.attributes("data-value"))]);
    expect(bars()).toEqual([
      ["eng_Latn", "m-spm", 2], ["eng_Latn", "m-bpe", 1.6], ["swh_Latn", "m-spm", 3.75],
      ["swh_Latn", "m-bpe", 2.5], ["tha_Thai", "m-spm", 15], ["tha_Thai", "m-bpe", 20],
    ]);
    // Each bar's value is the table's, as the table rounds it.
    for (const [language, modelId, value] of bars()) {
      const row = wrapper.get(`[data-testid="fertility-row"][data-language="${language}"][data-model-id="${modelId}"]`);
      expect(row.get('[data-column="tokensPerWord"]').text()).toBe((value as number).toFixed(2));
    }
    expect(chart.find('[data-testid="parity-line"]').exists()).toBe(false);
    expect(chart.findAll(".legend text").map((text) => text.text())).toEqual(["fixture-spm-tokenizer", "fixture-bpe-tokenizer"]);
    expect(chart.findAll("text.axis-title").map((text) => text.text())).toEqual(["Tokens per word", "Language (by premium, cheapest first)"]);

    await wrapper.findAll("label").find((label) => label.text() === "Token premium")!.get("input").setValue(true);
    expect(bars().map(([, , value]) => value)).toEqual([1, 1, 1.5, 1.25, 3, 5]);
    expect(chart.find('[data-testid="parity-line"]').exists()).toBe(true);
    expect(chart.get('[data-testid="parity-legend"]').text()).toBe("1.0 = as many tokens as eng_Latn");
    expect(chart.findAll("text.axis-title")[0].text()).toBe("Token premium vs English (eng_Latn)");
  });

  it("exports the table as shown as CSV, and says what it saved", async () => {
    const saved = spyOnDownloads();
    const { main, finish } = corpusMain();
    const wrapper = await openCorpus(main);
    await readAndRun(wrapper);
    finish(fertilityReport());
    await settle();
    await wrapper.get('[data-testid="fertility-table"] [data-column="tokens"] button').trigger("click");
    await button(wrapper, "Export CSV").trigger("click");
    await settle();

    expect(saved.map((file) => file.name)).toEqual(["fertility-by-language.csv"]);
    const lines = (await saved[0].text).trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^language,language_name,tokenizer,model_id,sentences,words,characters,bytes,tokens,/);
    // Sorted by tokens, as the table was: bpe eng 80 first, bpe tha 400 last.
    expect(lines[1]).toBe("eng_Latn,English,fixture-bpe-tokenizer,m-bpe,10,50,280,280,80,1.6,0.2857,3.5,0,1");
    expect(lines[6]).toMatch(/^tha_Thai,Thai,fixture-bpe-tokenizer,m-bpe,10,20,250,740,400,20,1\.6,1\.85,0,5$/);
    expect(wrapper.get('[data-testid="corpus-export-result"]').text()).toBe("Saved fertility-by-language.csv (6 records)");
  });
});
