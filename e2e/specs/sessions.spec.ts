import type { Browser } from "@playwright/test";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { projectRoot } from "../fixtures/paths";
import { expect, test as base, type RunningApp } from "../fixtures/test";
import { ComparePage } from "../pages/compare-page";
import { SessionsPage } from "../pages/sessions-page";
import { WorkbenchPage } from "../pages/workbench-page";

const BASE = "polyglot-base";
const CONTINUED = "polyglot-continued";
const PROMPT = "The river";
const MAX_TOKENS = 24;

const test = base.extend<{ compare: ComparePage; sessions: SessionsPage }>({
  compare: async ({ page, workbench }, use) => {
    await use(new ComparePage(page, workbench));
  },
  sessions: async ({ page, workbench }, use) => {
    await use(new SessionsPage(page, workbench));
  },
});

/*
 * These tests run on an app of their own, on a fresh workspace (a worker option overridden here
 * puts them in a worker of their own), in order: each goes on from the session the one before left.
 */
test.use({ appTarget: [async ({ appTarget }, use) => use(appTarget), { scope: "worker" }] });
test.describe.configure({ mode: "serial" });

interface OtherPerson {
  workbench: WorkbenchPage;
  sessions: SessionsPage;
  close(): Promise<void>;
}

/** Someone else at the same server: a browser context of their own (cookie, rater name) on `url`. */
async function otherPerson(browser: Browser, url: string): Promise<OtherPerson> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const workbench = new WorkbenchPage(page);
  await page.goto(url);
  await workbench.waitUntilReady();
  return {
    workbench,
    sessions: new SessionsPage(page, workbench),
    close: async () => {
      workbench.expectNoErrors();
      await context.close();
    },
  };
}

function urls(app: RunningApp): { url: string; readOnlyUrl: string } {
  if (app.kind !== "server") throw new Error("These tests need server mode.");
  return app;
}

/** Set by the first test: the comparison it ran, and the session (the workspace's default) it went into. */
let comparisonId = "";
let defaultSessionPath = "";

