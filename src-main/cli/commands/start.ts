/**
 * `npm start`: the Electron app where its binary is installed; otherwise one line saying why, and
 * server mode instead (Electron downloads its binary at first run, which offline machines cannot).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { projectRoot } from "../../app/paths";
import { action } from "../cli-errors";
import { serve } from "./serve";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("Start the desktop app (or server mode where Electron cannot run)")
    .option("--workspace <dir>", "workspace folder (default: the per-user demo workspace)")
    .action(action(async (options: { workspace?: string }) => {
      const electron = findElectronBinary();
      if ("reason" in electron) {
        process.stdout.write(`Electron is not available (${electron.reason}); starting server mode instead.\n`);
        return serve({ workspace: options.workspace });
      }
      const env = { ...process.env, ...(options.workspace ? { POLYGLOT_WORKSPACE: options.workspace } : {}) };
      const child = spawn(electron.path, [projectRoot()], { stdio: "inherit", env });
      child.on("exit", (code) => process.exit(code ?? 0));
    }));
}

export function findElectronBinary(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  } catch {
    return { reason: "the electron package is not installed" };
  }
  const pathFile = join(packageDir, "path.txt");
  const installedBinary = () => {
    const path = existsSync(pathFile) ? join(packageDir, "dist", readFileSync(pathFile, "utf8").trim()) : null;
    return path && existsSync(path) ? path : null;
  };
  if (installedBinary()) return { path: installedBinary()! };
  // Electron fetches its binary on first use: try once, quietly.
  spawnSync(process.execPath, [join(packageDir, "install.js")], { stdio: "ignore", timeout: 10 * 60_000 });
  const path = installedBinary();
  return path ? { path } : { reason: "its binary could not be downloaded — this machine is offline" };
}
