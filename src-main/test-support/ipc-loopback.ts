/**
 * Electron's ipcMain / ipcRenderer / webContents, stood in for by a real MessageChannel: the
 * Electron binary cannot be downloaded on these machines, so the IPC adapter and the preload
 * bridge (the real code) run over an in-process channel. Messages are structured-cloned, as they
 * are between Electron's processes.
 */
import { MessageChannel } from "node:worker_threads";
import type { IpcMainEventLike, IpcMainLike, WebContentsLike } from "../transports/ipc-main-port";
import type { IpcRendererLike } from "../transports/preload-bridge";

type Listener = (event: unknown, message: unknown) => void;

export interface IpcLoopback {
  ipcMain: IpcMainLike;
  ipcRenderer: IpcRendererLike;
  webContents: WebContentsLike;
  /** Sends as if from another frame or page of the window (for the sender check). */
  sendFromFrame(frame: { url: string }, channel: string, message: unknown): void;
  close(): void;
}

export function createIpcLoopback(pageUrl: string): IpcLoopback {
  const { port1: rendererSide, port2: mainSide } = new MessageChannel();
  const mainFrame = { url: pageUrl };
  const mainListeners = new Map<string, Set<Listener>>();
  const rendererListeners = new Map<string, Set<Listener>>();
  const destroyedListeners: Array<() => void> = [];
  let destroyed = false;
  let nextFrame: { url: string } = mainFrame;

  const add = (map: Map<string, Set<Listener>>, channel: string, listener: Listener) => {
    if (!map.has(channel)) map.set(channel, new Set());
    map.get(channel)!.add(listener);
  };
  const webContents: WebContentsLike = {
    send: (channel, message) => mainSide.postMessage({ channel, message }),
    isDestroyed: () => destroyed,
    once: (_event, listener) => destroyedListeners.push(listener),
    mainFrame,
  };

  mainSide.on("message", ({ channel, message, frame }) => {
    const event: IpcMainEventLike = { sender: webContents, senderFrame: frame === "main" ? mainFrame : frame };
    mainListeners.get(channel)?.forEach((listener) => listener(event, message));
  });
  rendererSide.on("message", ({ channel, message }) => {
    rendererListeners.get(channel)?.forEach((listener) => listener({}, message));
  });

  return {
    ipcMain: {
      on: (channel, listener) => add(mainListeners, channel, listener as Listener),
      removeListener: (channel, listener) => mainListeners.get(channel)?.delete(listener as Listener),
    },
    ipcRenderer: {
      send: (channel, message) => {
        rendererSide.postMessage({ channel, message, frame: nextFrame === mainFrame ? "main" : nextFrame });
      },
      on: (channel, listener) => add(rendererListeners, channel, listener),
      removeListener: (channel, listener) => rendererListeners.get(channel)?.delete(listener),
    },
    webContents,
    sendFromFrame(frame, channel, message) {
      nextFrame = frame;
      this.ipcRenderer.send(channel, message);
      nextFrame = mainFrame;
    },
    close() {
      destroyed = true;
      destroyedListeners.forEach((listener) => listener());
      rendererSide.close();
      mainSide.close();
    },
  };
}
