import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding this package's package.json, found from wherever the running code was built to. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "polyglot-workbench") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find the polyglot-workbench package folder.");
    dir = parent;
  }
}

/** The built renderer (`npm run build`). */
export function rendererDir(): string {
  return join(projectRoot(), "out", "renderer");
}
