/**
 * The editor's light and dark themes: Monaco's own, on the app's background (styles/theme.css
 * `--bg`, `--fg`), template variables in the accent colour, special-token look-alikes in the danger
 * colour, underlined (Monaco draws no token backgrounds).
 */
import type { editor } from "monaco-editor/editor/editor.api";
import { PROMPT_TOKENS } from "./prompt-language";

export type AppTheme = "light" | "dark";

export const MONACO_THEME_NAMES: Record<AppTheme, string> = { light: "polyglot-light", dark: "polyglot-dark" };

export const monacoThemes: Record<AppTheme, editor.IStandaloneThemeData> = {
  light: {
    base: "vs",
    inherit: true,
    rules: [
      { token: PROMPT_TOKENS.variable, foreground: "1f43a8", fontStyle: "bold" },
      { token: PROMPT_TOKENS.special, foreground: "8a1c1c", fontStyle: "underline" },
    ],
    colors: { "editor.background": "#ffffff", "editor.foreground": "#1d2330" },
  },
  dark: {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: PROMPT_TOKENS.variable, foreground: "aac0ff", fontStyle: "bold" },
      { token: PROMPT_TOKENS.special, foreground: "ffb3b3", fontStyle: "underline" },
    ],
    colors: { "editor.background": "#14171d", "editor.foreground": "#e4e7ee" },
  },
};
