import { expect, type Download, type Locator, type Page } from "@playwright/test";
import type { SamplingField } from "./playground-page";
import type { WorkbenchPage } from "./workbench-page";

export type CompareTab = "Side by side" | "Language fan-out" | "Leaderboard";
export type VerdictKey = "a" | "b" | "t" | "x";

const RUN_TIMEOUT_MS = 60_000;

/** The Compare view: panes run side by side, blind votes, the leaderboard and the language fan-out. */
export class ComparePage {
  readonly prompt: Locator;
  readonly panes: Locator;
  readonly paneSetups: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly votePanel: Locator;
  readonly raterField: Locator;
  readonly voteResult: Locator;
  readonly leaderboardRows: Locator;
  readonly leaderboardVotes: Locator;
  readonly fanOutGrid: Locator;
  readonly fanOutDialog: Locator;

  constructor(private readonly page: Page, private readonly workbench: WorkbenchPage) {
    this.prompt = page.getByTestId("compare-prompt");
    this.panes = page.getByTestId("compare-pane");
    this.paneSetups = page.getByTestId("pane-setup");
    this.runButton = page.getByTestId("compare-run");
    this.stopButton = page.getByTestId("compare-stop");
    this.votePanel = page.getByTestId("vote-panel");
    this.raterField = this.votePanel.getByTestId("rater");
    this.voteResult = this.votePanel.getByTestId("vote-result");
    this.leaderboardRows = page.getByTestId("leaderboard-row");
    this.leaderboardVotes = page.getByTestId("leaderboard-votes");
    this.fanOutGrid = page.getByTestId("fan-out-grid");
    this.fanOutDialog = page.getByTestId("fan-out-cell-dialog");
  }

  /** Opens the Compare view on its Side by side tab. */
  async open(): Promise<void> {
    await this.workbench.open("Compare");
    await this.openTab("Side by side");
  }

