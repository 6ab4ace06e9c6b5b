/** The single Electron IPC channel the API travels on (both directions). */
export const IPC_CHANNEL = "polyglot:rpc";
