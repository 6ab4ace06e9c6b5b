/**
 * A Playground draft as a template: the `{{variables}}` its prompt or messages use, which rows of
 * its variables table can run, and the prompt one row fills in (lib/prompt-template does the filling).
 */
import type { PromptDraft } from "@contract/prompts";
import { BUILT_IN_VARIABLES, fillTemplate, missingVariables, rowValues, templateVariables } from "../../lib/prompt-template";

/** One row of the variables table: values by variable name; `lang_code` fills `lang` and `lang_code`. */
export type VariableRow = Record<string, string>;

/** The texts that may hold placeholders: the prompt, or every message's content. */
export function draftTexts(draft: Pick<PromptDraft, "mode" | "text" | "messages">): string[] {
  return draft.mode === "completion" ? [draft.text] : draft.messages.map((message) => message.content);
}

/** The variables the draft uses, in order of first appearance, each once. */
export function draftVariables(draft: Pick<PromptDraft, "mode" | "text" | "messages">): string[] {
  return [...new Set(draftTexts(draft).flatMap(templateVariables))];
}

/** The variables table's columns: a language (for `{{lang}}`/`{{lang_code}}`) and the other variables. */
export interface VariableColumns {
  language: boolean;
  custom: string[];
}

export function variableColumns(variables: readonly string[]): VariableColumns {
  return {
    language: variables.some((name) => BUILT_IN_VARIABLES.includes(name)),
    custom: variables.filter((name) => !BUILT_IN_VARIABLES.includes(name)),
  };
}

export interface RowCheck {
  /** Index in the draft's variables table. */
  row: number;
  /** The variables the row leaves empty, in order of first appearance. */
  missing: string[];
}

export interface RowsCheck {
  /** The rows to run, in table order; `[0]` when the draft has no variables. */
  runnable: number[];
  /** Rows with some values but not all: they are skipped. Rows left entirely empty are not listed. */
  incomplete: RowCheck[];
}

/** Which rows of the variables table fill every variable of the draft. */
export function checkRows(draft: Pick<PromptDraft, "mode" | "text" | "messages" | "variables">): RowsCheck {
  const variables = draftVariables(draft);
  if (variables.length === 0) return { runnable: [0], incomplete: [] };
  const texts = draftTexts(draft);
  const result: RowsCheck = { runnable: [], incomplete: [] };
  draft.variables.forEach((row, index) => {
    const values = rowValues(row);
    const missing = [...new Set(texts.flatMap((text) => missingVariables(text, values)))];
    if (missing.length === 0) result.runnable.push(index);
    else if (missing.length < variables.length) result.incomplete.push({ row: index, missing });
  });
  return result;
}

/** The draft's prompt or messages with one row's values filled in (placeholders without a value stay). */
export function fillDraft<T extends Pick<PromptDraft, "text" | "messages">>(draft: T, row: VariableRow = {}): T {
  const values = rowValues(row);
  return {
    ...draft,
    text: fillTemplate(draft.text, values),
    messages: draft.messages.map(({ role, content }) => ({ role, content: fillTemplate(content, values) })),
  };
}

/**
 * A copy of a draft that shares nothing with it, as plain data: runs, history and the library keep
 * drafts after the editor changes, and Electron's IPC can only clone plain objects (not Vue proxies).
 */
export function copyDraft(draft: PromptDraft): PromptDraft {
  return {
    mode: draft.mode,
    text: draft.text,
    messages: draft.messages.map(({ role, content }) => ({ role, content })),
    chatTemplate: draft.chatTemplate,
    customTemplate: draft.customTemplate,
    variables: draft.variables.map((row) => ({ ...row })),
  };
}
