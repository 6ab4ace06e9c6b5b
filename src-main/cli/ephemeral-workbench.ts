/**
 * One-shot commands (inspect, generate) run on the same services as the app, in a throwaway
 * workspace so they never change the user's own.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { AppError } from "../contract/errors";
import type { ModelInfo } from "../contract/models";
import { startWorkbench, type Workbench } from "../app/workbench";

export async function withModel<T>(
  file: string,
  use: (workbench: Workbench, model: ModelInfo) => Promise<T>,
  { hash = false }: { hash?: boolean } = {},
): Promise<T> {
  const dir = await mkdtemp(join(os.tmpdir(), "polyglot-cli-"));
  const workbench = await startWorkbench({ workspaceDir: dir, mode: "cli", demo: false, hashModels: hash });
  try {
    const { added } = await workbench.models.add([file]);
    const model = added[0];
    if (!model) throw new AppError({ code: "NOT_FOUND", file, message: `${file} is not a model file.` });
    if (model.error) throw new AppError(model.error);
    return await use(workbench, model);
  } finally {
    await workbench.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}
