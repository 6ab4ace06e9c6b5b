import type { MessagePort, WireMessage } from "@contract/protocol";

/** The server-mode endpoint on the host that served this page (auth is the HttpOnly cookie it set). */
export function serverSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/api`;
}

/**
 * Opens one WebSocket and resolves with it as a MessagePort once it is open; rejects if it closes
 * first. Wire messages travel as JSON text frames. A socket is never reused after it closes.
 */
export function openWebSocketPort(url: string): Promise<MessagePort> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const messageListeners = new Set<(message: unknown) => void>();
    const closeListeners = new Set<() => void>();

    const port: MessagePort = {
      send(message: WireMessage) {
        // A message sent while closing is lost; the close then fails the caller's pending request.
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      },
      onMessage(listener) {
        messageListeners.add(listener);
        return () => messageListeners.delete(listener);
      },
      onClose(listener) {
        closeListeners.add(listener);
        return () => closeListeners.delete(listener);
      },
    };

    socket.addEventListener("open", () => resolve(port));
    socket.addEventListener("message", (event: MessageEvent) => {
      if (typeof event.data !== "string") return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // not a wire message; the RPC client would ignore it anyway
      }
      for (const listener of messageListeners) listener(message);
    });
    socket.addEventListener("close", () => {
      reject(new Error(`Could not connect to ${url}.`));
      for (const listener of closeListeners) listener();
    });
  });
}
