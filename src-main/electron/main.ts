/** The Electron main process: one secure window talking to the workbench over IPC. */
import { app, dialog, ipcMain, type BrowserWindow } from "electron";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startWorkbench, type Workbench } from "../app/workbench";
import { createIpcMainPort } from "../transports/ipc-main-port";
import { defaultWorkspaceDir } from "../workspace/default-workspace";
import { createSecureWindow, enforceNavigationPolicy, rendererEntry } from "./secure-window";

const mainDir = dirname(fileURLToPath(import.meta.url));
const pageUrl = pathToFileURL(rendererEntry(mainDir)).href;
const isAppUrl = (url: string) => url.split(/[?#]/)[0] === pageUrl;

let workbench: Workbench | null = null;

async function pickModelFiles(window: BrowserWindow): Promise<string[]> {
  const result = await dialog.showOpenDialog(window, {
    title: "Add GGUF models",
    properties: ["openFile", "multiSelections"],
    filters: [{ name: "GGUF models", extensions: ["gguf"] }, { name: "All files", extensions: ["*"] }],
  });
  return result.canceled ? [] : result.filePaths;
}

async function openMainWindow(): Promise<void> {
  const window = createSecureWindow(join(mainDir, "..", "preload", "index.cjs"));
  workbench ??= await startWorkbench({
    workspaceDir: process.env.POLYGLOT_WORKSPACE || defaultWorkspaceDir(),
    mode: "electron",
    pickFiles: () => pickModelFiles(window),
  });
  workbench.rpc.connect(createIpcMainPort(ipcMain, window.webContents, isAppUrl));
  await window.loadURL(pageUrl);
}

enforceNavigationPolicy(isAppUrl);
app.whenReady().then(openMainWindow).catch((error) => {
  dialog.showErrorBox("Polyglot Workbench could not start", String(error?.message ?? error));
  app.exit(1);
});
app.on("window-all-closed", async () => {
  await workbench?.dispose();
  app.quit();
});
