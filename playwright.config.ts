import { defineConfig, type PlaywrightTestOptions, type PlaywrightWorkerOptions, type Project } from "@playwright/test";
import { existsSync } from "node:fs";
import { electronAvailability } from "./e2e/fixtures/electron-binary";
import type { AppOptions } from "./e2e/fixtures/test";

/** Debian's Chromium (Playwright's own browsers cannot be downloaded on these machines). */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

const projects: Project<PlaywrightTestOptions, PlaywrightWorkerOptions & AppOptions>[] = [
  {
    name: "server-chromium",
    use: {
      appTarget: "server",
      browserName: "chromium",
      launchOptions: { executablePath: existsSync(chromiumPath) ? chromiumPath : undefined, args: chromiumArgs },
    },
  },
];

const electron = electronAvailability();
if (electron.available) {
  projects.push({ name: "electron", use: { appTarget: "electron" } });
} else if (!process.env.TEST_WORKER_INDEX) {
  // Workers load this file too; say it once, from the runner.
  console.log(`Electron E2E project not registered: ${electron.reason}.`);
}

export default defineConfig<AppOptions>({
  testDir: "e2e/specs",
  // One app per worker, and llama.cpp wants the cores: specs run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: { trace: "retain-on-failure" },
  projects,
});
