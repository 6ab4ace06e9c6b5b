/** Opens a typed API client to a running server-mode workbench (used by tests and the benchmark). */
import { WebSocket } from "ws";
import type { MessagePort } from "../contract/protocol";
import { RpcClient } from "../contract/rpc-client";
import { createWebSocketPort } from "./websocket-port";

/** `url` is the one `polyglot serve` prints (http://host:port/?token=…). */
export async function connectWebSocketClient(url: string, headers: Record<string, string> = {}): Promise<RpcClient> {
  return new RpcClient(await openWebSocketPort(url, headers));
}

/** The bare message port to a server's API (for clients that speak the wire protocol themselves). */
export async function openWebSocketPort(url: string, headers: Record<string, string> = {}): Promise<MessagePort> {
  const page = new URL(url);
  const api = new URL("/api", page);
  api.protocol = page.protocol === "https:" ? "wss:" : "ws:";
  api.search = page.search;
  const socket = new WebSocket(api, { headers });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_request, response) => reject(new Error(`Server refused the connection: HTTP ${response.statusCode}`)));
  });
  return createWebSocketPort(socket);
}
