import tseslint from "typescript-eslint";
import pluginVue from "eslint-plugin-vue";

export default tseslint.config(
  { ignores: ["out/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs["flat/recommended"],
  {
    files: ["**/*.vue"],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "vue/max-attributes-per-line": "off",
      "vue/singleline-html-element-content-newline": "off",
      "vue/html-self-closing": "off",
      "vue/html-indent": "off",
      "vue/html-closing-bracket-newline": "off",
      "vue/multiline-html-element-content-newline": "off",
    },
  },
  {
    // Layering (after VS Code's code-layering rule): the renderer runs in a browser sandbox and may
    // reach the main process only through the contract.
    files: ["src-renderer/**/*.{ts,vue}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["electron", "electron/*"], message: "The renderer never imports electron; use the RPC bridge." },
          { group: ["node:*", "fs", "path", "os", "child_process", "crypto", "worker_threads", "net", "http"], message: "The renderer runs in a browser: no Node modules." },
          { group: ["node-llama-cpp", "ws", "sirv", "commander"], message: "Main-process libraries stay in the main process." },
          { group: ["**/src-main/**", "!**/src-main/contract/**"], message: "Import main-process code only through @contract." },
        ],
      }],
    },
  },
  {
    // The contract is shared by both sides: schemas and plain TypeScript only.
    files: ["src-main/contract/**/*.ts"],
    ignores: ["src-main/contract/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ regex: "^(?!zod$|\\./)", message: "The contract imports only zod and its own files." }],
      }],
    },
  },
);
