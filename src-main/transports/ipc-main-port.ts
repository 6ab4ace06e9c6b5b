/**
 * The main-process end of the Electron transport: a MessagePort for one window, which accepts
 * messages only from that window's own main frame showing the app's own page.
 */
import type { MessagePort, WireMessage } from "../contract/protocol";
import { IPC_CHANNEL } from "./ipc-channel";

export interface WebContentsLike {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
  once(event: "destroyed", listener: () => void): unknown;
  mainFrame: unknown;
}

export interface IpcMainEventLike {
  sender: unknown;
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: IpcMainEventLike, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEventLike, message: unknown) => void): unknown;
}

export function createIpcMainPort(ipcMain: IpcMainLike, webContents: WebContentsLike, isAppUrl: (url: string) => boolean): MessagePort {
  const closeListeners = new Set<() => void>();
  webContents.once("destroyed", () => closeListeners.forEach((listener) => listener()));
  return {
    send(message: WireMessage) {
      if (!webContents.isDestroyed()) webContents.send(IPC_CHANNEL, message);
    },
    onMessage(listener) {
      const receive = (event: IpcMainEventLike, message: unknown) => {
        // Sender check: this window, its main frame (not an iframe), on our own page.
        if (event.sender !== webContents || event.senderFrame !== webContents.mainFrame) return;
        if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return;
        listener(message);
      };
      ipcMain.on(IPC_CHANNEL, receive);
      return () => ipcMain.removeListener(IPC_CHANNEL, receive);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  };
}