test("a comparison run in Compare is listed in Sessions; a vote on it is saved; in server mode a second rater sees each vote live", async ({ app, browser, compare, sessions }) => {
  // (a) Both checkpoints on one prompt, greedy, in Compare: saved into the current session.
  await compare.open();
  for (const [index, model] of [BASE, CONTINUED].entries()) {
    await compare.chooseModel(index, model);
    await compare.setPaneParameter(index, "Max tokens", MAX_TOKENS);
  }
  await compare.setPrompt(PROMPT);
  await compare.runAll();
  await compare.waitUntilFinished();
  const streamed = [await compare.tokens(0).allTextContents(), await compare.tokens(1).allTextContents()];
  const firstProbability = await compare.tokens(1).first().getAttribute("data-probability");

  await sessions.open();
  await expect(sessions.comparisons).toHaveCount(1);
  const listed = sessions.comparisons.first();
  await expect(listed).toContainText(PROMPT);
  await expect(listed).toContainText(`${BASE} vs ${CONTINUED}`);
  await expect(listed).toContainText("0 votes");
  comparisonId = (await listed.getAttribute("data-comparison-id"))!;
  defaultSessionPath = (await sessions.path.textContent())!;
  expect(defaultSessionPath).toBe(join(app.workspaceDir, "sessions", "default.polyglot-session.json"));

  // The saved comparison shows the tokens Compare streamed, with their probabilities.
  await sessions.setRater("amina");
  await sessions.openComparison(comparisonId);
  expect(await sessions.pane(BASE).getByTestId("token").allTextContents()).toEqual(streamed[0]);
  expect(await sessions.pane(CONTINUED).getByTestId("token").allTextContents()).toEqual(streamed[1]);
  await expect(sessions.pane(CONTINUED).getByTestId("token").first()).toHaveAttribute("data-probability", firstProbability!);

  if (app.kind !== "server") {
    // One app window (Electron): the vote is saved and shown; several people at once is server mode's.
    await sessions.vote("tie");
    await expect(sessions.voteBy("amina")).toContainText("Tie");
    await expect(sessions.comparison(comparisonId)).toContainText("1 vote");
    return;
  }

  // (b) Jonas, in another browser, looks at the same comparison before amina votes.
  const jonas = await otherPerson(browser, urls(app).url);
  await jonas.sessions.open();
  await jonas.sessions.setRater("jonas");
  await jonas.sessions.openComparison(comparisonId);
  await expect(jonas.sessions.votes).toHaveCount(0);

  await sessions.vote("tie");
  await expect(sessions.voteBy("amina")).toContainText("Tie");
  // Jonas sees it arrive, without reloading.
  await expect(jonas.sessions.voteBy("amina")).toContainText("Tie");
  await expect(jonas.sessions.liveRaters).toHaveText("● Live · 1 rater");

  await jonas.sessions.vote("both-bad");
  await expect(sessions.voteBy("jonas")).toContainText("Both are bad");
  await expect(sessions.liveRaters).toHaveText("● Live · 2 raters");
  await expect(sessions.comparison(comparisonId)).toContainText("2 votes");

  // Two raters on one pair, disagreeing: Cohen's kappa (0: no better than chance), one conflict.
  await sessions.openTab("Raters");
  await expect(sessions.agreementRaters()).toHaveText("amina, jonas");
  await expect(sessions.agreementKappa()).toHaveAttribute("data-method", "cohen");
  await expect(sessions.agreementKappa()).toContainText("Cohen's κ = 0.00 on 1 item");
  await expect(sessions.page.getByTestId("conflict")).toHaveCount(1);
  await expect(sessions.page.getByTestId("leaderboard-votes")).toHaveText("2 votes");
  await jonas.close();
});

test("a read-only link shows the session and its votes live, with nothing to vote or edit", async ({ app, browser, workbench }) => {
  // Several people at one app (other browsers, a read-only link) is what server mode is for.
  test.skip(app.kind !== "server", "read-only links are server mode's");
  const viewer = await otherPerson(browser, urls(app).readOnlyUrl);
  const { sessions } = viewer;
  await sessions.open();
  await expect(sessions.readOnlyBadge).toHaveText("read-only");
  await sessions.openComparison(comparisonId);
  await expect(sessions.votes).toHaveCount(2);
  await expect(sessions.detail.getByTestId("compare-pane")).toHaveCount(2);

  for (const control of ["vote-panel", "session-blind", "notes-field", "session-open", "session-new", "session-rater", "replay-comparison"]) {
    await expect(sessions.page.getByTestId(control), control).toHaveCount(0);
  }
  await expect(sessions.page.locator("button[data-verdict]")).toHaveCount(0);
  await expect(sessions.notesText).toBeVisible();
  await expect(sessions.page.getByRole("tab")).toHaveText(["Comparisons", "Notes", "Models", "Raters", "Export", "Eval runs"]);

  // A third rater votes from a script (as `polyglot session vote` does): the viewer sees it arrive.
  await workbench.callApi("compare.vote", { comparisonId, pair: [0, 1], winner: "a", rater: "kofi" });
  await expect(sessions.voteBy("kofi")).toContainText(`${BASE} is better`);
  // The link may not change anything, whatever the page offers.
  await expect(viewer.workbench.callApi("session.setNotes", { comparisonId: null, notes: "x" })).rejects.toThrow(/read-only/);
  await viewer.close();
});

