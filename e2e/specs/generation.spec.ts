import { expect, test } from "../fixtures/test";

test("a greedy completion streams into the output, then shows its stats", async ({ page, workbench }) => {
  const playground = workbench.playground;
  await playground.openWith("polyglot-base");
  await playground.completion("Bonjour");
  await playground.setSampling("Temperature", 0);
  await playground.setSampling("Max tokens", 600);

  // Record the output's length at every DOM change until the stats appear.
  await page.getByRole("main").evaluate((main) => {
    const lengths: number[] = [];
    const view = main.ownerDocument.defaultView!;
    Object.assign(view, { outputLengths: lengths });
    new view.MutationObserver(() => {
      if (main.querySelector('[data-testid="generation-stats"]')) return;
      const output = main.querySelector('[data-testid="compare-pane"] [data-testid="token-view"]');
      if (output) lengths.push(output.textContent!.length);
    }).observe(main, { childList: true, subtree: true, characterData: true });
  });
  await playground.run();
  await playground.waitUntilDone();

  const lengths = await page.getByRole("main").evaluate((main) => (main.ownerDocument.defaultView as unknown as { outputLengths: number[] }).outputLengths);
  const distinctPartialLengths = new Set(lengths.filter((length) => length > 0));
  expect(distinctPartialLengths.size, `output lengths seen while streaming: ${lengths.join(", ")}`).toBeGreaterThan(1);

  await expect(playground.output).not.toBeEmpty();
  await expect(playground.stat("stopReason")).toHaveText(/^(eos|max-tokens|stop-string|context-full)$/);
  await expect(playground.stat("generatedTokens")).toHaveText(/^[1-9][\d,]*$/);
  await expect(playground.stat("promptTokens")).toHaveText(/^[1-9][\d,]*$/);
  await expect(playground.stat("timeToFirstToken")).toHaveText(/^\d+ ms$/);
  await expect(playground.stat("tokensPerSecond")).toHaveText(/^\d+(\.\d)?$/);
  await playground.showRenderedPrompt();
  await expect(playground.renderedPrompt).toContainText("Bonjour");
});

test("a long generation can be stopped, even thousands of tokens in", async ({ page, workbench }) => {
  const playground = workbench.playground;
  // polyglot-base's greedy continuation of "The" is " the the the…", never end-of-text. The fixture's
  // own context (2048 tokens) would end it within a second, so load it with room for every token:
  // the run then lasts minutes, and Stop is what ends it.
  const maxTokens = 32768;
  const streamedBeforeStop = 8000; // characters, one per token of this byte-level vocabulary
  await workbench.models.loadWithContextSize("polyglot-base", maxTokens + 64);
  await playground.openWith("polyglot-base");
  await playground.completion("The");
  await playground.setSampling("Temperature", 0);
  await playground.setSampling("Max tokens", maxTokens);

  await playground.run();
  // Well into the run, the page must still have time for the click.
  await expect.poll(() => playground.output.evaluate((output) => output.textContent!.length), { timeout: 60_000 })
    .toBeGreaterThan(streamedBeforeStop);
  await playground.stop();
  await playground.waitUntilDone();

  await expect(playground.stat("stopReason")).toHaveText("cancelled");
  const generated = Number((await playground.stat("generatedTokens").textContent())!.replace(/,/g, ""));
  expect(generated).toBeGreaterThan(streamedBeforeStop);
  expect(generated).toBeLessThan(maxTokens);
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
});
