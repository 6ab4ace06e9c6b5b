import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runnerImport } from "vite";
import { projectRoot } from "../fixtures/paths";
import { expect, test as base } from "../fixtures/test";
import { ComparePage } from "../pages/compare-page";

const BASE = "polyglot-base";
const CONTINUED = "polyglot-continued";
type FixtureName = typeof BASE | typeof CONTINUED;

const PROMPT = "The river";

const test = base.extend<{ compare: ComparePage }>({
  compare: async ({ page, workbench }, use) => {
    await use(new ComparePage(page, workbench));
  },
});

/*
 * This file's tests run on an app of their own, on a fresh workspace: a worker option overridden
 * here, even to the same value, puts them in a worker of their own, which starts the app anew. Its
 * session then holds only the votes cast below, and no other spec file sees them.
 */
test.use({ appTarget: [async ({ appTarget }, use) => use(appTarget), { scope: "worker" }] });

// --- What greedy decoding must produce: the fixtures' bigram tables, read by the test oracle ------

interface GreedyPrediction {
  ids: number[];
  logprobs: number[];
  endsWithEog: boolean;
  minMargin: number;
}

interface BigramOracle {
  fixtureTable(name: FixtureName): unknown;
  greedyContinuation(table: unknown, prompt: string, maxTokens: number): GreedyPrediction;
  bytesToText(ids: number[]): string;
  SAFE_MARGIN: number;
}

/**
 * src-main/test-support/bigram-oracle.ts builds the tables from the fixture corpora, which it
 * imports as Vite `?raw` modules: Vite's module runner loads it as the unit tests do.
 */
let oracle: Promise<BigramOracle> | undefined;
function loadOracle(): Promise<BigramOracle> {
  oracle ??= runnerImport<BigramOracle>(join(projectRoot, "src-main", "test-support", "bigram-oracle.ts"), {
    configFile: false, logLevel: "error",
  }).then(({ module }) => module);
  return oracle;
}

interface Expected {
  text: string;
  /** Probability of each character as the pane's chips show it (a character's bytes multiplied). */
  logprobs: number[];
  stopReason: "eos" | "max-tokens";
}

/** The greedy (temperature 0) output of `model` after `prompt`, predicted with a safe margin from ties. */
async function greedy(model: FixtureName, prompt: string, maxTokens: number): Promise<Expected> {
  const { fixtureTable, greedyContinuation, bytesToText, SAFE_MARGIN } = await loadOracle();
  const prediction = greedyContinuation(fixtureTable(model), prompt, maxTokens);
  expect(prediction.minMargin, `${model} after ${JSON.stringify(prompt)} is too close to a tie to predict`).toBeGreaterThan(SAFE_MARGIN);
  return { text: bytesToText(prediction.ids), logprobs: prediction.logprobs, stopReason: prediction.endsWithEog ? "eos" : "max-tokens" };
}

/** Sets up two panes, `models[0]` and `models[1]`, each at temperature 0 (the default) and `maxTokens`. */
async function setUpPanes(compare: ComparePage, models: [FixtureName, FixtureName], maxTokens: number): Promise<void> {
  await compare.open();
  await expect(compare.paneSetups).toHaveCount(2);
  for (const [index, model] of models.entries()) {
    await compare.chooseModel(index, model);
    await compare.setPaneParameter(index, "Max tokens", maxTokens);
    await expect(compare.paneSetups.nth(index).locator("summary")).toContainText(`T 0 · max ${maxTokens}`);
  }
}

