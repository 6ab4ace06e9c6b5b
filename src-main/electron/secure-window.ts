/**
 * The app window with Electron's security defaults: context isolation, sandbox, no Node in the
 * page, no new windows, no navigation away, no permission prompts. The CSP is in index.html.
 */
import { BrowserWindow, app, session, shell } from "electron";
import { join } from "node:path";
import { SECURE_WEB_PREFERENCES } from "./web-preferences";

export function createSecureWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: "Polyglot Workbench",
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  window.once("ready-to-show", () => window.show());
  return window;
}

/** Applied to every web contents the app ever creates. Call before the app is ready. */
export function enforceNavigationPolicy(isAppUrl: (url: string) => boolean): void {
  // Sessions exist only once the app is ready.
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
  app.on("web-contents-created", (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (url.startsWith("https://")) void shell.openExternal(url);
      return { action: "deny" };
    });
    const stayOnAppPage = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url)) event.preventDefault();
    };
    contents.on("will-navigate", stayOnAppPage);
    contents.on("will-redirect", stayOnAppPage);
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });
}

export function rendererEntry(mainDir: string): string {
  return join(mainDir, "..", "renderer", "index.html");
}
