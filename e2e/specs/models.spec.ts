import { expect, test } from "../fixtures/test";

const DEMO_MODELS = ["polyglot-base", "polyglot-continued"];

test("the demo workspace lists both fixture models with their metadata", async ({ page, workbench, app }) => {
  await expect(page.getByRole("banner")).toContainText(app.workspaceDir);
  await expect(page.getByTestId("backend")).toHaveText(/^(cpu|cuda|vulkan|metal)/);

  for (const name of DEMO_MODELS) {
    const row = workbench.models.row(name);
    await expect(row.getByRole("heading", { name })).toBeVisible();
    await expect(row).toContainText(`${name}.gguf`);
    await expect(row).toContainText("llama");
    await expect(row).toContainText(/Parameters\s*\d+(\.\d+)?[KMB]?/);
    await expect(row).toContainText(/Size\s*[\d.]+ (B|KiB|MiB|GiB)/);
    await expect(row).toContainText(/SHA-256\s*([0-9a-f]{12}|hashing… \d+%)/);
    await expect(row.getByRole("alert")).toHaveCount(0);
  }

  const details = await workbench.models.openDetails("polyglot-base");
  await expect(details.locator("pre.chat-template")).toContainText("im_start");
  for (const label of ["Tokenizer model", "Vocabulary size", "Languages declared", "Tensor count", "GGUF version"]) {
    await expect(details).toContainText(label);
  }
  await expect(details.getByRole("region", { name: "Memory estimate" })).toContainText(/Fits|Does not fit/);
});

test("each view not built yet says what it will do", async ({ page, workbench }) => {
  await workbench.open("Data");
  await expect(page.getByRole("main")).toContainText("dataset tools", { ignoreCase: true });
  await expect(page.getByRole("main")).toContainText("not built yet");

  // Eval and Sessions are built: their own views, not a placeholder.
  await workbench.open("Eval");
  await expect(page.getByRole("form", { name: "New eval run" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("not built yet");
  await workbench.open("Sessions");
  await expect(page.getByRole("heading", { name: "Sessions", level: 2 })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("not built yet");
});

test("the theme choice applies at once and survives a reload", async ({ page, workbench }) => {
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await workbench.waitUntilReady();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Theme")).toHaveValue("dark");
});
