import { expect, test } from "../fixtures/test";

/*
 * On an app of its own (a worker option overridden, even to the same value, starts a fresh
 * workspace), so the history and library hold only what these tests put there.
 */
test.use({ appTarget: [async ({ appTarget }, use) => use(appTarget), { scope: "worker" }] });

const BASE = "polyglot-base";
const CONTINUED = "polyglot-continued";
const FIRST_TEMPLATE = "Translate into {{lang}}: {{text}}";
const SECOND_TEMPLATE = "{{text}} ({{lang}})";
const ENDED = /^(eos|max-tokens|stop-string|context-full)$/;

test("a template with variables runs every row on both checkpoints; history, library and a reload", async ({ page, workbench }) => {
  const playground = workbench.playground;
  await workbench.models.ensureLoaded(BASE);
  await workbench.models.ensureLoaded(CONTINUED);
  const editorWorker = page.waitForEvent("worker", { predicate: (worker) => /editor\.worker/.test(worker.url()), timeout: 30_000 });
  await workbench.open("Playground");
  await playground.chooseModels([BASE, CONTINUED]);

  // An invisible character is marked, by the editor's worker (bundled, and allowed by the CSP: the
  // fixture fails the test on any console error); Russian one-letter words that look Latin (с, о),
  // which Monaco's ambiguous-character check would flag, are not.
  await playground.typeInto(playground.promptEditor, "Hello\u200bworld: я с ним и о нём");
  await expect(page.locator(".monaco-editor .unicode-highlight")).toHaveCount(1);
  expect((await editorWorker).url()).toMatch(/\/assets\/editor\.worker-[\w-]+\.js$/);

  // Typed into the real Monaco editor; its variables get a table of values.
  await playground.typeInto(playground.promptEditor, FIRST_TEMPLATE);
  expect(await playground.editorText(playground.promptEditor)).toBe(FIRST_TEMPLATE);
  await expect(page.getByTestId("variables-table").locator("thead th")).toHaveText(["Row", "Language", "{{text}}", "Actions"]);
  // The editor follows the app's theme.
  const monacoRoot = page.locator(".monaco-editor").first();
  await page.getByLabel("Theme").selectOption("dark");
  await expect(monacoRoot).toHaveClass(/\bvs-dark\b/);
  await page.getByLabel("Theme").selectOption("light");
  await expect(monacoRoot).not.toHaveClass(/\bvs-dark\b/);

  await playground.fillRow(1, "fra_Latn", "Good morning");
  await page.getByRole("button", { name: "Add row", exact: true }).click();
  await playground.fillRow(2, "swh_Latn", "Thank you");
  await playground.setSampling("Temperature", 0);
  await playground.setSampling("Max tokens", 24);

  // Ctrl/⌘+Enter inside the editor runs: 2 rows × 2 checkpoints.
  await playground.promptEditor.focus();
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(playground.panes).toHaveCount(4);
  for (const status of await playground.panes.getByTestId("pane-status").all()) await expect(status).toHaveText(ENDED, { timeout: 60_000 });
  await expect(page.getByTestId("result-row").locator("h4")).toHaveText([/^Row 1 French · text: Good morning$/, /^Row 2 Swahili · text: Thank you$/]);
  await expect(playground.panes.locator("h3")).toHaveText([BASE, CONTINUED, BASE, CONTINUED]);
  await expect(playground.historyEntries).toHaveCount(1);

  // A second run, of another template, on the same rows.
  await playground.typeInto(playground.promptEditor, SECOND_TEMPLATE);
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(playground.historyEntries).toHaveCount(2);
  await expect(playground.historyEntries.locator(".preview")).toHaveText([SECOND_TEMPLATE, FIRST_TEMPLATE]);

  // Alt+↑ walks back through the history, each entry with its outputs; Alt+↓ comes back.
  await playground.typeInto(playground.promptEditor, "Draft in progress");
  await page.keyboard.press("Alt+ArrowUp");
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => playground.editorText(playground.promptEditor)).toBe(FIRST_TEMPLATE);
  await expect(page.getByTestId("shown-entry")).toBeVisible();
  await expect(playground.panes).toHaveCount(4);
  await expect(playground.historyEntries.nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Alt+ArrowDown");
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(() => playground.editorText(playground.promptEditor)).toBe("Draft in progress");

  // Ctrl/⌘+S saves the draft to the workspace's library; it is still there after a reload.
  await page.keyboard.press("Alt+ArrowUp");
  await page.getByLabel("Prompt name", { exact: true }).fill("Greetings by language");
  await page.getByLabel("Tags", { exact: true }).fill("e2e, greetings");
  await playground.promptEditor.focus();
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByText("Saved “Greetings by language”.")).toBeVisible();

  await page.reload();
  await workbench.waitUntilReady();
  await expect(page.getByRole("heading", { level: 2, name: "Playground" })).toBeVisible();
  const saved = playground.libraryPrompts.filter({ has: page.getByText("Greetings by language", { exact: true }) });
  await expect(saved).toHaveCount(1);
  await expect(saved.locator(".tag")).toHaveText(["e2e", "greetings"]);
  await saved.getByRole("button", { name: "Load Greetings by language" }).click();
  await expect.poll(() => playground.editorText(playground.promptEditor)).toBe(SECOND_TEMPLATE);
  await expect(playground.historyEntries).toHaveCount(2);
});

test("the template preview points at the line of a custom Jinja error, then shows the exact prompt", async ({ workbench }) => {
  const playground = workbench.playground;
  await playground.openWith(BASE);
  await playground.chat("Bonjour");
  await playground.openTemplatePreview();
  const preview = playground.templatePreview;
  await preview.getByLabel("Chat template").selectOption({ label: "Custom Jinja" });
  const custom = playground.editor("Custom chat template");

  const broken = [
    "{% for message in messages %}<|im_start|>{{ message.role }}",
    "{{ message.content <|im_end|>",
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant",
    "{% endif %}",
  ];
  await playground.typeInto(custom, broken.join("\n"));
  await expect(preview.getByTestId("template-error")).toHaveText(/^line 2: /);
  // Monaco underlines the error in the template.
  await expect(preview.locator(".monaco-editor .squiggly-error")).toHaveCount(1);

  const fixed = [broken[0], "{{ message.content }}<|im_end|>", broken[2], broken[3]];
  await playground.typeInto(custom, fixed.join("\n"));
  await expect(preview.getByTestId("template-error")).toHaveCount(0);
  await expect(preview.locator(".monaco-editor .squiggly-error")).toHaveCount(0);
  await expect(preview.getByTestId("preview-summary")).toHaveText(/^custom Jinja · \d+ tokens for polyglot-base$/);
  const rendered = preview.locator("details.rendered-prompt pre");
  await expect(rendered).toContainText("<|im_start|>user\nBonjour<|im_end|>");
  await expect(preview.getByTestId("special-token").filter({ hasText: /^<\|im_start\|>$/ })).toHaveCount(2);
});
