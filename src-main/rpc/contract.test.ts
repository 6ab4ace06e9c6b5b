/**
 * One contract suite, run over both transports: the WebSocket of server mode (a real server and
 * socket) and the Electron IPC adapter with the real preload bridge. The Electron binary cannot be
 * installed on these machines, so the IPC adapter runs over an in-process MessageChannel
 * (test-support/ipc-loopback.ts); where Electron exists, e2e/ runs the app itself.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GeneratedToken, GenerationDoneEvent } from "../contract/generation";
import type { ModelInfo } from "../contract/models";
import { AppError } from "../contract/errors";
import type { MessagePort } from "../contract/protocol";
import { RpcClient } from "../contract/rpc-client";
import { connectWebSocketClient, openWebSocketPort } from "../transports/connect-websocket";
import { startRun } from "./client-run";
import { createIpcMainPort } from "../transports/ipc-main-port";
import { createPreloadBridge } from "../transports/preload-bridge";
import { IPC_CHANNEL } from "../transports/ipc-channel";
import { fixtureTable, findPrompt } from "../test-support/bigram-oracle";
import { createIpcLoopback } from "../test-support/ipc-loopback";
import { idOf, startTestServer, startTestWorkbench, type TestWorkbench } from "../test-support/test-workbench";

const PAGE_URL = "file:///app/out/renderer/index.html";

interface Transport {
  name: string;
  connect(test: TestWorkbench): Promise<{ port: MessagePort; close(): Promise<void> }>;
}

const transports: Transport[] = [
  {
    name: "WebSocket (server mode)",
    async connect(test) {
      const server = await startTestServer(test);
      const port = await openWebSocketPort(server.url);
      return { port, close: async () => { port.close?.(); await server.close(); } };
    },
  },
  {
    name: "Electron IPC adapter over an in-process MessageChannel (no Electron binary here)",
    async connect(test) {
      const loopback = createIpcLoopback(PAGE_URL);
      test.workbench.rpc.connect(createIpcMainPort(loopback.ipcMain, loopback.webContents, (url) => url === PAGE_URL));
      const bridge = createPreloadBridge(loopback.ipcRenderer);
      const port: MessagePort = { send: bridge.send, onMessage: bridge.onMessage };
      return { port, close: async () => loopback.close() };
    },
  },
];

describe.each(transports)("API contract over $name", (transport) => {
  let test: TestWorkbench;
  let client: RpcClient;
  let connection: Awaited<ReturnType<Transport["connect"]>>;

  beforeAll(async () => {
    test = await startTestWorkbench();
    connection = await transport.connect(test);
    client = new RpcClient(connection.port);
  });
  afterAll(async () => {
    client.close();
    await connection.close();
    await test.cleanup();
  });

  it("answers system.info with this machine's backend and the workspace", async () => {
    const info = await client.call("system.info", {});
    expect(info.backend).toBe("cpu");
    expect(info.workspaceDir).toBe(test.workbench.workspaceDir);
    expect(info.cpuThreads).toBeGreaterThan(0);
  });

  it("lists the demo workspace's fixture checkpoints and tokenizers with their GGUF metadata", async () => {
    const models = await client.call("models.list", {});
    expect(models.map((m) => m.metadata?.name)).toEqual(["polyglot-base", "polyglot-continued", "fixture-spm-tokenizer", "fixture-bpe-tokenizer"]);
    const continued = models.find((m) => m.metadata?.name === "polyglot-continued")!;
    expect(continued.metadata).toMatchObject({ architecture: "llama", tokenizerModel: "gpt2", vocabularySize: 260 });
    expect(continued.metadata?.languages).toContain("fra_Latn");
  });

  it("refuses invalid input with INVALID_INPUT naming the field", async () => {
    const error = await client.call("models.load", { id: "" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", field: "id" });
    const badParams = await client
      .call("generation.start", { mode: "completion", modelId: "x", prompt: "hi", params: { temperature: -1 } })
      .catch((e) => e);
    expect(badParams).toMatchObject({ code: "INVALID_INPUT", field: "params.temperature" });
  });

  it("answers a malformed request that carries an id, instead of leaving the caller waiting", async () => {
    const raw = await transport.connect(test);
    const answer = new Promise<unknown>((resolve) => raw.port.onMessage((message) => {
      if ((message as { id?: number }).id === 424242) resolve(message);
    }));
    raw.port.send({ kind: "request", id: 424242, method: 7 } as never);
    expect(await answer).toMatchObject({ kind: "response", id: 424242, ok: false, error: { code: "INVALID_INPUT" } });
    await raw.close();
  });

  it("answers an unknown procedure with UNKNOWN_METHOD", async () => {
    const error = await (client.call as (m: string, p: unknown) => Promise<unknown>)("models.explode", {}).catch((e) => e);
    expect(error).toMatchObject({ code: "UNKNOWN_METHOD" });
  });

  it("names a missing model with NOT_FOUND, and an unloaded one with MODEL_NOT_LOADED", async () => {
    await expect(client.call("models.load", { id: "no-such-model" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const id = idOf(test.workbench, "polyglot-base");
    await expect(client.call("generation.start", { mode: "completion", modelId: id, prompt: "x" }))
      .rejects.toMatchObject({ code: "MODEL_NOT_LOADED", file: expect.stringContaining("polyglot-base.gguf") });
  });

  it("adds a corrupt file with its error inline and pushes a models.changed snapshot", async () => {
    const corrupt = join(test.dir, "corrupt.gguf");
    await writeFile(corrupt, "this is not a model");
    const snapshot = new Promise<ModelInfo[]>((resolve) => {
      const stop = client.on("models.changed", (models) => {
        if (!models.some((m) => m.path === corrupt)) return; // an earlier snapshot (hash progress)
        stop();
        resolve(models);
      });
    });
    const { added } = await client.call("models.add", { paths: [corrupt] });
    expect(added[0].error).toMatchObject({ code: "NOT_GGUF", file: corrupt });
    expect((await snapshot).find((m) => m.path === corrupt)?.error?.code).toBe("NOT_GGUF");
    await client.call("models.remove", { id: added[0].id });
  });

  it("refuses to load a model that does not fit in memory, with the estimate, and keeps running", async () => {
    const id = idOf(test.workbench, "polyglot-base");
    const error = await client.call("models.load", { id, contextSize: 200_000_000 }).catch((e) => e);
    expect(error).toMatchObject({ code: "INSUFFICIENT_MEMORY", file: expect.stringContaining("polyglot-base.gguf") });
    expect(error.message).toMatch(/needs about [\d.]+ GiB of RAM .* only [\d.]+ GiB is free/);
    const info = (await client.call("models.list", {})).find((m) => m.id === id)!;
    expect(info.status).toBe("unloaded");
    expect(info.memory?.fits).toBe(false);
  });

  it("loads a model and streams a greedy generation, the same text every run", async () => {
    const id = idOf(test.workbench, "polyglot-continued");
    const loaded = await client.call("models.load", { id });
    expect(loaded.status).toBe("loaded");
    const request = { mode: "completion" as const, modelId: id, prompt: "La rivière", params: { temperature: 0, maxTokens: 40 } };
    const texts: string[] = [];
    for (let run = 0; run < 2; run++) {
      const { done, streamed, batches } = await (await startRun(client, request)).finished;
      expect(done.error).toBeNull();
      expect(done.stats).toMatchObject({ generatedTokens: 40, stopReason: "max-tokens" });
      expect(batches).toBeGreaterThan(0);
      expect(done.text.startsWith(streamed)).toBe(true);
      texts.push(done.text);
    }
    expect(texts[1]).toBe(texts[0]);
  });

  it("cancels a running generation", async () => {
    const id = idOf(test.workbench, "polyglot-continued");
    await client.call("models.load", { id });
    // A greedy prompt the table says never reaches end-of-text, so only the cancel can end it early.
    const { prompt } = findPrompt(fixtureTable("polyglot-continued"), ["Once", "The", "La", "Il"], 20000, "endless");
    const run = await startRun(client, { mode: "completion", modelId: id, prompt, params: { temperature: 0, maxTokens: 20000 } });
    await run.firstTokens;
    expect(await client.call("generation.cancel", { runId: run.runId })).toEqual({ cancelled: true });
    const { done } = await run.finished;
    expect(done.stats.stopReason).toBe("cancelled");
    expect(done.stats.generatedTokens).toBeLessThan(20000);
  });

  it("compares two checkpoints: panes stream with top-5 alternatives, the comparison is saved, votes rank the models", async () => {
    const ids = ["polyglot-base", "polyglot-continued"].map((name) => idOf(test.workbench, name));
    const finished = new Promise<string>((resolve) => client.on("compare.finished", ({ comparison }) => resolve(comparison.id)));
    const tokens = new Map<string, GeneratedToken[]>();
    client.on("generation.tokens", ({ runId, tokens: batch }) => tokens.set(runId, [...(tokens.get(runId) ?? []), ...batch]));
    const started = await client.call("compare.start", {
      prompt: { mode: "completion", text: "The river" }, language: "eng_Latn",
      panes: ids.map((modelId) => ({ backend: { kind: "local" as const, modelId }, params: { temperature: 0, maxTokens: 12 } })),
    });
    expect(await finished).toBe(started.comparisonId);
    // The event leaves the tokens out (clients streamed them); the session has them.
    const { session } = await client.call("session.current", {});
    const comparison = session.comparisons.find((candidate) => candidate.id === started.comparisonId)!;
    comparison.panes.forEach((pane, index) => {
      const streamed = tokens.get(started.panes[index].runId!) ?? [];
      expect(streamed.map((token) => token.id)).toEqual(pane.output.tokens.map((token) => token.id));
      expect(streamed.every((token) => token.top?.length === 5 && token.top[0].id === token.id)).toBe(true);
    });
    expect(comparison.panes[0].output.text).not.toBe(comparison.panes[1].output.text);

    const vote = await client.call("compare.vote", { comparisonId: comparison.id, pair: [1, 0], winner: "a", rater: "Amina", blind: true });
    expect(vote).toMatchObject({ pair: [1, 0], winner: "a", rater: "Amina", blind: true });
    const board = await client.call("compare.leaderboard", { bootstrapRounds: 50 });
    expect(board.models[0].name).toBe("polyglot-continued");
    const [file] = await client.call("compare.export", { format: "dpo" });
    expect(JSON.parse(file.content.trim().split("\n").at(-1)!)).toMatchObject({
      prompt: "The river", chosen: comparison.panes[1].output.text, rejected: comparison.panes[0].output.text,
    });
    const bad = await client.call("compare.vote", { comparisonId: comparison.id, pair: [0, 0], winner: "a", rater: "Amina" }).catch((e) => e);
    expect(bad).toMatchObject({ code: "INVALID_INPUT", field: "pair" });
  });
});

describe("Electron IPC adapter (over an in-process MessageChannel: no Electron binary here)", () => {
  it("answers only its own window's main frame showing the app page (sender check)", async () => {
    const test = await startTestWorkbench();
    const loopback = createIpcLoopback(PAGE_URL);
    test.workbench.rpc.connect(createIpcMainPort(loopback.ipcMain, loopback.webContents, (url) => url === PAGE_URL));
    const bridge = createPreloadBridge(loopback.ipcRenderer);
    const client = new RpcClient({ send: bridge.send, onMessage: bridge.onMessage });
    const answers: unknown[] = [];
    const stop = bridge.onMessage((message) => answers.push(message));
    const request = { kind: "request", id: 987654, method: "system.info", params: {} };
    loopback.sendFromFrame({ url: "https://evil.example/" }, IPC_CHANNEL, request);
    loopback.sendFromFrame({ url: PAGE_URL }, IPC_CHANNEL, request); // right page, but an iframe, not the main frame
    await client.call("system.info", {}); // a real round trip: anything answered would be here by now
    stop();
    expect(answers.filter((a) => (a as { id?: number }).id === 987654)).toEqual([]);
    client.close();
    loopback.close();
    await test.cleanup();
  });
});

describe("a client that goes away", () => {
  it("has its runs cancelled when its WebSocket closes", async () => {
    const test = await startTestWorkbench();
    const server = await startTestServer(test);
    const client = await connectWebSocketClient(server.url);
    const id = idOf(test.workbench, "polyglot-continued");
    await client.call("models.load", { id });
    const { prompt } = findPrompt(fixtureTable("polyglot-continued"), ["Once", "The", "La", "Il"], 20000, "endless");
    const run = await startRun(client, { mode: "completion", modelId: id, prompt, params: { temperature: 0, maxTokens: 20000 } });
    await run.firstTokens;
    const done = new Promise<GenerationDoneEvent>((resolve) => {
      const stop = test.workbench.bus.on("generation.done", (event) => { if (event.runId === run.runId) { stop(); resolve(event); } });
    });
    client.close();
    expect((await done).stats.stopReason).toBe("cancelled");
    await server.close();
    await test.cleanup();
  });
});
