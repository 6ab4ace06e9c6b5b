import type { MessagePort, WireMessage } from "@contract/protocol";

/** What the Electron preload exposes on `window`: one channel for wire messages, nothing else. */
export interface PreloadBridge {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

declare global {
  interface Window {
    polyglotBridge?: PreloadBridge;
  }
}

/** The preload's channel as a MessagePort. IPC lives as long as the window, so it never closes. */
export function electronPort(bridge: PreloadBridge): MessagePort {
  return {
    send: (message: WireMessage) => bridge.send(message),
    onMessage: (listener) => bridge.onMessage(listener),
  };
}
