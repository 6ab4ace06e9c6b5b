import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "../fixtures/test";

test("a corrupt or truncated model is reported inline, naming the file, and the app keeps working", async ({ page, workbench, app }) => {
  const models = workbench.models;
  const corrupt = join(app.workspaceDir, "corrupt.gguf");
  const truncated = join(app.workspaceDir, "truncated.gguf");
  const fixture = await readFile(await models.filePath("polyglot-base"));
  await writeFile(corrupt, randomBytes(4096));
  await writeFile(truncated, fixture.subarray(0, Math.floor(fixture.length / 2)));

  // Whether main refuses the file or adds it with an error, the user sees an alert naming it.
  await models.add(corrupt);
  await expect(page.getByRole("alert").filter({ hasText: "corrupt.gguf" }).first()).toBeVisible();
  await models.add(truncated);
  await expect(page.getByRole("alert").filter({ hasText: "truncated.gguf" }).first()).toBeVisible();

  await expect(models.row("polyglot-base").getByRole("alert")).toHaveCount(0);
  await models.ensureLoaded("polyglot-continued");
});
