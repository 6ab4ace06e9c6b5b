import { expect, test } from "../fixtures/test";
import { renderedFonts } from "../pages/text-layout";

test("Japanese kanji are drawn with the bundled Japanese face, not Simplified Chinese glyph forms", async ({ page, workbench }) => {
  const playground = workbench.playground;
  // 直 and 骨 are drawn differently in Japanese and in Simplified Chinese.
  await playground.renderCompletionPrompt("polyglot-base", "直骨");
  const renderedPrompt = "details.rendered-prompt pre";
  await expect(playground.renderedPrompt).toContainText("直骨");

  // Bundled faces load on first use; until then the browser draws with a fallback.
  await expect.poll(() => renderedFonts(page, renderedPrompt))
    .toContainEqual({ family: expect.stringMatching(/^Noto Sans JP\b/), bundled: true });
  expect(await renderedFonts(page, renderedPrompt)).not.toContainEqual({ family: expect.stringMatching(/^Noto Sans SC\b/), bundled: true });
});
