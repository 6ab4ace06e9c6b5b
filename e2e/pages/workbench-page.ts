import { expect, type Locator, type Page } from "@playwright/test";
import { ModelsPage } from "./models-page";
import { PlaygroundPage } from "./playground-page";

export type ViewName = "Models" | "Compare" | "Playground" | "Eval" | "Data" | "Sessions";

/**
 * The app as a user sees it. From construction on it records uncaught page errors and
 * console errors (CSP violations included); `expectNoErrors` fails the test if there were any.
 */
export class WorkbenchPage {
  readonly models: ModelsPage;
  readonly playground: PlaygroundPage;
  private readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on("pageerror", (error) => this.errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") this.errors.push(`console error: ${message.text()}`);
    });
    this.models = new ModelsPage(page, this);
    this.playground = new PlaygroundPage(page, this);
  }

  /** The renderer sets this marker once system.info and models.list have answered. */
  async waitUntilReady(): Promise<void> {
    await expect(this.page.locator('[data-app-state="ready"]')).toHaveCount(1, { timeout: 30_000 });
  }

  navLink(view: ViewName): Locator {
    return this.page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: view, exact: true });
  }

  async open(view: ViewName): Promise<void> {
    await this.navLink(view).click();
    await expect(this.page.getByRole("heading", { level: 2, name: view, exact: true })).toBeVisible();
  }

  expectNoErrors(): void {
    expect(this.errors, "errors reported by the page").toEqual([]);
  }
}
