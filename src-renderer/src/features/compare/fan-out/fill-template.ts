/**
 * Prompt templates for the language fan-out: `{{name}}` placeholders (spaces inside the braces
 * allowed: `{{ text }}`), filled once per language. `lang` and `lang_code` are filled from the
 * language itself; every other variable comes from a table the user fills in per language.
 */
import { languageName } from "@contract/languages";

/** Variables every language fills by itself: its English name and its FLORES-200 code. */
export const BUILT_IN_VARIABLES: readonly string[] = ["lang", "lang_code"];

/** `{{ name }}`: letters of any script, digits, `_`, `-` and `.`; anything else stays literal text. */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

/** The variables a template uses, in order of first appearance, each once. */
export function templateVariables(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]))];
}

/** The variables the user has to fill: the template's variables without the built-in ones. */
export function customVariables(template: string): string[] {
  return templateVariables(template).filter((name) => !BUILT_IN_VARIABLES.includes(name));
}

/** Whether a value counts as filled in: blank (empty or only spaces) does not. */
function isFilled(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/**
 * The template with every placeholder replaced by its value, verbatim (no `$&` patterns, no
 * trimming). A placeholder without a value stays as written: check `missingVariables` first.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => (isFilled(values[name]) ? values[name] : placeholder));
}

/** The template's variables that have no value, or a blank one, in order of first appearance. */
export function missingVariables(template: string, values: Readonly<Record<string, string>>): string[] {
  return templateVariables(template).filter((name) => !isFilled(values[name]));
}

/** The built-in values of one language: `{ lang: "Kazakh", lang_code: "kaz_Cyrl" }`. */
export function builtInValues(code: string): Record<string, string> {
  return { lang: languageName(code), lang_code: code };
}

export interface FilledPrompt {
  /** The template filled for the language. */
  text: string;
  /** The values used: the built-in ones and the template's custom variables that are filled. */
  variables: Record<string, string>;
  /** The template's variables left empty for this language. */
  missing: string[];
}

/** Fills a template for one language from its row of the values table (built-ins win over the table). */
export function fillForLanguage(template: string, code: string, custom: Readonly<Record<string, string>> = {}): FilledPrompt {
  const variables: Record<string, string> = builtInValues(code);
  for (const name of customVariables(template)) {
    if (isFilled(custom[name])) variables[name] = custom[name];
  }
  return { text: fillTemplate(template, variables), variables, missing: missingVariables(template, variables) };
}
