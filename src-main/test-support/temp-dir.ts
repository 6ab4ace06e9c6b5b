/**
 * A fresh folder under the OS temp dir for one test file: created before its tests, removed after.
 * Fixture models and workspaces are written here, never into the repository.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

export interface TempDir {
  /** The folder (set once the file's beforeAll has run). */
  readonly path: string;
  /** A path inside the folder. */
  join(...parts: string[]): string;
}

export function useTempDir(label: string): TempDir {
  let path: string | null = null;
  beforeAll(async () => {
    path = await mkdtemp(join(os.tmpdir(), `polyglot-${label}-`));
  });
  afterAll(async () => {
    if (path) await rm(path, { recursive: true, force: true });
  });
  const dir = {
    get path(): string {
      if (!path) throw new Error("useTempDir: the folder exists only inside tests and hooks.");
      return path;
    },
    join: (...parts: string[]) => join(dir.path, ...parts),
  };
  return dir;
}
