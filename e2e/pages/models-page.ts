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

  /** Loads the model from the Models view unless it is loaded already. */
  async ensureLoaded(name: string): Promise<void> {
    await this.workbench.open("Models");
    if ((await this.status(name).textContent()) !== "loaded") {
      await this.row(name).getByRole("button", { name: "Load", exact: true }).click();
    }
    await expect(this.status(name)).toHaveText("loaded", { timeout: LOAD_TIMEOUT_MS });
  }
}
