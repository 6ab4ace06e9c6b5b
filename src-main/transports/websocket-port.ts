/** A MessagePort over a WebSocket (the `ws` library's, server or client side): JSON text frames. */
import type { WebSocket } from "ws";
import type { MessagePort, WireMessage } from "../contract/protocol";

export function createWebSocketPort(socket: WebSocket): MessagePort {
  // A bad frame (too large, invalid UTF-8) ends that connection, never the process.
  socket.on("error", () => socket.terminate());
  return {
    send(message: WireMessage) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const receive = (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        let message: unknown;
        try {
          message = JSON.parse(data.toString("utf8"));
        } catch {
          return; // not a wire message; ignore rather than trust it
        }
        listener(message);
      };
      socket.on("message", receive);
      return () => socket.off("message", receive);
    },
    onClose(listener) {
      socket.on("close", listener);
      return () => socket.off("close", listener);
    },
    close() {
      socket.close();
    },
  };
}
