/** Starts `polyglot serve` (the built CLI) as a user would, and times it to its first API answer. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../app/paths";
import type { RpcClient } from "../contract/rpc-client";
import { connectWebSocketClient } from "../transports/connect-websocket";

const CLI = join(projectRoot(), "out", "main", "cli.js");

export interface ServeProcess {
  client: RpcClient;
  /** From spawning the process to the first successful API call (system.info). */
  startupMs: number;
  stop(): Promise<void>;
}

export async function startServeProcess(workspace: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--port", "0", "--workspace", workspace], {
    env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/running at: (http:\S+)/);
      if (match) resolveUrl(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`polyglot serve exited with ${code}`)));
  });
  const client = await connectWebSocketClient(url);
  await client.call("system.info", {});
  const startupMs = performance.now() - started;
  return {
    client,
    startupMs,
    async stop() {
      client.close();
      child.kill("SIGTERM");
      await new Promise((done) => child.once("exit", done));
    },
  };
}
