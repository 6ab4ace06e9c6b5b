/**
 * One-shot commands (inspect, generate, compare) run on the same services as the app, in a
 * throwaway workspace so they never change the user's own.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { AppError } from "../contract/errors";
import type { ModelInfo } from "../contract/models";
import { startWorkbench, type Workbench } from "../app/workbench";
import { modelId } from "../services/models/models-service";

export interface EphemeralOptions {
  /** Hash the models in the background (for commands that record or print their identity). */
  hash?: boolean;
  /** The session comparisons are saved in (default: the throwaway workspace's own). */
  sessionFile?: string;
}

/**
 * Starts a throwaway workbench with `files` added and hands `use` their models, one per file in
 * the same order. A file given twice is added once: both entries get the same model. Fails
 * (before any model is added) when the session file cannot be used, and when a file is no model.
 */
export async function withModels<T>(
  files: string[],
  use: (workbench: Workbench, models: ModelInfo[]) => Promise<T>,
  { hash = false, sessionFile }: EphemeralOptions = {},
): Promise<T> {
  const dir = await mkdtemp(join(os.tmpdir(), "polyglot-cli-"));
  try {
    const workbench = await startWorkbench({ workspaceDir: dir, mode: "cli", demo: false, hashModels: hash, sessionFile });
    try {
      const byPath = new Map<string, ModelInfo>();
      for (const file of files) {
        const path = resolve(file);
        if (!byPath.has(path)) byPath.set(path, await addModel(workbench, file));
      }
      return await use(workbench, files.map((file) => byPath.get(resolve(file))!));
    } finally {
      await workbench.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function withModel<T>(
  file: string,
  use: (workbench: Workbench, model: ModelInfo) => Promise<T>,
  options: EphemeralOptions = {},
): Promise<T> {
  return withModels([file], (workbench, [model]) => use(workbench, model), options);
}

async function addModel(workbench: Workbench, file: string): Promise<ModelInfo> {
  const { added, skipped } = await workbench.models.add([file]);
  // A file already added under another spelling (or inside a folder given before) is skipped.
  const model = added[0] ?? (skipped[0] ? workbench.models.get(modelId(skipped[0])) : undefined);
  if (!model) throw new AppError({ code: "NOT_FOUND", file, message: `${file} is not a model file.` });
  if (model.error) throw new AppError(model.error);
  return model;
}
