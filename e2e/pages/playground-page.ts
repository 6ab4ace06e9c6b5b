import { expect, type Locator, type Page } from "@playwright/test";
import type { WorkbenchPage } from "./workbench-page";

export type SamplingField = "Temperature" | "Top-k" | "Top-p" | "Min-p" | "Repeat penalty" | "Max tokens" | "Seed";
export type StatName = "timeToFirstToken" | "tokensPerSecond" | "generatedTokens" | "promptTokens" | "totalTime" | "stopReason";

export class PlaygroundPage {
  readonly output: Locator;
  readonly stats: Locator;
  /** The "Prompt as the model saw it" text (open it with showRenderedPrompt). */
  readonly renderedPrompt: Locator;

  constructor(private readonly page: Page, private readonly workbench: WorkbenchPage) {
    this.output = page.getByTestId("generation-output");
    this.stats = page.getByTestId("generation-stats");
    this.renderedPrompt = page.locator("details.rendered-prompt pre");
  }

  /** Opens the Playground on a loaded model. */
  async openWith(modelName: string): Promise<void> {
    await this.workbench.models.ensureLoaded(modelName);
    await this.workbench.open("Playground");
    await this.page.getByLabel("Model", { exact: true }).selectOption({ label: modelName });
  }

  async setSampling(field: SamplingField, value: number): Promise<void> {
    await this.page.getByLabel(field, { exact: true }).fill(String(value));
  }

  async completion(prompt: string): Promise<void> {
    await this.page.getByRole("radio", { name: "Completion" }).check();
    await this.page.getByLabel("Prompt", { exact: true }).fill(prompt);
  }

  async chat(userMessage: string): Promise<Locator> {
    await this.page.getByRole("radio", { name: "Chat" }).check();
    const message = this.page.getByLabel("Message 1", { exact: true });
    await message.fill(userMessage);
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
    await this.page.getByText("Prompt as the model saw it").click();
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
}
