/**
 * `npm start`: the Electron app where its binary is installed; otherwise one line saying why, and
 * server mode instead (Electron downloads its binary at first run, which offline machines cannot).
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Command } from "commander";
import { electronPackageDir, installedElectronBinary } from "../../app/electron-binary";
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
      // A crash (killed by a signal) must not look like a clean exit.
      child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    }));
}

/** How long `npm start` waits for Electron's first-run download before falling back to server mode. */
const DOWNLOAD_TIMEOUT_MS = 90_000;

export function findElectronBinary(): { path: string } | { reason: string } {
  const packageDir = electronPackageDir();
  if (!packageDir) return { reason: "the electron package is not installed" };
  const installed = installedElectronBinary();
  if (installed) return { path: installed };
  // Electron fetches its binary on first use: try once, quietly, for a bounded time.
  spawnSync(process.execPath, [join(packageDir, "install.js")], { stdio: "ignore", timeout: DOWNLOAD_TIMEOUT_MS });
  const downloaded = installedElectronBinary();
  return downloaded ? { path: downloaded } : { reason: "its binary is not installed and could not be downloaded — is this machine offline?" };
}
