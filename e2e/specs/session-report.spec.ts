/**
 * The static HTML report of a session, made by the CLI from a real session (two fixture models
 * compared on an Arabic and an English prompt, two raters' votes, an eval run), opened in Chromium
 * from file:// with every other request blocked: it must show everything with nothing loaded, no
 * script and no console message. No app is started: the report needs none.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runnerImport } from "vite";
import { cliEntry, projectRoot } from "../fixtures/paths";
import { expect, test } from "../fixtures/test";

const MAX_TOKENS = 16;
/** Greeting prompts: the continued checkpoint answers the Arabic one in Arabic, two byte tokens a letter. */
const PROMPTS = [{ text: "مرحبا", language: "arb_Arab" }, { text: "The river", language: "eng_Latn" }];

/** As much of the session file as this spec reads (main's types are outside the E2E project). */
interface SessionJson {
  comparisons: { id: string; panes: { model: { name: string }; output: { text: string; tokens: [number, string, number, unknown?][] } }[] }[];
  evalRuns: unknown[];
}

function polyglot(...args: string[]): string {
  const result = spawnSync(process.execPath, [cliEntry, ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, POLYGLOT_THREADS: "1" } });
  if (result.status !== 0) throw new Error(`polyglot ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Control characters as the report shows them: Unicode's control pictures (U+2400…). */
function shown(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (character) => String.fromCharCode(0x2400 + character.charCodeAt(0)));
}

let dir: string;
let reportFile: string;
let session: SessionJson;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "polyglot-e2e-report-"));
  const { module } = await runnerImport<{ writeFixtureModels(dir: string): Promise<string[]> }>(
    join(projectRoot, "src-main", "fixtures", "fixture-checkpoints.ts"), { configFile: false, logLevel: "error" });
  const [base, continued] = await module.writeFixtureModels(dir);
  const sessionFile = join(dir, "greetings.polyglot-session.json");
  for (const { text, language } of PROMPTS) {
    polyglot("compare", "--model", base, "--model", continued, "--prompt", text, "--language", language,
      "--temperature", "0", "--max-tokens", String(MAX_TOKENS), "--session", sessionFile);
  }
  const [arabic, english] = (JSON.parse(await readFile(sessionFile, "utf8")) as SessionJson).comparisons.map((comparison) => comparison.id);
  const vote = (comparison: string, winner: string, rater: string) =>
    polyglot("session", "vote", sessionFile, "--comparison", comparison, "--winner", winner, "--rater", rater);
  vote(arabic, "b", "Amina");
  vote(arabic, "b", "Wanjiru");
  vote(english, "a", "Amina");
  vote(english, "tie", "Wanjiru");

  // A reference to an eval run, with its results, as the app stores it in the session.
  const json = JSON.parse(await readFile(sessionFile, "utf8")) as SessionJson;
  json.evalRuns = [{
    runId: "run-1", name: "XCOPA on both checkpoints", addedAt: "2025-03-01T10:00:00.000Z", tasks: ["xcopa"],
    models: ["polyglot-base", "polyglot-continued"],
    rows: [
      { task: "xcopa", lang: "swh_Latn", model: "polyglot-base", n: 100, metrics: { acc: { value: 0.52, ci: [0.42, 0.62] } }, signatures: {} },
      { task: "xcopa", lang: "swh_Latn", model: "polyglot-continued", n: 100, metrics: { acc: { value: 0.68, ci: [0.59, 0.77] } }, signatures: {} },
    ],
  }];
  await writeFile(sessionFile, JSON.stringify(json, null, 2));
  session = json;

  reportFile = join(dir, "report.html");
  polyglot("session", "export-html", sessionFile, "--out", reportFile);
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("the report opens offline with nothing loaded and shows outputs, token probabilities, votes, leaderboard and eval chart", async ({ browser, appTarget }) => {
  test.skip(appTarget !== "server", "The report is a file, not the app: it is opened once, in the Chromium project.");
  const url = pathToFileURL(reportFile).href;
  const context = await browser.newContext();
  const attempted: string[] = [];
  context.on("request", (request) => attempted.push(request.url()));
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  await page.goto(url);
  await expect(page.locator("h1")).toHaveText("greetings");

  await test.step("each pane shows its model's output", async () => {
    for (const [index, comparison] of session.comparisons.entries()) {
      const panes = page.locator(`#comparison-${index + 1} .pane`);
      await expect(panes).toHaveCount(2);
      for (const [paneIndex, pane] of comparison.panes.entries()) {
        await expect(panes.nth(paneIndex).locator("h4")).toHaveText(`${paneIndex + 1}. ${pane.model.name}`);
        expect(await panes.nth(paneIndex).locator(".output").textContent()).toBe(shown(pane.output.text));
      }
    }
  });

  await test.step("Arabic reads right to left, a letter made of two byte tokens shows whole, with its probability", async () => {
    const prompt = page.locator("#comparison-1 .prompt .text");
    await expect(prompt).toHaveText(PROMPTS[0].text);
    expect(await prompt.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    const arabic = session.comparisons[0].panes[1];
    const output = page.locator("#comparison-1 .pane").nth(1).locator(".output");
    expect(await output.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    expect(arabic.output.text).toMatch(/^\p{Script=Arabic}/u);
    const chips = output.locator("span[title]");
    // Every letter is two tokens, the first adding "" (byte-level vocabulary): one span per letter.
    const letters = [...arabic.output.text];
    expect(arabic.output.tokens.length).toBe(2 * letters.length);
    expect(await chips.allTextContents()).toEqual(letters);
    const [first, second] = arabic.output.tokens;
    const probability = Math.exp(first[2] + second[2]) * 100;
    const title = await chips.first().getAttribute("title");
    expect(title).toContain(`${letters[0]} ${probability >= 0.1 ? probability.toFixed(1) : probability.toPrecision(2)}% (2 tokens)`);
    expect(title).toMatch(/alternatives: .+ \d+(\.\d+)?%/);
  });

  await test.step("the votes with their raters, the leaderboard and the raters' agreement", async () => {
    const raters = page.locator("#comparison-1 .votes tbody .rater");
    await expect(raters).toHaveText(["Amina", "Wanjiru"]);
    await expect(page.locator("#comparison-2 .votes tbody tr").nth(1).locator("td").nth(1)).toHaveText("tie");
    // Continued won both Arabic votes, base one English vote, and one was a tie.
    const rows = page.locator(".leaderboard-table tbody tr");
    await expect(rows.locator("td:nth-child(2)")).toHaveText(["polyglot-continued", "polyglot-base"]);
    await expect(rows.first().locator("td").nth(5)).toHaveText("2");
    await expect(page.locator(".leaderboard-chart circle")).toHaveCount(2);
    // Amina b, a; Wanjiru b, tie: p_o = 1/2, p_e = 1/2·1/2 (b) = 1/4, κ = (1/2 − 1/4) / (3/4) = 1/3.
    await expect(page.locator("#agreement .agreement")).toHaveText("Cohen's kappa 0.333 on 2 items every rater judged.");
  });

  await test.step("the eval run as a chart and a table", async () => {
    const chart = page.locator(".eval-chart");
    await expect(chart).toHaveCount(1);
    await expect(chart.locator("rect")).toHaveCount(2);
    expect((await chart.boundingBox())?.width).toBeGreaterThan(100);
    await expect(page.locator(".eval-table tbody tr").nth(1)).toContainText("68.0% [59.0%, 77.0%]");
  });

  // The listener sees file:// requests too (the report's own is there): nothing else was even tried.
  expect(attempted, "requests the page made").toEqual([url]);
  expect(problems, "console messages and page errors").toEqual([]);
  await context.close();
});
