import { resolve } from "node:path";
import { defineConfig } from "electron-vite";
import vue from "@vitejs/plugin-vue";

const contractAlias = { "@contract": resolve(__dirname, "src-main/contract") };

export default defineConfig({
  main: {
    resolve: { alias: contractAlias },
    build: {
      outDir: "out/main",
      rollupOptions: {
        // Entries on the same services: the Electron main process, the headless CLI, benchmarks.
        input: {
          index: resolve(__dirname, "src-main/electron/main.ts"),
          cli: resolve(__dirname, "src-main/cli/main.ts"),
          "bench-generate": resolve(__dirname, "src-main/bench/generate-bench.ts"),
          "bench-compare": resolve(__dirname, "src-main/bench/compare-bench.ts"),
          "bench-eval": resolve(__dirname, "src-main/bench/eval-bench.ts"),
          "bench-tokenize": resolve(__dirname, "src-main/bench/tokenize-bench.ts"),
          "bench-direct-tokenize": resolve(__dirname, "src-main/bench/direct-tokenize.ts"),
          "bench-session": resolve(__dirname, "src-main/bench/session-bench.ts"),
          // CPU-heavy metrics (leaderboard bootstrap) on a worker thread.
          "metrics-worker": resolve(__dirname, "src-main/workers/metrics-worker.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
      rollupOptions: {
        input: { index: resolve(__dirname, "src-main/electron/preload.ts") },
        // A sandboxed preload must be one CommonJS file.
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, "src-renderer"),
    resolve: { alias: contractAlias },
    plugins: [vue()],
    build: {
      outDir: "out/renderer",
      // Inlined data: URLs would need a looser CSP (font-src 'self' refuses them).
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(__dirname, "src-renderer/index.html") },
    },
  },
});