test("notes typed on the session and on a comparison are still there after a reload", async ({ page, workbench, sessions }) => {
  const sessionNotes = "Ask Kofi about the continued checkpoint.\nمراجعة العربية غدًا";
  const comparisonNotes = "Pane 2 switches to Cyrillic after a few words.";
  await sessions.open();
  await sessions.openTab("Notes");
  await sessions.writeNotes(sessions.notesField, sessionNotes);
  await sessions.openComparison(comparisonId);
  await sessions.writeNotes(sessions.detail.getByTestId("notes-field"), comparisonNotes);

  await page.reload();
  await workbench.waitUntilReady();
  await sessions.open();
  await sessions.openTab("Notes");
  await expect(sessions.notesField).toHaveValue(sessionNotes);
  await sessions.openComparison(comparisonId);
  await expect(sessions.detail.getByTestId("notes-field")).toHaveValue(comparisonNotes);
});

test("a new session starts empty; sessions open again from the workspace's folder and from the recent list", async ({ sessions }) => {
  await sessions.open();
  await sessions.create("Round 2 — Kiswahili");
  const roundTwo = (await sessions.path.textContent())!;
  expect(roundTwo).toMatch(/[\\/]sessions[\\/]Round-2-—-Kiswahili\.polyglot-session\.json$/);
  await expect(sessions.comparisons).toHaveCount(0);
  await expect(sessions.liveRaters).toHaveText("● Live · 0 raters");

  // The session the app started on was not a file yet when it started, so it is not among the
  // recent ones until opened: the workspace's sessions folder lists it.
  await sessions.openFromWorkspace(defaultSessionPath);
  await expect(sessions.title).toHaveText("default");
  await expect(sessions.comparison(comparisonId)).toContainText("3 votes");

  await sessions.openRecent(roundTwo);
  await expect(sessions.comparisons).toHaveCount(0);
  await sessions.openRecent(defaultSessionPath);
  await expect(sessions.comparison(comparisonId)).toContainText("3 votes");
});

test("a version-1 session file opens migrated, and its models are listed as missing with their metadata", async ({ app, sessions }) => {
  const copy = join(app.workspaceDir, "sessions", "greetings-v1.polyglot-session.json");
  await copyFile(join(projectRoot, "src-main", "services", "sessions", "testdata", "session-v1.polyglot-session.json"), copy);

  await sessions.open();
  await sessions.openFromWorkspace(copy);
  await expect(sessions.title).toHaveText("Swahili and Arabic greetings");
  await expect(sessions.migrationNotice).toContainText("Migrated from format version 1");
  await expect(sessions.migrationNotice).toContainText("greetings-v1.polyglot-session.v1.json");
  await expect(sessions.comparisons).toHaveCount(2);

  await sessions.openTab("Models");
  await expect(sessions.modelMatches).toHaveCount(2);
  for (const name of ["base", "continued"]) {
    const row = sessions.page.locator(`[data-testid="model-match"][data-model-name="${name}"]`);
    await expect(row).toHaveAttribute("data-status", "missing");
    await expect(row.locator("th, td")).toHaveText([name, "—", "Q4_K_M", "llama", "1M", "2", "missing", `was /models/${name}.gguf`]);
  }
  await expect(sessions.page.getByTestId("missing-models-hint")).toContainText("2 models are missing: add the file in Models");
});

// Last: replay and the HTML report were built alongside this view.
test("replaying the first test's comparison on the same checkpoints reproduces every pane exactly, and the HTML report downloads", async ({ sessions }) => {
  await sessions.open();
  await sessions.openRecent(defaultSessionPath);
  await sessions.replayAll();
  await expect(sessions.replayRows()).toHaveCount(2);
  for (const row of await sessions.replayRows().all()) await expect(row).toHaveAttribute("data-status", "exact");
  await expect(sessions.replaySummary()).toHaveText("2 of 2 panes exact");

  const download = await sessions.exportHtml();
  expect(download.suggestedFilename()).toBe("default.html");
  const html = await readFile((await download.path())!, "utf8");
  expect(html.slice(0, "<!doctype html>".length).toLowerCase()).toBe("<!doctype html>");
  expect(html).toContain(PROMPT);
});