test("two checkpoints on one prompt: each pane streams its model's greedy text, token by token, with alternatives and differences", async ({ page, compare }) => {
  const maxTokens = 128;
  await setUpPanes(compare, [BASE, CONTINUED], maxTokens);
  await compare.setPrompt(PROMPT);
  const expected = [await greedy(BASE, PROMPT, maxTokens), await greedy(CONTINUED, PROMPT, maxTokens)];
  expect(expected[0].text).not.toBe(expected[1].text);

  // Record how many tokens each pane shows at every DOM change while it is still streaming.
  await page.getByRole("main").evaluate((main) => {
    const seen: number[][] = [[], []];
    Object.assign(main.ownerDocument.defaultView!, { paneTokenCounts: seen });
    new MutationObserver(() => {
      main.querySelectorAll('[data-testid="compare-pane"]').forEach((pane, index) => {
        if (pane.getAttribute("aria-busy") === "true") seen[index]?.push(pane.querySelectorAll('[data-testid="token"]').length);
      });
    }).observe(main, { childList: true, subtree: true, attributes: true });
  });
  await compare.runAll();
  await expect(compare.panes).toHaveCount(2);
  await expect(compare.pane(0)).toHaveAttribute("data-title", `1. ${BASE}`);
  await expect(compare.pane(1)).toHaveAttribute("data-title", `2. ${CONTINUED}`);
  await compare.waitUntilFinished();

  const counts = await page.evaluate(() => (window as unknown as { paneTokenCounts: number[][] }).paneTokenCounts);
  for (const [index, seen] of counts.entries()) {
    expect(seen.some((count) => count > 0), `pane ${index + 1} showed tokens before it ended: ${seen.join(", ")}`).toBe(true);
  }

  for (const index of [0, 1]) {
    expect(await compare.paneText(index)).toBe(expected[index].text);
    await expect(compare.paneStatus(index)).toHaveText(expected[index].stopReason);
    await expect(compare.pane(index).locator('[data-stat="generatedTokens"] dd')).toHaveText(String(maxTokens));
    await expect(compare.pane(index).getByTestId("rendered-prompt")).toContainText(PROMPT);
  }
  // One chip per character: the Cyrillic letters the continued checkpoint writes arrive as two byte
  // tokens each and show whole.
  const characters = [...expected[1].text];
  expect(characters.some((character) => /\p{Script=Cyrillic}/u.test(character))).toBe(true);
  expect(await compare.tokens(1).allTextContents()).toEqual(characters);
  expect(await compare.paneText(1)).not.toContain("\uFFFD");

  // Each chip carries its probability (a Cyrillic letter's: both bytes') and is coloured by it.
  const chipProbability = async (index: number, chip: number) => Number(await compare.tokens(index).nth(chip).getAttribute("data-probability"));
  expect(await chipProbability(0, 0)).toBeCloseTo(Math.exp(expected[0].logprobs[0]), 3);
  const firstCyrillic = characters.findIndex((character) => /\p{Script=Cyrillic}/u.test(character));
  const byteOffset = new TextEncoder().encode(characters.slice(0, firstCyrillic).join("")).length;
  expect(await chipProbability(1, firstCyrillic))
    .toBeCloseTo(Math.exp(expected[1].logprobs[byteOffset] + expected[1].logprobs[byteOffset + 1]), 3);
  const colours = await compare.tokens(0).nth(0).evaluate((chip) => {
    const probe = chip.ownerDocument.createElement("span");
    const probability = Number(chip.getAttribute("data-probability"));
    probe.style.background = `hsl(${Math.round(probability * 120)} 85% 50% / 0.28)`;
    chip.ownerDocument.body.append(probe);
    const result = { chip: getComputedStyle(chip).backgroundColor, expected: getComputedStyle(probe).backgroundColor };
    probe.remove();
    return result;
  });
  expect(colours.chip).toBe(colours.expected);
  expect(colours.chip).not.toBe("rgba(0, 0, 0, 0)");

  // Hovering a token shows its probability and the five most likely tokens, the greedy choice first.
  const hovered = compare.tokens(0).nth(2);
  await hovered.hover();
  const popup = compare.alternatives(0);
  await expect(popup).toBeVisible();
  const probability = Number(await hovered.getAttribute("data-probability"));
  await expect(popup.locator(".chosen")).toContainText(`${(probability * 100).toFixed(1)}%`);
  const rows = popup.getByTestId("alternative");
  expect(await rows.count()).toBeGreaterThanOrEqual(5);
  await expect(rows.first()).toHaveClass(/\bpicked\b/);
  await expect(rows.first().locator(".probability")).toHaveText(`${(probability * 100).toFixed(1)}%`);
  const percentages = (await rows.locator(".probability").allTextContents()).map((text) => Number(text.replace("%", "")));
  expect(percentages).toEqual([...percentages].sort((a, b) => b - a));
  await page.mouse.move(0, 0);
  await expect(popup).toBeHidden();

  // Focusing one does too (each of a Cyrillic letter's bytes with its own alternatives); Esc hides them.
  await compare.tokens(1).nth(firstCyrillic).focus();
  await expect(compare.alternatives(1)).toBeVisible();
  await expect(compare.alternatives(1).locator("section")).toHaveCount(2);
  expect(await compare.alternatives(1).getByTestId("alternative").count()).toBeGreaterThanOrEqual(10);
  await page.keyboard.press("Escape");
  await expect(compare.alternatives(1)).toBeHidden();

  await compare.showDifferences();
  await expect(compare.paneOutput(0).getByTestId("diff-text")).toHaveCount(0);
  await expect(compare.paneOutput(1).getByTestId("diff-text")).toBeVisible();
  expect(await compare.diffMarks(1).count()).toBeGreaterThan(0);
  expect(await compare.paneText(1)).toBe(expected[1].text);
  await expect(compare.tokens(1)).toHaveCount(0);
});

