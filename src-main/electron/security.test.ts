/**
 * The Electron window's security settings, checked without Electron (its binary cannot be
 * installed here): the preferences object, the page's CSP, and the preload's exposed surface.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SECURE_WEB_PREFERENCES } from "./web-preferences";
import { CONTENT_SECURITY_POLICY } from "../server/security-headers";
import { createPreloadBridge } from "../transports/preload-bridge";

describe("Electron security defaults", () => {
  it("isolates and sandboxes the page with no Node integration", () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });

  it("ships the same strict CSP in the page as server mode sends as a header", async () => {
    const html = await readFile(resolve(__dirname, "../../src-renderer/index.html"), "utf8");
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(meta).toBeDefined();
    const directives = (policy: string) => new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
    const page = directives(meta!);
    expect(page.get("default-src")).toBe("'self'");
    expect(page.get("script-src")).toBe("'self'");
    expect(page.get("object-src")).toBe("'none'");
    for (const [name, value] of directives(CONTENT_SECURITY_POLICY)) {
      if (name === "frame-ancestors") continue; // ignored by browsers in <meta>; sent as a header only
      expect(page.get(name), name).toBe(value);
    }
  });

  it("exposes only send and onMessage to the page, never ipcRenderer itself", () => {
    const bridge = createPreloadBridge({ send() {}, on() {}, removeListener() {} });
    expect(Object.keys(bridge).sort()).toEqual(["onMessage", "send"]);
  });
});
