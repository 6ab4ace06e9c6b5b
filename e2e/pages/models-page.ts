import { expect, type Locator, type Page } from "@playwright/test";
import type { WorkbenchPage } from "./workbench-page";

const LOAD_TIMEOUT_MS = 60_000;

export class ModelsPage {
  constructor(private readonly page: Page, private readonly workbench: WorkbenchPage) {}

  row(name: string): Locator {
    return this.page.locator(`[data-testid="model-row"][data-model-name="${name}"]`);
  }

  status(name: string): Locator {
    return this.row(name).getByTestId("model-status");
  }

  pathField(): Locator {
    return this.page.getByLabel("Model file or folder path", { exact: true });
  }

  async add(path: string): Promise<void> {
    await this.pathField().fill(path);
    await this.page.getByRole("button", { name: "Add model", exact: true }).click();
  }

  async openDetails(name: string): Promise<Locator> {
    const row = this.row(name);
    await row.getByText("Details", { exact: true }).click();
    return row.locator("details");
  }

  /** The absolute path of a workspace model, as its details panel shows it. */
  async filePath(name: string): Promise<string> {
    const details = await this.openDetails(name);
    const path = await details.locator("dt", { hasText: /^File$/ }).locator("xpath=following-sibling::dd[1]").textContent();
    await details.getByText("Details", { exact: true }).click();
    return path!.trim();
  }

  /** Loads the model with a context size of its own, which the UI does not offer, through the API. */
  async loadWithContextSize(name: string, contextSize: number): Promise<void> {
    const models = (await this.workbench.callApi("models.list", {})) as { id: string; fileName: string }[];
    const model = models.find((candidate) => candidate.fileName === `${name}.gguf`);
    if (!model) throw new Error(`${name}.gguf is not in the workspace.`);
    const loaded = (await this.workbench.callApi("models.load", { id: model.id, contextSize })) as { contextSize: number };
    // Until the view shows the new context size, it may still show the load this one replaced.
    await this.workbench.open("Models");
    const details = await this.openDetails(name);
    await expect(details).toContainText(new RegExp(`Loaded context size\\s*${loaded.contextSize.toLocaleString("en-US")} tokens`));
    await expect(this.status(name)).toHaveText("loaded");
  }

  /** Loads the model from the Models view unless it is loaded already. */
  async ensureLoaded(name: string): Promise<void> {
    await this.workbench.open("Models");
    if ((await this.status(name).textContent()) !== "loaded") {
      await this.row(name).getByRole("button", { name: "Load", exact: true }).click();
    }
    await expect(this.status(name)).toHaveText("loaded", { timeout: LOAD_TIMEOUT_MS });
  }
}