/** Runs `PROMPT` blind on both checkpoints, names the rater and casts `key`; returns the models as A and B. */
async function castBlindVote(compare: ComparePage, key: "a" | "b", maxTokens: number): Promise<{ a: FixtureName; b: FixtureName }> {
  await setUpPanes(compare, [BASE, CONTINUED], maxTokens);
  await compare.setPrompt(PROMPT);
  await compare.setPromptLanguage("eng_Latn");
  await compare.setBlindMode(true);
  await compare.runAll();

  // Anonymous until the vote: A and B, no model names.
  await expect(compare.panes).toHaveCount(2);
  await expect(compare.pane(0)).toHaveAttribute("data-title", "A");
  await expect(compare.pane(1)).toHaveAttribute("data-title", "B");
  await compare.setRater("Ana Tester");
  await compare.waitUntilVotingOpens();
  await expect(compare.votePanel).not.toContainText(BASE);
  await expect(compare.votePanel).not.toContainText(CONTINUED);

  await compare.voteByKey(key);
  await expect(compare.voteResult).toContainText(`Saved: ${key.toUpperCase()} is better`);
  const names = await compare.revealedNames();
  expect([names.a, names.b].sort()).toEqual([BASE, CONTINUED]);
  await expect(compare.pane(0)).toHaveAttribute("data-title", `A: ${names.a}`);
  await expect(compare.pane(1)).toHaveAttribute("data-title", `B: ${names.b}`);
  await expect(compare.verdictButton(key === "a" ? "b" : "a")).toBeDisabled();
  return names as { a: FixtureName; b: FixtureName };
}

/*
 * Blind voting, then exporting that vote: in order, as the export reads the votes of the session,
 * which the first test's vote is the only one of.
 */
