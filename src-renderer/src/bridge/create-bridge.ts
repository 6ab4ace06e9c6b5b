import { Bridge } from "./bridge";
import { electronPort } from "./electron-port";
import { openWebSocketPort, serverSocketUrl } from "./websocket-port";

/**
 * Electron's preload exposes `window.polyglotBridge`; without it the page was served by server
 * mode, and the same messages go over a WebSocket to the host that served it.
 */
export function createBridge(host: Window = window): Bridge {
  const preload = host.polyglotBridge;
  if (preload) {
    const port = electronPort(preload);
    return new Bridge(() => Promise.resolve(port));
  }
  const url = serverSocketUrl(host.location);
  return new Bridge(() => openWebSocketPort(url));
}
