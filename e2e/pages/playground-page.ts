import { expect, type Locator, type Page } from "@playwright/test";
import type { WorkbenchPage } from "./workbench-page";

export type SamplingField = "Temperature" | "Top-k" | "Top-p" | "Min-p" | "Repeat penalty" | "Max tokens" | "Seed";
export type StatName = "timeToFirstToken" | "tokensPerSecond" | "generatedTokens" | "promptTokens" | "totalTime" | "stopReason";

export class PlaygroundPage {
  /** Every output pane (one per row and model). */
  readonly panes: Locator;
  /** The first pane's output. */
  readonly output: Locator;
  readonly stats: Locator;
  /** The first pane's "Prompt as the model saw it" text (open it with showRenderedPrompt). */
  readonly renderedPrompt: Locator;
  /** The prompt's Monaco editor (the element that takes its keyboard input). */
  readonly promptEditor: Locator;
  readonly templatePreview: Locator;
  readonly historyEntries: Locator;
  readonly libraryPrompts: Locator;

  constructor(private readonly page: Page, private readonly workbench: WorkbenchPage) {
    this.panes = page.getByTestId("compare-pane");
    this.output = this.panes.first().getByTestId("token-view");
    this.stats = this.panes.first().getByTestId("generation-stats");
    this.renderedPrompt = this.panes.first().locator("details.rendered-prompt pre");
    this.promptEditor = this.editor("Prompt");
    this.templatePreview = page.getByTestId("template-preview");
    this.historyEntries = page.getByTestId("history-entry");
    this.libraryPrompts = page.getByTestId("library-prompt");
  }

  /** The Monaco editor with this label. */
  editor(label: string): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  /** Opens the Playground on a loaded model, the only one chosen. */
  async openWith(modelName: string): Promise<void> {
    await this.workbench.models.ensureLoaded(modelName);
    await this.workbench.open("Playground");
    await this.chooseModels([modelName]);
  }

  /** Chooses exactly these models. */
  async chooseModels(names: string[]): Promise<void> {
    const choices = this.page.getByTestId("model-choice");
    await expect(choices.first()).toBeVisible();
    for (const choice of await choices.all()) {
      const name = await choice.getAttribute("data-model-name");
      await choice.getByRole("checkbox").setChecked(names.includes(name!));
    }
  }

  async setSampling(field: SamplingField, value: number): Promise<void> {
    await this.page.getByLabel(field, { exact: true }).fill(String(value));
  }

  /**
   * Replaces the text of a Monaco editor by typing, as a person would: Monaco takes keyboard input,
   * not `fill`. Lines are typed one by one with Enter between them.
   */
  async typeInto(editor: Locator, text: string): Promise<void> {
    await editor.focus();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("Backspace");
    const lines = text.split("\n");
    for (const [index, line] of lines.entries()) {
      if (index > 0) await this.page.keyboard.press("Enter");
      if (line) await this.page.keyboard.insertText(line);
    }
  }

  /** The text of a Monaco editor as it shows it, line by line from the top (lines short enough not to wrap). */
  async editorText(editor: Locator): Promise<string> {
    const lines = await this.editorLines(editor).evaluateAll((elements) => elements
      .map((element) => ({ top: (element as HTMLElement).offsetTop, text: (element as HTMLElement).innerText }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text));
    return lines.join("\n").replace(/\u00a0/g, " ");
  }

  /**
   * The rendered lines of a Monaco editor. A line whose first letter is of a right-to-left script
   * is laid out right to left (`dir="rtl"`), each line on its own.
   */
  editorLines(editor: Locator): Locator {
    return editor.locator("xpath=ancestor::div[contains(@class, 'monaco-editor')][1]").locator(".view-lines .view-line");
  }

  async completion(prompt: string): Promise<void> {
    await this.page.getByRole("radio", { name: "Completion" }).check();
    await this.typeInto(this.promptEditor, prompt);
  }

  async chat(userMessage: string): Promise<Locator> {
    await this.page.getByRole("radio", { name: "Chat" }).check();
    const message = this.editor("Message 1");
    await this.typeInto(message, userMessage);
    return message;
  }

  async run(): Promise<void> {
    await this.page.getByRole("button", { name: "Run", exact: true }).click();
  }

  async stop(): Promise<void> {
    await this.page.getByRole("button", { name: "Stop", exact: true }).click();
  }

  stat(name: StatName): Locator {
    return this.stats.locator(`[data-stat="${name}"] dd`);
  }

  async waitUntilDone(timeout = 60_000): Promise<void> {
    await expect(this.stats).toBeVisible({ timeout });
  }

  async showRenderedPrompt(): Promise<void> {
    await this.panes.first().getByText("Prompt as the model saw it").click();
  }

  /** Runs a one-token completion of `prompt` on `modelName` and opens the prompt as the model saw it. */
  async renderCompletionPrompt(modelName: string, prompt: string): Promise<void> {
    await this.openWith(modelName);
    await this.completion(prompt);
    await this.setSampling("Max tokens", 1);
    await this.run();
    await this.waitUntilDone();
    await this.showRenderedPrompt();
  }

  /** Fills one row of the variables table: its language and its `{{text}}`. */
  async fillRow(row: number, languageCode: string, text: string): Promise<void> {
    await this.page.getByLabel(`Language of row ${row}`, { exact: true }).selectOption(languageCode);
    await this.page.getByLabel(`{{text}} in row ${row}`, { exact: true }).fill(text);
  }

  async openTemplatePreview(): Promise<void> {
    await this.templatePreview.locator("summary").click();
  }
}