  async openTab(tab: CompareTab): Promise<void> {
    const button = this.page.getByRole("tab", { name: tab, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-selected", "true");
  }

  // --- Side by side --------------------------------------------------------------------------

  /** Picks a workspace model for pane `index` (from 0), by its name (options of unloaded ones say "(loads on Run)"). */
  async chooseModel(index: number, modelName: string): Promise<void> {
    const select = this.paneSetups.nth(index).getByTestId("pane-model");
    const option = select.locator("option").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(modelName)}(\\s|$)`) });
    await expect(option).toHaveCount(1);
    await select.selectOption(await option.getAttribute("value"));
  }

  /** Sets one of pane `index`'s sampling parameters in its Parameters fields. */
  async setPaneParameter(index: number, field: SamplingField, value: number): Promise<void> {
    const setup = this.paneSetups.nth(index);
    const details = setup.locator("details");
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await details.locator("summary").click();
    }
    await setup.getByLabel(field, { exact: true }).fill(String(value));
  }

  async setPrompt(text: string): Promise<void> {
    await this.page.getByRole("radio", { name: "Raw completion" }).check();
    await this.prompt.fill(text);
  }

  /** The language the prompt is in (a FLORES-200 code), which votes are filed under. */
  async setPromptLanguage(code: string): Promise<void> {
    await this.page.getByTestId("compare-language").selectOption(code);
  }

  async runAll(): Promise<void> {
    await this.runButton.click();
  }

  /** Waits until every pane has ended and main has saved the comparison (Run all is enabled again). */
  async waitUntilFinished(timeout = RUN_TIMEOUT_MS): Promise<void> {
    for (const pane of await this.panes.all()) await expect(pane).toHaveAttribute("aria-busy", "false", { timeout });
    await expect(this.runButton).toBeEnabled({ timeout });
  }

  pane(index: number): Locator {
    return this.panes.nth(index);
  }

  paneStatus(index: number): Locator {
    return this.pane(index).getByTestId("pane-status");
  }

  paneOutput(index: number): Locator {
    return this.pane(index).getByTestId("pane-output");
  }

  tokens(index: number): Locator {
    return this.paneOutput(index).getByTestId("token");
  }

  /** The text a pane shows (without any open alternatives popup). */
  paneText(index: number): Promise<string> {
    return textWithoutPopups(this.paneOutput(index));
  }

  /** The alternatives popup of pane `index` (shown while a token is hovered or focused). */
  alternatives(index: number): Locator {
    return this.paneOutput(index).getByTestId("token-alternatives");
  }

  async showDifferences(on = true): Promise<void> {
    await this.page.getByTestId("show-diff").setChecked(on);
  }

  diffMarks(index: number): Locator {
    return this.paneOutput(index).getByTestId("diff-added");
  }

  // --- Blind voting --------------------------------------------------------------------------

  async setBlindMode(on: boolean): Promise<void> {
    await this.page.getByTestId("blind-mode").setChecked(on);
  }

  verdictButton(verdict: "a" | "b" | "tie" | "both-bad"): Locator {
    return this.votePanel.locator(`button[data-verdict="${verdict}"]`);
  }

  /** Waits until voting opens (every pane ended and the comparison is saved). */
  async waitUntilVotingOpens(timeout = RUN_TIMEOUT_MS): Promise<void> {
    await expect(this.verdictButton("a")).toBeEnabled({ timeout });
  }

  async setRater(name: string): Promise<void> {
    await this.raterField.fill(name);
  }

  /** Casts a verdict with its keyboard shortcut, pressed outside any field (typing in one is not voting). */
  async voteByKey(key: VerdictKey): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  /** The model names the saved vote revealed for A and B. */
  async revealedNames(): Promise<{ a: string; b: string }> {
    await expect(this.voteResult).toHaveText(/A was .+, B was .+\./);
    const match = /A was (.+), B was (.+)\.$/.exec((await this.voteResult.textContent())!.trim())!;
    return { a: match[1], b: match[2] };
  }

  // --- Leaderboard ---------------------------------------------------------------------------

  leaderboardRow(modelName: string): Locator {
    return this.page.locator(`[data-testid="leaderboard-row"][data-model-name="${modelName}"]`);
  }

  /** Clicks an export button ("DPO JSONL", "DPO chat JSONL", "CSV") and returns the file the browser downloads. */
  async exportFile(label: string): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: label, exact: true }).click();
    return download;
  }

  // --- Language fan-out ----------------------------------------------------------------------

  async setFanOutTemplate(template: string): Promise<void> {
    await this.page.getByTestId("fan-out-template").fill(template);
  }

  fanOutLanguages(): Promise<string[]> {
    return this.page.getByTestId("fan-out-chip").evaluateAll((chips) => chips.map((chip) => chip.getAttribute("data-language")!));
  }

  /** Makes `codes` the fan-out's languages, in that order. */
  async setFanOutLanguages(codes: string[]): Promise<void> {
    for (const code of await this.fanOutLanguages()) {
      await this.page.locator(`[data-testid="fan-out-chip"][data-language="${code}"]`).getByRole("button").click();
    }
    const filter = this.page.getByTestId("fan-out-language-filter");
    for (const code of codes) {
      await filter.fill(code);
      await this.page.getByRole("group", { name: "FLORES-200 languages" }).locator(`input[type="checkbox"][value="${code}"]`).check();
    }
    await filter.fill("");
    expect(await this.fanOutLanguages()).toEqual(codes);
  }

  async setFanOutValue(language: string, variable: string, value: string): Promise<void> {
    await this.page.locator(`[data-testid="fan-out-value"][data-language="${language}"][data-variable="${variable}"]`).fill(value);
  }

  async runFanOut(): Promise<void> {
    await this.page.getByTestId("fan-out-run").click();
  }

  fanOutRows(): Locator {
    return this.fanOutGrid.locator("tbody tr");
  }

  /** The model names heading the grid's columns, in pane order. */
  fanOutColumns(): Promise<string[]> {
    return this.fanOutGrid.locator("thead th[data-model-index]").evaluateAll((headers) => headers.map((header) => header.textContent!.trim()));
  }

  fanOutCell(language: string, paneIndex: number): Locator {
    return this.fanOutGrid.locator(`[data-testid="fan-out-cell"][data-language="${language}"][data-model-index="${paneIndex}"]`);
  }

  /** The output text of the cell the dialog shows. */
  fanOutDialogText(): Promise<string> {
    return textWithoutPopups(this.fanOutDialog.locator('[data-testid="fan-out-dialog-text"], [data-testid="pane-output"]'));
  }

  async waitUntilFanOutFinished(timeout = RUN_TIMEOUT_MS): Promise<void> {
    for (const cell of await this.fanOutGrid.getByTestId("fan-out-cell").all()) {
      await expect(cell).toHaveAttribute("data-status", "done", { timeout });
    }
    await expect(this.page.getByTestId("fan-out-run")).toBeEnabled({ timeout });
  }
}

/** An element's text, leaving out any token-alternatives popup in it. */
function textWithoutPopups(element: Locator): Promise<string> {
  return element.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="token-alternatives"]').forEach((popup) => popup.remove());
    return copy.textContent ?? "";
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
