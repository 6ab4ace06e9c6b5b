import { expect, test } from "../fixtures/test";
import { renderedFonts } from "../pages/text-layout";

test("Japanese kanji are drawn with the bundled Japanese face, not Simplified Chinese glyph forms", async ({ page, workbench }) => {
  const playground = workbench.playground;
  await playground.openWith("polyglot-base");
  // 直 and 骨 are drawn differently in Japanese and in Simplified Chinese.
  await playground.completion("直骨");
  await playground.setSampling("Max tokens", 1);
  await playground.run();
  await playground.waitUntilDone();
  await page.getByText("Prompt as the model saw it").click();
  const renderedPrompt = "details.rendered-prompt pre";
  await expect(page.locator(renderedPrompt)).toContainText("直骨");

  // Bundled faces load on first use; until then the browser draws with a fallback.
  await expect.poll(() => renderedFonts(page, renderedPrompt))
    .toContainEqual({ family: expect.stringMatching(/^Noto Sans JP\b/), bundled: true });
  expect(await renderedFonts(page, renderedPrompt)).not.toContainEqual({ family: expect.stringMatching(/^Noto Sans SC\b/), bundled: true });
});
