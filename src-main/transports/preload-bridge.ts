/**
 * What the preload exposes to the page as `window.polyglotBridge`: send a wire message, listen to
 * wire messages, nothing else (never raw ipcRenderer). Kept apart from preload.ts so tests can
 * run it over a stand-in ipcRenderer.
 */
import type { WireMessage } from "../contract/protocol";
import { IPC_CHANNEL } from "./ipc-channel";

export interface IpcRendererLike {
  send(channel: string, message: unknown): void;
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

export interface PolyglotBridge {
  send(message: WireMessage): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

export function createPreloadBridge(ipcRenderer: IpcRendererLike): PolyglotBridge {
  return {
    send: (message) => ipcRenderer.send(IPC_CHANNEL, message),
    onMessage: (listener) => {
      // Wrapped so the page never sees the IpcRendererEvent (it carries `sender`).
      const forward = (_event: unknown, message: unknown) => listener(message);
      ipcRenderer.on(IPC_CHANNEL, forward);
      return () => ipcRenderer.removeListener(IPC_CHANNEL, forward);
    },
  };
}
