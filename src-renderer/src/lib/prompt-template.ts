/**
 * Prompt templates, one engine for Compare's language fan-out and the Playground: `{{name}}`
 * placeholders (spaces inside the braces allowed: `{{ text }}`) filled from a row of values. The
 * fan-out fills one row per language, the Playground one per row of its variables table. `lang` and
 * `lang_code` are built in: both come from a FLORES-200 code (the fan-out's language, or a
 * Playground row's `lang_code`); every other variable comes from a table the user fills in.
 */
import { languageName } from "@contract/languages";

/** Variables every language fills by itself: its English name and its FLORES-200 code. */
export const BUILT_IN_VARIABLES: readonly string[] = ["lang", "lang_code"];

/**
 * `{{ name }}`: letters of any script, digits, `_`, `-` and `.`; anything else stays literal text.
 * A source for `new RegExp(…, "u")` (the editor's highlighting uses it too).
 */
export const PLACEHOLDER_PATTERN = String.raw`\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}`;
const PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN, "gu");

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

/**
 * The values one row of a variables table fills a template with: its filled values, and `lang` and
 * `lang_code` from its `lang_code` when that is set (the built-ins win over a `lang` of its own).
 */
export function rowValues(row: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(row)) {
    if (isFilled(value)) values[name] = value;
  }
  return isFilled(row.lang_code) ? { ...values, ...builtInValues(row.lang_code.trim()) } : values;
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
