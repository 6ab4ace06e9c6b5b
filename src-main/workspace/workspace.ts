/**
 * A workspace is a folder: `workspace.json` lists its models (paths relative to the folder when
 * inside it, so a workspace can be moved or shared), and `.polyglot/` holds caches.
 */
import { mkdir, readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { z } from "zod";
import { AppError } from "../contract/errors";
import { parseVersionedJson } from "./versioned-json";

const WORKSPACE_FILE = "workspace.json";
const FORMAT = "polyglot-workspace";
const VERSION = 1;

const WorkspaceFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  models: z.array(z.object({ path: z.string().min(1) })),
});
type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

export class Workspace {
  private constructor(readonly dir: string, private data: WorkspaceFile) {}

  /** Opens the workspace in `dir`, creating an empty one if the folder has none. */
  static async open(dir: string): Promise<{ workspace: Workspace; created: boolean }> {
    const absolute = resolve(dir);
    await mkdir(join(absolute, ".polyglot"), { recursive: true });
    const file = join(absolute, WORKSPACE_FILE);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      // Only a missing file means a new workspace: any other failure must not replace the user's file.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        throw new AppError({ code: "IO_ERROR", file, message: `${file} cannot be read: ${(error as Error).message}` });
      }
      const workspace = new Workspace(absolute, { format: FORMAT, version: VERSION, models: [] });
      await workspace.save();
      return { workspace, created: true };
    }
    return { workspace: new Workspace(absolute, parseWorkspaceFile(file, text)), created: false };
  }

  get cacheDir(): string {
    return join(this.dir, ".polyglot");
  }

  /** Session files made in the app (others may live anywhere). */
  get sessionsDir(): string {
    return join(this.dir, "sessions");
  }

  /** The session comparisons go into until another is opened or created. */
  get defaultSessionFile(): string {
    return join(this.sessionsDir, "default.polyglot-session.json");
  }

  /** Evaluation runs, one folder each. */
  get evalRunsDir(): string {
    return join(this.dir, "eval-runs");
  }

  modelPaths(): string[] {
    return this.data.models.map((model) => resolve(this.dir, model.path));
  }

  async setModelPaths(paths: string[]): Promise<void> {
    this.data = { ...this.data, models: paths.map((path) => ({ path: this.portable(path) })) };
    await this.save();
  }

  private portable(path: string): string {
    const inside = relative(this.dir, path);
    return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
  }

  private async save(): Promise<void> {
    await writeFileAtomic(join(this.dir, WORKSPACE_FILE), JSON.stringify(this.data, null, 2) + "\n");
  }
}

function parseWorkspaceFile(file: string, text: string): WorkspaceFile {
  return parseVersionedJson(file, text, { format: FORMAT, version: VERSION, noun: "workspace" }, WorkspaceFileSchema);
}
