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

  /**
   * Calls a procedure of the app's API over the page's own transport (Electron's bridge, else the
   * server's WebSocket, authenticated by the page's cookie): for setup the UI does not offer.
   */
  async callApi(method: string, params: object): Promise<unknown> {
    return this.page.evaluate(async ({ method, params }) => {
      const id = 2 ** 31 - 1; // far above the renderer's own request ids, which share Electron's channel
      const request = { kind: "request", id, method, params };
      type Response = { kind: string; id: number; ok: boolean; result?: unknown; error?: { message: string } };
      const isOurs = (message: unknown): message is Response =>
        (message as Response | null)?.kind === "response" && (message as Response).id === id;
      const bridge = (window as { polyglotBridge?: { send(message: object): void; onMessage(listener: (message: unknown) => void): () => void } }).polyglotBridge;
      const response = await new Promise<Response>((resolve, reject) => {
        if (bridge) {
          const stop = bridge.onMessage((message) => {
            if (!isOurs(message)) return;
            stop();
            resolve(message);
          });
          bridge.send(request);
          return;
        }
        const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api`);
        socket.onopen = () => socket.send(JSON.stringify(request));
        socket.onmessage = (event) => {
          const message: unknown = JSON.parse(event.data as string);
          if (!isOurs(message)) return;
          socket.close();
          resolve(message);
        };
        socket.onclose = () => reject(new Error(`The API socket closed before ${method} answered.`));
      });
      if (!response.ok) throw new Error(`${method}: ${response.error!.message}`);
      return response.result;
    }, { method, params });
  }

  expectNoErrors(): void {
    expect(this.errors, "errors reported by the page").toEqual([]);
  }
}