test.describe.serial("blind voting", () => {
  const maxTokens = 40;
  let voted: { winner: FixtureName; loser: FixtureName } | undefined;

  test("a vote cast by keyboard reveals both models, and the leaderboard ranks the winner first", async ({ compare }) => {
    const names = await castBlindVote(compare, "b", maxTokens);
    voted = { winner: names.b, loser: names.a };

    await compare.openTab("Leaderboard");
    await expect(compare.leaderboardVotes).toHaveText("1 vote");
    await expect(compare.leaderboardRows).toHaveCount(2);
    await expect(compare.leaderboardRows.nth(0)).toHaveAttribute("data-model-name", voted.winner);
    await expect(compare.leaderboardRows.nth(1)).toHaveAttribute("data-model-name", voted.loser);
    await expect(compare.leaderboardRow(voted.winner).locator('[data-column="wlt"]')).toHaveText("1 / 0 / 0");
    await expect(compare.leaderboardRow(voted.loser).locator('[data-column="wlt"]')).toHaveText("0 / 1 / 0");
    const rating = async (name: string) => Number(await compare.leaderboardRow(name).locator('[data-column="rating"]').textContent());
    expect(await rating(voted.winner)).toBeGreaterThan(await rating(voted.loser));
  });

  test("DPO JSONL export holds that vote: prompt, chosen and rejected outputs, models, rater and languages", async ({ page, compare }) => {
    expect(voted, "the vote of the test before").toBeDefined();
    const { winner, loser } = voted!;
    await compare.open();
    await compare.openTab("Leaderboard");
    await expect(compare.leaderboardVotes).toHaveText("1 vote");

    const download = await compare.exportFile("DPO JSONL");
    expect(download.suggestedFilename()).toBe("preferences.dpo.jsonl");
    const content = await readFile((await download.path())!, "utf8");
    await expect(page.getByTestId("export-result")).toHaveText("Saved preferences.dpo.jsonl (1 record)");

    expect(content.endsWith("\n")).toBe(true);
    const lines = content.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]) as Record<string, unknown> & { metadata: Record<string, unknown> };
    expect(Object.keys(record).sort()).toEqual(["chosen", "metadata", "prompt", "rejected"]);
    expect(record.prompt).toBe(PROMPT);
    expect(record.chosen).toBe((await greedy(winner, PROMPT, maxTokens)).text);
    expect(record.rejected).toBe((await greedy(loser, PROMPT, maxTokens)).text);
    expect(record.chosen).not.toBe(record.rejected);

    const { metadata } = record;
    expect(metadata.chosen_model).toEqual({ name: winner, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(metadata.rejected_model).toEqual({ name: loser, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((metadata.chosen_model as { sha256: string }).sha256).not.toBe((metadata.rejected_model as { sha256: string }).sha256);
    expect(metadata.rater).toBe("Ana Tester");
    expect(metadata.prompt_language).toBe("eng_Latn");
    expect(metadata.response_language).toBe("eng_Latn");
    expect(metadata.blind).toBe(true);
    expect(metadata.note).toBe("");
    expect(metadata.comparison_id).toEqual(expect.any(String));
    expect(metadata.vote_id).toEqual(expect.any(String));
    expect(metadata.chosen_params).toMatchObject({ temperature: 0, maxTokens });
    expect(metadata.rejected_params).toMatchObject({ temperature: 0, maxTokens });
  });
});

test("a language fan-out runs the template per language: a row per language, a column per model, each cell its greedy text", async ({ compare }) => {
  // Both checkpoints continue these with whole characters (Cyrillic ones are two tokens) in 41 tokens.
  const maxTokens = 41;
  const values = { eng_Latn: "The old", fra_Latn: "Le marché de la" };
  const languages = Object.keys(values) as (keyof typeof values)[];
  const models: [FixtureName, FixtureName] = [BASE, CONTINUED];
  await setUpPanes(compare, models, maxTokens);
  // The languages' prompts make different text, so a row shows its own language's.
  expect((await greedy(BASE, values.eng_Latn, maxTokens)).text).not.toBe((await greedy(BASE, values.fra_Latn, maxTokens)).text);

  await compare.openTab("Language fan-out");
  await compare.setFanOutTemplate("{{text}}");
  await compare.setFanOutLanguages(languages);
  for (const language of languages) await compare.setFanOutValue(language, "text", values[language]);
  await compare.runFanOut();

  await expect(compare.fanOutRows()).toHaveCount(2);
  expect(await compare.fanOutRows().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-language")))).toEqual(languages);
  expect(await compare.fanOutColumns()).toEqual(models);
  await compare.waitUntilFanOutFinished();

  for (const language of languages) {
    for (const [index, model] of models.entries()) {
      const expected = await greedy(model, values[language], maxTokens);
      const cell = compare.fanOutCell(language, index);
      await expect(cell.getByTestId("fan-out-cell-text")).toHaveJSProperty("textContent", expected.text);
      await expect(cell.getByTestId("fan-out-cell-status")).toHaveText("done");
    }
  }

  await compare.fanOutCell("fra_Latn", 1).click();
  await expect(compare.fanOutDialog).toBeVisible();
  await expect(compare.fanOutDialog.getByTestId("fan-out-dialog-model")).toHaveText(CONTINUED);
  await expect(compare.fanOutDialog.getByTestId("fan-out-dialog-language")).toContainText("fra_Latn");
  expect(await compare.fanOutDialogText()).toBe((await greedy(CONTINUED, values.fra_Latn, maxTokens)).text);
  await expect(compare.fanOutDialog.locator('[data-stat="generatedTokens"] dd')).toHaveText(/^[1-9]\d*$/);
  await compare.fanOutDialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(compare.fanOutDialog).toHaveCount(0);
});
