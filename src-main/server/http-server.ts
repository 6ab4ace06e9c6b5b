/**
 * Server mode: the built renderer and the API (WebSocket at /api) on one port, behind a token.
 * Binds 127.0.0.1 unless told otherwise.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import sirv from "sirv";
import { WebSocketServer } from "ws";
import type { Workbench } from "../app/workbench";
import { createWebSocketPort } from "../transports/websocket-port";
import { AccessTokens } from "./access-tokens";
import { setSecurityHeaders } from "./security-headers";

export interface ServerOptions {
  workbench: Workbench;
  rendererDir: string;
  host?: string;
  port?: number;
  tokens?: AccessTokens;
}

export interface RunningServer {
  url: string;
  readOnlyUrl: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** Whether binding this address keeps the server on this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const tokens = options.tokens ?? new AccessTokens();
  if (!existsSync(options.rendererDir)) {
    throw new Error(`The renderer is not built (${options.rendererDir} is missing). Run "npm run build" first.`);
  }
  const serveStatic = sirv(options.rendererDir, { etag: true, dev: false });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 << 20 });
  let port = 0;

  const server = createServer((request, response) => {
    setSecurityHeaders(response);
    if (!hostAllowed(request, host)) return refuse(response, 403, "This server only answers on its own address.");
    const { access, fromQuery } = tokens.accessOf(request, port);
    if (!access) return refuse(response, 401, 'Unauthorized. Open the link that "polyglot serve" printed: it carries the access token.');
    if (fromQuery && request.method === "GET") return rememberTokenAndRedirect(request, response, tokens, port);
    serveStatic(request, response, () => refuse(response, 404, "Not found."));
  });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const { access } = tokens.accessOf(request, port);
    if (path !== "/api") return rejectUpgrade(socket, 404, "Not Found");
    if (!hostAllowed(request, host) || !access || !sameOrigin(request)) return rejectUpgrade(socket, 401, "Unauthorized");
    sockets.handleUpgrade(request, socket, head, (ws) => {
      options.workbench.rpc.connect(createWebSocketPort(ws), { readOnly: access === "read-only" });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const base = `http://${shownHost}:${port}/`;
  return {
    url: `${base}?token=${tokens.full}`,
    readOnlyUrl: `${base}?token=${tokens.readOnly}`,
    port,
    close: () => new Promise<void>((resolve) => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** On loopback, only loopback names are accepted in Host: a DNS-rebinding page gets nothing. */
function hostAllowed(request: IncomingMessage, boundHost: string): boolean {
  if (!isLoopback(boundHost)) return true;
  const hostHeader = request.headers.host ?? "";
  const name = hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.split(":")[0];
  return LOOPBACK_HOSTS.has(name);
}

/** Browsers always send Origin on WebSocket upgrades; it must be this server's own. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser (CLI, scripts): the token alone decides
  return origin === `http://${request.headers.host}` || origin === `https://${request.headers.host}`;
}

function rememberTokenAndRedirect(request: IncomingMessage, response: ServerResponse, tokens: AccessTokens, port: number): void {
  const url = new URL(request.url ?? "/", "http://localhost");
  const token = url.searchParams.get("token") ?? "";
  url.searchParams.delete("token");
  response.setHeader("Set-Cookie", `${tokens.cookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
  // Collapse leading slashes: "//evil.example" would be another site.
  response.writeHead(302, { Location: url.pathname.replace(/^\/+/, "/") + url.search });
  response.end();
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(`${status} ${message}\n`);
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
