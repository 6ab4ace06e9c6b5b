/**
 * Loads Monaco the first time an editor needs it (in a chunk of its own, so views without an
 * editor never download it) and registers the app's languages and themes once.
 */
import type { Monaco } from "./monaco-runtime";
import { MONACO_THEME_NAMES, monacoThemes, type AppTheme } from "./monaco-themes";
import { PROMPT_LANGUAGE_ID, promptTemplateConfiguration, promptTemplateLanguage } from "./prompt-language";

/** Jinja chat templates are highlighted with Monaco's Twig grammar (the same `{% %}`/`{{ }}` syntax). */
export const JINJA_LANGUAGE_ID = "twig";

let loading: Promise<Monaco> | null = null;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import("./monaco-runtime").then(({ monaco }) => {
    registerAppLanguages(monaco);
    return monaco;
  }).catch((error: unknown) => {
    loading = null; // a failed chunk download may succeed on the next editor
    throw error;
  });
  return loading;
}

function registerAppLanguages(monaco: Monaco): void {
  monaco.languages.register({ id: PROMPT_LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(PROMPT_LANGUAGE_ID, promptTemplateLanguage);
  monaco.languages.setLanguageConfiguration(PROMPT_LANGUAGE_ID, promptTemplateConfiguration);
  for (const theme of Object.keys(monacoThemes) as AppTheme[]) {
    monaco.editor.defineTheme(MONACO_THEME_NAMES[theme], monacoThemes[theme]);
  }
}
