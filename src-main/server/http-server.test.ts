import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { RunningServer } from "./http-server";
import { connectWebSocketClient } from "../transports/connect-websocket";
import { idOf, startTestServer, startTestWorkbench, type TestWorkbench } from "../test-support/test-workbench";

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET a URL, or a raw path (sent as it is, dot segments and all) on 127.0.0.1:port. */
function get(url: string | { port: number; path: string }, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const target = typeof url === "string" ? new URL(url) : { hostname: "127.0.0.1", port: url.port, pathname: url.path, search: "" };
  return new Promise((resolve, reject) => {
    request({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    }).on("error", reject).end();
  });
}

/** The HTTP status a WebSocket upgrade gets (101 when accepted). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once("open", () => { socket.close(); resolve(101); });
    socket.once("unexpected-response", (_req, response) => resolve(response.statusCode ?? 0));
    socket.once("error", () => {});
  });
}

describe("server mode", () => {
  let test: TestWorkbench;
  let server: RunningServer;
  let token: string;
  let base: string;
  let api: string;

  beforeAll(async () => {
    test = await startTestWorkbench();
    server = await startTestServer(test);
    const url = new URL(server.url);
    token = url.searchParams.get("token")!;
    base = `http://127.0.0.1:${server.port}`;
    api = `ws://127.0.0.1:${server.port}/api`;
  });
  afterAll(async () => {
    await server.close();
    await test.cleanup();
  });

  it("binds 127.0.0.1 and prints a URL carrying a long random token", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(server.readOnlyUrl).not.toBe(server.url);
  });

  it("refuses requests without the token (401)", async () => {
    const answer = await get(`${base}/`);
    expect(answer.status).toBe(401);
    expect(answer.body).toContain("polyglot serve");
    expect((await get(`${base}/?token=${"0".repeat(48)}`)).status).toBe(401);
  });

  it("trades the token in the URL for an HttpOnly cookie and a clean URL", async () => {
    const answer = await get(server.url);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/");
    const cookie = String(answer.headers["set-cookie"]);
    expect(cookie).toContain(`polyglot_token_${server.port}=${token}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const page = await get(`${base}/`, { Cookie: cookie.split(";")[0] });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Polyglot Workbench");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("refuses a Host header that is not this machine (DNS rebinding), for pages and upgrades", async () => {
    expect((await get(`${base}/`, { Authorization: `Bearer ${token}`, Host: `evil.example:${server.port}` })).status).toBe(403);
    expect(await upgradeStatus(`${api}?token=${token}`, { Host: `evil.example:${server.port}` })).toBe(401);
  });

  it("serves nothing outside the renderer folder", async () => {
    const auth = { Authorization: `Bearer ${token}` };
    for (const path of ["/../workspace/workspace.json", "/%2e%2e/workspace/workspace.json", "/..%2fworkspace%2fworkspace.json"]) {
      const answer = await get({ port: server.port, path }, auth);
      expect(answer.body).not.toContain("polyglot-workspace");
    }
  });

  it("never redirects to another site after taking the token", async () => {
    const answer = await get({ port: server.port, path: `/.//evil.example/?token=${token}` });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/evil.example/");
  });

  it("drops a connection that sends a bad frame, and keeps serving the others", async () => {
    const socket = new WebSocket(`${api}?token=${token}`);
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.on("error", () => {});
    socket.send(Buffer.alloc(17 << 20, 0x61).toString()); // over the 16 MiB frame limit
    expect(await closed).toBeGreaterThan(1000);
    const client = await connectWebSocketClient(server.url);
    expect((await client.call("system.info", {})).backend).toBeTruthy();
    client.close();
  });

  it("refuses WebSocket upgrades without the token, or from a foreign Origin (401)", async () => {
    expect(await upgradeStatus(api)).toBe(401);
    expect(await upgradeStatus(`${api}?token=${token}`, { Origin: "http://evil.example" })).toBe(401);
    expect(await upgradeStatus(`${api}?token=${token}`, { Origin: base })).toBe(101);
    expect(await upgradeStatus(api, { Cookie: `polyglot_token_${server.port}=${token}`, Origin: base })).toBe(101);
  });

  it("gives the read-only link a connection that may look but not change", async () => {
    const client = await connectWebSocketClient(server.readOnlyUrl);
    expect((await client.call("system.info", {})).readOnly).toBe(true);
    expect((await client.call("models.list", {})).length).toBeGreaterThan(0);
    const id = idOf(test.workbench, "polyglot-base");
    await expect(client.call("models.load", { id })).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    // Votes and the leaderboard: a reader sees the board and exports, but cannot vote or run.
    expect((await client.call("compare.leaderboard", { bootstrapRounds: 0 })).votes).toBe(0);
    expect(await client.call("compare.export", { format: "csv" })).toHaveLength(1);
    await expect(client.call("compare.vote", { comparisonId: "x", pair: [0, 1], winner: "a", rater: "r" })).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    await expect(client.call("compare.start", {
      prompt: { mode: "completion", text: "x" }, panes: [{ backend: { kind: "local", modelId: id } }],
    })).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    client.close();
  });
});

describe("server mode on the network (--host)", () => {
  it("binds all interfaces when asked and still requires the token", async () => {
    const test = await startTestWorkbench();
    const server = await startTestServer(test, { host: "0.0.0.0" });
    expect((await get(`http://127.0.0.1:${server.port}/`)).status).toBe(401);
    expect((await get(server.url)).status).toBe(302);
    await server.close();
    await test.cleanup();
  });
});
