import type { WireMessage } from "@contract/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Bridge } from "./bridge";
import { createBridge } from "./create-bridge";
import type { PreloadBridge } from "./electron-port";

/** Just enough of a browser WebSocket to see what the bridge opens and sends. */
class FakeWebSocket extends EventTarget {
  static readonly OPEN = 1;
  static opened: FakeWebSocket[] = [];
  readyState = 0;
  readonly sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeWebSocket.opened.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  open(): void {
    this.readyState = FakeWebSocket.OPEN;
    this.dispatchEvent(new Event("open"));
  }
  receive(message: WireMessage): void {
    this.dispatchEvent(new MessageEvent("message", { data: JSON.stringify(message) }));
  }
}

const connected = (bridge: Bridge) => new Promise<void>((resolve) => bridge.onConnected(resolve));
const host = (extra: Partial<Window>) => ({ location: { protocol: "https:", host: "lab.example:8443" }, ...extra }) as Window;

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWebSocket.opened = [];
});

describe("createBridge", () => {
  it("uses the preload's channel when Electron provides one", async () => {
    const sent: unknown[] = [];
    let deliver: (message: unknown) => void = () => {};
    const preload: PreloadBridge = { send: (message) => sent.push(message), onMessage: (listener) => ((deliver = listener), () => {}) };
    const bridge = createBridge(host({ polyglotBridge: preload }));
    bridge.start();
    await connected(bridge);

    const pending = bridge.call("models.remove", { id: "m1" });
    const request = sent.at(-1) as { id: number };
    expect(request).toMatchObject({ kind: "request", method: "models.remove", params: { id: "m1" } });
    deliver({ kind: "response", id: request.id, ok: true, result: {} });
    await expect(pending).resolves.toEqual({});
  });

  it("otherwise opens a WebSocket to /api on the host that served the page, with JSON frames", async () => {
    vi.stubGlobal("WebSocket", FakeWebSocket);
    const bridge = createBridge(host({}));
    bridge.start();
    const socket = FakeWebSocket.opened[0];
    expect(socket.url).toBe("wss://lab.example:8443/api");
    socket.open();
    await connected(bridge);

    const pending = bridge.call("system.pickModelFiles", {});
    const request = JSON.parse(socket.sent[0]) as { id: number; method: string };
    expect(request.method).toBe("system.pickModelFiles");
    socket.receive({ kind: "response", id: request.id, ok: true, result: ["/a.gguf"] });
    await expect(pending).resolves.toEqual(["/a.gguf"]);
    bridge.dispose();
  });
});
