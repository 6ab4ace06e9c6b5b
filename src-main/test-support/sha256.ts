import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** The hex sha256 of a file, computed here with node:crypto (independently of the app's hasher). */
export async function sha256OfFile(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}
