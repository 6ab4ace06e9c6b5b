/**
 * Where Electron's binary is, if it is installed. The electron package fetches its binary on
 * first use (node_modules/electron/path.txt and dist/ appear then); offline machines never get it.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The electron package's folder, or null when the package is not installed. */
export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  } catch {
    return null;
  }
}

/** The binary's path when it is on disk; never downloads. */
export function installedElectronBinary(): string | null {
  const packageDir = electronPackageDir();
  if (!packageDir) return null;
  const pathFile = join(packageDir, "path.txt");
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, "dist", readFileSync(pathFile, "utf8").trim());
  return existsSync(binary) ? binary : null;
}
