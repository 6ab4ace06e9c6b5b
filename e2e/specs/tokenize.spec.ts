import { readFile } from "node:fs/promises";
import { expect, test as base } from "../fixtures/test";
import { TokenizePage } from "../pages/tokenize-page";

/** The demo workspace's tokenizer-only fixtures (src-main/fixtures/fixture-tokenizers.ts). */
const SPM_TOKENIZER_NAME = "fixture-spm-tokenizer";
const BPE_TOKENIZER_NAME = "fixture-bpe-tokenizer";
const TOKENIZERS = [SPM_TOKENIZER_NAME, BPE_TOKENIZER_NAME];

/** As much of the API's answers as this spec reads (the contract's types are main's, outside the E2E project). */
interface TokenizeAnswer {
  results: { tokenizer: { name: string }; ids: number[]; tokens: { id: number; kind: string }[]; roundTrips: boolean }[];
}
interface CorpusAnswer {
  languages: { language: string; sentences: number }[];
}
interface FertilityAnswer {
  rows: { language: string; modelId: string; tokens: number }[];
}
/**
 * Swahili (Latin), Thai and Arabic, one line each: sentences written for this test. "Bendera" holds
 * "er", a piece only the SPM fixture has, so the two tokenizers' counts differ (107 and 108).
 */
const TEXT = "Bendera ya watu ni nzuri sana, habari njema.\nภาษาไทยสวยงามมาก\nمرحبا بالعالم الجميل";

const test = base.extend<{ tokenizePage: TokenizePage }>({
  tokenizePage: async ({ page }, use) => {
    await use(new TokenizePage(page));
  },
});

// An app of its own on a fresh demo workspace (see compare.spec.ts): its models and corpus as written.
test.use({ appTarget: [async ({ appTarget }, use) => use(appTarget), { scope: "worker" }] });

