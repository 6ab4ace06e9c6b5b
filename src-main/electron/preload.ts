/** The preload: exposes one narrow RPC bridge to the page, nothing else. */
import { contextBridge, ipcRenderer } from "electron";
import { createPreloadBridge } from "../transports/preload-bridge";

contextBridge.exposeInMainWorld("polyglotBridge", createPreloadBridge(ipcRenderer));
