import type { Locator } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { lineSides } from "../pages/text-layout";

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** The direction the browser resolved for the element (dir="auto" takes its first strong character's). */
const readsRightToLeft = (locator: Locator) => locator.evaluate((element) => element.matches(":dir(rtl)"));

test("an Arabic chat message and Arabic output read right to left", async ({ workbench }) => {
  const playground = workbench.playground;
  await playground.openWith("polyglot-continued");
  const message = await playground.chat("مرحبا، كيف حالك اليوم؟");
  // Monaco lays out each line in its own direction: a line starting in Arabic gets dir="rtl".
  const line = playground.editorLines(message).first();
  await expect(line).toHaveAttribute("dir", "rtl");
  expect(await readsRightToLeft(line)).toBe(true);

  // A chat reply would not do: a bigram model's reply depends only on the "\n" that ends the
  // template's reply header, whatever the message, and for this fixture that greedy reply is
  // Cyrillic. An Arabic prompt in completion mode continues in Arabic, so the output is checked there.
  await playground.completion("مرحبا");
  await playground.setSampling("Temperature", 0);
  await playground.setSampling("Max tokens", 40);
  await playground.run();
  await playground.waitUntilDone();
  await expect(playground.output).toHaveText(ARABIC_LETTER);
  await expect(playground.output).toHaveAttribute("dir", "auto");
  expect(await readsRightToLeft(playground.output)).toBe(true);
});

test("each line of mixed-direction text reads in its own direction", async ({ workbench }) => {
  const playground = workbench.playground;
  await playground.renderCompletionPrompt("polyglot-continued", "Hello\nمرحبا");
  const renderedPrompt = playground.renderedPrompt;
  await expect(renderedPrompt).toContainText("مرحبا");
  expect(await lineSides(renderedPrompt)).toEqual([
    { line: expect.stringContaining("Hello"), side: "left" },
    { line: "مرحبا", side: "right" },
  ]);

  // The fixtures end every reply at the end of a sentence, so no real output spans two lines: put
  // two into the output the app rendered, and check how its styles lay them out.
  await playground.output.evaluate((output) => (output.textContent = "Hello\nمرحبا"));
  expect(await lineSides(playground.output)).toEqual([{ line: "Hello", side: "left" }, { line: "مرحبا", side: "right" }]);
});
