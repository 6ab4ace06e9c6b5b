import { expect, type Download, type Locator, type Page } from "@playwright/test";
import type { WorkbenchPage } from "./workbench-page";

export type SessionsTab = "Comparisons" | "Notes" | "Models" | "Replay" | "Raters" | "Merge" | "Export" | "Eval runs";
export type Verdict = "a" | "b" | "tie" | "both-bad";

const REPLAY_TIMEOUT_MS = 60_000;

/** The Sessions view: the current session, its comparisons and votes, notes, models, replay, raters and exports. */
export class SessionsPage {
  readonly title: Locator;
  readonly path: Locator;
  readonly liveRaters: Locator;
  readonly readOnlyBadge: Locator;
  readonly migrationNotice: Locator;
  readonly comparisons: Locator;
  readonly detail: Locator;
  readonly votePanel: Locator;
  readonly votes: Locator;
  readonly notesField: Locator;
  readonly notesText: Locator;
  readonly notesState: Locator;
  readonly modelMatches: Locator;

  constructor(readonly page: Page, private readonly workbench: WorkbenchPage) {
    this.title = page.getByTestId("session-title");
    this.path = page.getByTestId("session-path");
    this.liveRaters = page.getByTestId("live-raters");
    this.readOnlyBadge = page.getByTestId("read-only-badge");
    this.migrationNotice = page.getByTestId("session-migrated");
    this.comparisons = page.getByTestId("session-comparison");
    this.detail = page.getByTestId("comparison-detail");
    this.votePanel = this.detail.getByTestId("vote-panel");
    this.votes = this.detail.getByTestId("session-vote");
    this.notesField = page.getByTestId("notes-field");
    this.notesText = page.getByTestId("notes-text");
    this.notesState = page.getByTestId("notes-state");
    this.modelMatches = page.getByTestId("model-match");
  }

  async open(): Promise<void> {
    await this.workbench.open("Sessions");
    await expect(this.title).toBeVisible();
  }

  async openTab(tab: SessionsTab): Promise<void> {
    const button = this.page.getByRole("tab", { name: tab, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-selected", "true");
  }

  async setRater(name: string): Promise<void> {
    await this.page.getByTestId("session-rater").fill(name);
  }

  comparison(id: string): Locator {
    return this.page.locator(`[data-testid="session-comparison"][data-comparison-id="${id}"]`);
  }

  /** Picks a comparison in the list and waits until it shows (with its tokens). */
  async openComparison(id: string): Promise<void> {
    await this.openTab("Comparisons");
    await this.comparison(id).click();
    await expect(this.detail).toHaveAttribute("data-comparison-id", id);
  }

  verdictButton(verdict: Verdict): Locator {
    return this.votePanel.locator(`button[data-verdict="${verdict}"]`);
  }

  async vote(verdict: Verdict): Promise<void> {
    await this.verdictButton(verdict).click();
    await expect(this.votePanel.getByTestId("vote-result")).toBeVisible();
  }

  voteBy(rater: string): Locator {
    return this.detail.locator(`[data-testid="session-vote"][data-rater="${rater}"]`);
  }

  /** The open comparison's pane of a model (blind mode off: panes are titled with their model's name). */
  pane(modelName: string): Locator {
    return this.detail.locator(`[data-testid="compare-pane"][data-title$="${modelName}"]`);
  }

  // --- the session file ----------------------------------------------------------------------

  async create(title: string): Promise<void> {
    await this.page.getByTestId("session-new").click();
    await this.page.getByTestId("new-session-title").fill(title);
    await this.page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(this.title).toHaveText(title);
  }

  /** Shows the Open panel: recent sessions, the workspace's, and a path field. */
  async showPicker(): Promise<Locator> {
    const picker = this.page.getByTestId("session-picker");
    if (!(await picker.isVisible())) await this.page.getByTestId("session-open").click();
    await expect(picker).toBeVisible();
    return picker;
  }

  async openRecent(path: string): Promise<void> {
    const picker = await this.showPicker();
    await picker.getByTestId("recent-sessions").locator(`[data-testid="session-entry"][data-path="${path}"]`)
      .getByRole("button", { name: "Open", exact: true }).click();
    await expect(this.path).toHaveText(path);
  }

  async openFromWorkspace(path: string): Promise<void> {
    const picker = await this.showPicker();
    await picker.getByTestId("workspace-sessions").locator(`[data-testid="session-entry"][data-path="${path}"]`)
      .getByRole("button", { name: "Open", exact: true }).click();
    await expect(this.path).toHaveText(path);
  }

  async openPath(path: string): Promise<void> {
    const picker = await this.showPicker();
    await picker.getByTestId("session-open-path").fill(path);
    await picker.getByRole("button", { name: "Open file", exact: true }).click();
    await expect(this.path).toHaveText(path);
  }

  // --- notes ---------------------------------------------------------------------------------

  /** Types notes into the field shown (the session's on the Notes tab, or the open comparison's) and waits until saved. */
  async writeNotes(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    await expect(field.locator("xpath=ancestor::section[1]").getByTestId("notes-state")).toHaveText("Saved");
  }

  // --- raters, replay, export ----------------------------------------------------------------

  agreementRaters(): Locator {
    return this.page.getByTestId("agreement-raters");
  }

  agreementKappa(): Locator {
    return this.page.getByTestId("agreement-kappa");
  }

  /** Replays every comparison and waits for the report (the button is enabled again). */
  async replayAll(): Promise<void> {
    await this.openTab("Replay");
    const button = this.page.getByTestId("replay-all");
    await button.click();
    await expect(this.page.getByTestId("replay-progress")).toBeVisible();
    await expect(button).toBeEnabled({ timeout: REPLAY_TIMEOUT_MS });
  }

  replayRows(): Locator {
    return this.page.getByTestId("replay-row");
  }

  replaySummary(): Locator {
    return this.page.getByTestId("replay-summary");
  }

  async exportHtml(): Promise<Download> {
    await this.openTab("Export");
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("export-html").click();
    return download;
  }
}
