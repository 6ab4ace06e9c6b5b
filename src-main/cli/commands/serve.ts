import type { Command } from "commander";
import { rendererDir } from "../../app/paths";
import { startWorkbench } from "../../app/workbench";
import { isLoopback, startServer } from "../../server/http-server";
import { AccessTokens } from "../../server/access-tokens";
import { defaultWorkspaceDir } from "../../workspace/default-workspace";
import { AppError } from "../../contract/errors";
import { action } from "../cli-errors";

export interface ServeOptions {
  port?: string;
  host?: string;
  workspace?: string;
  demo?: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Serve the workbench to a browser (server mode)")
    .option("--port <n>", "port to listen on (0 = any free port)", "0")
    .option("--host <host>", "address to bind; anything but 127.0.0.1 opens it to the network", "127.0.0.1")
    .option("--workspace <dir>", "workspace folder (default: the per-user demo workspace)")
    .option("--no-demo", "do not put the demo models in a new workspace")
    .action(action(async (options: ServeOptions) => serve(options)));
}

export async function serve(options: ServeOptions): Promise<void> {
  const host = options.host ?? "127.0.0.1";
  const port = Number(options.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError({ code: "INVALID_INPUT", field: "--port", message: `--port needs a port number from 0 to 65535, not "${options.port}".` });
  }
  const workbench = await startWorkbench({ workspaceDir: options.workspace ?? defaultWorkspaceDir(), mode: "server", demo: options.demo });
  const server = await startServer({
    workbench, rendererDir: rendererDir(), host, port,
    tokens: new AccessTokens(process.env.POLYGLOT_TOKEN || undefined),
  });
  if (!isLoopback(host)) {
    process.stderr.write(
      `Warning: listening on ${host}, not just this machine. Anyone who can reach it and has the link ` +
      `can run your models and read the workspace. Use only on a network you trust.\n`,
    );
  }
  process.stdout.write(
    `Polyglot Workbench is running at: ${server.url}\n` +
    `Read-only link (may look, not change): ${server.readOnlyUrl}\n` +
    `Workspace: ${workbench.workspaceDir}\n` +
    `Press Ctrl+C to stop.\n`,
  );
  const shutdown = async () => {
    await server.close();
    await workbench.dispose();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
