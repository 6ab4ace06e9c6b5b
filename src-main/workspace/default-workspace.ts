import os from "node:os";
import { join } from "node:path";
import { demoParallelDir, writeParallelFixture } from "../fixtures/demo-parallel";
import { writeXcopaFixture } from "../fixtures/demo-xcopa";
import { writeFixtureModels } from "../fixtures/fixture-checkpoints";
import { writeFixtureTokenizers } from "../fixtures/fixture-tokenizers";
import { Workspace } from "./workspace";

/** Where the app keeps its workspace when none is named: the per-user data folder. */
export function defaultWorkspaceDir(): string {
  if (process.env.POLYGLOT_WORKSPACE) return process.env.POLYGLOT_WORKSPACE;
  const dataHome = process.platform === "win32"
    ? process.env.APPDATA ?? join(os.homedir(), "AppData", "Roaming")
    : process.platform === "darwin"
      ? join(os.homedir(), "Library", "Application Support")
      : process.env.XDG_DATA_HOME ?? join(os.homedir(), ".local", "share");
  return join(dataHome, "polyglot-workbench", "workspace");
}

/**
 * Opens a workspace; a new one becomes the demo workspace, holding the fixture checkpoints and
 * tokenizers, a small XCOPA-format dataset (`datasets/xcopa-demo`) and parallel corpus
 * (`datasets/parallel-demo`), so the first start shows something real with no set-up.
 */
export async function openWorkspace(dir: string, { demo = true } = {}): Promise<Workspace> {
  const { workspace, created } = await Workspace.open(dir);
  if (created && demo) {
    const modelsDir = join(workspace.dir, "models");
    // The two checkpoints, then two tokenizer-only files for the Tokenization lab.
    await workspace.setModelPaths([...await writeFixtureModels(modelsDir), ...await writeFixtureTokenizers(modelsDir)]);
    await writeXcopaFixture(demoDatasetDir(workspace.dir));
    await writeParallelFixture(demoParallelDir(workspace.dir));
  }
  return workspace;
}

/** The demo workspace's XCOPA-format data (the Eval view's data field suggests it). */
export function demoDatasetDir(workspaceDir: string): string {
  return join(workspaceDir, "datasets", "xcopa-demo");
}
