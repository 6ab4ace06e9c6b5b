import { expect, test } from "../fixtures/test";

test("an Arabic chat message and the reply read right to left", async ({ workbench }) => {
  const playground = workbench.playground;
  await playground.openWith("polyglot-continued");
  const message = await playground.chat("مرحبا، كيف حالك اليوم؟");
  await playground.setSampling("Max tokens", 40);

  await expect(message).toHaveAttribute("dir", "auto");
  expect(await message.evaluate((element) => element.matches(":dir(rtl)"))).toBe(true);

  await playground.run();
  await playground.waitUntilDone();
  await expect(playground.output).toHaveAttribute("dir", "auto");
});
