import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import vue from "@vitejs/plugin-vue";

const alias = { "@contract": resolve(__dirname, "src-main/contract") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "main",
          environment: "node",
          // Tests assert CPU behaviour (backend, GPU layers): keep a developer's GPU out of it.
          env: { POLYGLOT_GPU: "off" },
          include: ["src-main/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Model tests load llama.cpp; two cores are better used by one file at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        plugins: [vue()],
        test: {
          name: "renderer",
          environment: "happy-dom",
          include: ["src-renderer/**/*.test.ts"],
        },
      },
    ],
  },
});
