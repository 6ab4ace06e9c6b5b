import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** The Tokenizers view: text mode (chips per tokenizer, figures) and corpus mode (run, progress, table, chart, exports). */
export class TokenizePage {
  readonly picker: Locator;
  readonly corpusForm: Locator;

  constructor(private readonly page: Page) {
    this.picker = page.getByRole("group", { name: "Tokenizers", exact: true });
    this.corpusForm = page.getByRole("form", { name: "Corpus to measure" });
  }

  async open(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Tokenizers", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 2, name: "Tokenizers", exact: true })).toBeVisible();
  }

  async openTab(name: "Text" | "Corpus"): Promise<void> {
    await this.page.getByRole("tab", { name, exact: true }).click();
  }

  /** Ticks exactly these tokenizers (by the name the picker shows), unticking the others. */
  async chooseTokenizers(names: string[]): Promise<void> {
    const boxes = this.picker.getByRole("checkbox");
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) {
      const name = (await box.evaluate((input) => input.closest("label")!.textContent!.trim()));
      await box.setChecked(names.includes(name));
    }
  }

  // --- text mode -------------------------------------------------------------------------------

  textField(): Locator {
    return this.page.getByRole("textbox", { name: "Text", exact: true });
  }

  /** One tokenizer's card: its chips, token count and round-trip check. */
  tokenization(tokenizer: string): Locator {
    return this.page.getByRole("article", { name: tokenizer, exact: true });
  }

  chips(tokenizer: string): Locator {
    return this.tokenization(tokenizer).getByTestId("token-chip");
  }

  /** The count the card shows, once it shows one. */
  async tokenCount(tokenizer: string): Promise<number> {
    const count = this.tokenization(tokenizer).getByTestId("token-count");
    await expect(count).toBeVisible();
    return Number(await count.getAttribute("data-count"));
  }

  metricsRow(modelId: string): Locator {
    return this.page.locator(`[data-testid="text-metrics-row"][data-model-id="${modelId}"]`);
  }

  // --- corpus mode -----------------------------------------------------------------------------

  corpusDir(): Locator {
    return this.corpusForm.getByRole("textbox", { name: "Corpus folder" });
  }

  /** Presses "Read" and waits for the languages it found. */
  async readCorpus(): Promise<void> {
    await this.corpusForm.getByRole("button", { name: "Read", exact: true }).click();
    await expect(this.corpusLanguages()).toBeVisible();
  }

  corpusLanguages(): Locator {
    return this.corpusForm.getByRole("group", { name: /^Languages in the corpus/ });
  }

  async runCorpus(): Promise<void> {
    await this.corpusForm.getByRole("button", { name: "Run", exact: true }).click();
  }

  progressBar(): Locator {
    return this.page.getByRole("progressbar", { name: "Sentences tokenized" });
  }

  results(): Locator {
    return this.page.getByRole("region", { name: "Fertility per language" });
  }

  chart(): Locator {
    return this.page.getByTestId("fertility-chart");
  }

  bars(): Locator {
    return this.chart().getByTestId("fertility-bar");
  }

  tableRows(): Locator {
    return this.page.getByTestId("fertility-row");
  }

  tableCell(language: string, modelId: string, column: string): Locator {
    return this.page.locator(`[data-testid="fertility-row"][data-language="${language}"][data-model-id="${modelId}"] [data-column="${column}"]`);
  }

  /** Clicks a button that saves a file and returns the browser's download. */
  async download(buttonName: string): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.results().getByRole("button", { name: buttonName, exact: true }).click();
    return download;
  }
}