test("text in three scripts through two tokenizers, then fertility over the demo parallel corpus", async ({ page, app, workbench, tokenizePage }) => {
  await tokenizePage.open();
  const models = (await workbench.callApi("models.list", {})) as { id: string; metadata: { name: string | null } | null }[];
  const idOf = (name: string) => models.find((model) => model.metadata?.name === name)!.id;
  const modelIds = TOKENIZERS.map(idOf);

  await test.step("paste Swahili, Thai and Arabic; tick the fixture SPM and BPE tokenizers", async () => {
    await tokenizePage.chooseTokenizers(TOKENIZERS);
    await tokenizePage.textField().fill(TEXT);
    await tokenizePage.textField().press("End"); // typing settles; the lab tokenizes after the pause
    await expect(page.getByTestId("tokenization")).toHaveCount(2);
  });

  const direct = (await workbench.callApi("tokenize.text", { text: TEXT, modelIds })) as TokenizeAnswer;
  await test.step("each tokenizer's tokens are the backend's, and the two tokenizers cut the text differently", async () => {
    const counts: number[] = [];
    for (const [index, name] of TOKENIZERS.entries()) {
      const expected = direct.results[index];
      expect(expected.tokenizer.name).toBe(name);
      expect(await tokenizePage.tokenCount(name)).toBe(expected.ids.length);
      await expect(tokenizePage.chips(name)).toHaveCount(expected.ids.length);
      const ids = await tokenizePage.chips(name).evaluateAll((chips) => chips.map((chip) => Number(chip.getAttribute("data-id"))));
      expect(ids).toEqual(expected.ids);
      await expect(tokenizePage.metricsRow(modelIds[index]).locator('[data-column="tokens"]')).toHaveText(String(expected.ids.length));
      await expect(tokenizePage.tokenization(name).getByTestId("round-trip")).toHaveAttribute("data-round-trips", String(expected.roundTrips));
      counts.push(expected.ids.length);
    }
    expect(counts[0], "SPM and BPE give different counts").not.toBe(counts[1]);
  });

  await test.step("bytes of characters the vocabularies lack are marked: SPM's byte fallback, BPE's partial characters", async () => {
    const [spm, bpe] = direct.results;
    const kindCount = (result: typeof spm, kind: string) => result.tokens.filter((token) => token.kind === kind).length;
    expect(kindCount(spm, "byte"), "Thai and Arabic fall back to bytes in the SPM fixture").toBeGreaterThan(0);
    expect(kindCount(bpe, "partial"), "Thai and Arabic are cut into partial characters by the BPE fixture").toBeGreaterThan(0);
    await expect(tokenizePage.chips(SPM_TOKENIZER_NAME).and(page.locator('[data-kind="byte"]'))).toHaveCount(kindCount(spm, "byte"));
    await expect(tokenizePage.chips(BPE_TOKENIZER_NAME).and(page.locator('[data-kind="partial"]'))).toHaveCount(kindCount(bpe, "partial"));
    // The first byte of a Thai character (the newline before it is a byte token too, shown as ↵).
    const byteChip = tokenizePage.chips(SPM_TOKENIZER_NAME).and(page.locator('[data-kind="byte"]')).filter({ hasText: /^<0xE0>/ }).first();
    await expect(byteChip).toBeVisible();
    // A byte chip looks unlike a text chip: a dashed border, not only another colour.
    expect(await byteChip.evaluate((chip) => getComputedStyle(chip).borderTopStyle)).toBe("dashed");
    await byteChip.focus();
    await expect(tokenizePage.tokenization(SPM_TOKENIZER_NAME).getByTestId("token-details")).toContainText("Byte fallback");
  });

  await test.step("each line of chips takes its own direction: the Arabic line runs right to left", async () => {
    const directions = await tokenizePage.tokenization(SPM_TOKENIZER_NAME).locator(".chip-line")
      .evaluateAll((lines) => lines.map((line) => getComputedStyle(line).direction));
    expect(directions).toEqual(["ltr", "ltr", "rtl"]);
  });

  const corpusDir = `${app.workspaceDir}/datasets/parallel-demo`;
  const corpus = (await workbench.callApi("tokenize.inspectCorpus", { dir: corpusDir })) as CorpusAnswer;
  const languages = corpus.languages.map(({ language }) => language);
  const sentences = corpus.languages[0].sentences;
  expect(corpus.languages.map((entry) => entry.sentences), "an aligned corpus").toEqual(languages.map(() => sentences));
  await test.step("corpus mode reads the demo parallel corpus: every language, all ticked", async () => {
    await tokenizePage.openTab("Corpus");
    await expect(tokenizePage.corpusDir()).toHaveValue(corpusDir);
    await tokenizePage.readCorpus();
    await expect(tokenizePage.corpusLanguages().getByRole("checkbox")).toHaveCount(languages.length);
    for (const box of await tokenizePage.corpusLanguages().getByRole("checkbox").all()) await expect(box).toBeChecked();
    await expect(tokenizePage.corpusLanguages()).toContainText(`${sentences} sentences`);
  });

  await test.step("Run: progress reaches every sentence of every language for both tokenizers", async () => {
    await tokenizePage.runCorpus();
    await expect(tokenizePage.results()).toBeVisible({ timeout: 60_000 });
    const total = String(languages.length * sentences * TOKENIZERS.length);
    await expect(tokenizePage.progressBar()).toHaveAttribute("aria-valuemax", total);
    await expect(tokenizePage.progressBar()).toHaveAttribute("aria-valuenow", total);
  });

  const report = (await workbench.callApi("tokenize.corpus", {
    jobId: "e2e-direct", corpusDir, modelIds,
  })) as FertilityAnswer;
  await test.step("the table holds the backend's figures, and the chart one bar per language × tokenizer with the table's values", async () => {
    await expect(tokenizePage.tableRows()).toHaveCount(languages.length * TOKENIZERS.length);
    for (const row of report.rows) {
      await expect(tokenizePage.tableCell(row.language, row.modelId, "tokens")).toHaveText(row.tokens.toLocaleString("en-US"));
    }

    await expect(tokenizePage.bars()).toHaveCount(languages.length * TOKENIZERS.length);
    const bars = await tokenizePage.bars().evaluateAll((rects) => rects.map((rect) => ({
      language: rect.getAttribute("data-language")!, modelId: rect.getAttribute("data-model-id")!, value: Number(rect.getAttribute("data-value")),
    })));
    for (const bar of bars) {
      await expect(tokenizePage.tableCell(bar.language, bar.modelId, "tokensPerWord")).toHaveText(bar.value.toFixed(2));
    }
    await expect(tokenizePage.chart()).toHaveAttribute("role", "img");
    await expect(tokenizePage.chart()).toHaveAttribute("aria-label", new RegExp(`^Bar chart of tokens per word for ${languages.length} languages and 2 tokenizers\\.`));

    await page.getByRole("radio", { name: "Token premium" }).check();
    await expect(tokenizePage.chart().getByTestId("parity-line")).toHaveCount(1);
    await expect(tokenizePage.chart().getByTestId("parity-legend")).toHaveText("1.0 = as many tokens as eng_Latn");
    for (const bar of await tokenizePage.bars().all()) {
      const language = (await bar.getAttribute("data-language"))!;
      const modelId = (await bar.getAttribute("data-model-id"))!;
      await expect(tokenizePage.tableCell(language, modelId, "premium")).toHaveText(Number(await bar.getAttribute("data-value")).toFixed(2));
    }
  });

  await test.step("the CSV download holds a row per language × tokenizer with the table's tokens", async () => {
    const download = await tokenizePage.download("Export CSV");
    expect(download.suggestedFilename()).toBe("fertility-by-language.csv");
    const [header, ...lines] = (await readFile((await download.path())!, "utf8")).trimEnd().split("\n");
    expect(header.split(",").slice(0, 9)).toEqual(["language", "language_name", "tokenizer", "model_id", "sentences", "words", "characters", "bytes", "tokens"]);
    expect(lines).toHaveLength(languages.length * TOKENIZERS.length);
    for (const line of lines) {
      const [language, , , modelId, sentenceCount, , , , tokens] = line.split(",");
      expect(sentenceCount).toBe(String(sentences));
      expect(tokens).toBe(String(report.rows.find((row) => row.language === language && row.modelId === modelId)!.tokens));
    }
    await expect(page.getByTestId("corpus-export-result")).toHaveText(`Saved fertility-by-language.csv (${lines.length} records)`);
  });

  await test.step("the chart saves as a PNG", async () => {
    const download = await tokenizePage.download("Save chart as PNG");
    expect(download.suggestedFilename()).toBe("fertility-premium.png");
    const png = await readFile((await download.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
