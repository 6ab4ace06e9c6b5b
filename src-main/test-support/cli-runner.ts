/**
 * Runs the built CLI (`out/main/cli.js`, which `npm run build` makes) as a user would: a child
 * process, its exit code and output.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const CLI = resolve(__dirname, "../../out/main/cli.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function polyglot(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
