/**
 * Highlighting for prompt templates: `{{variables}}` (as lib/prompt-template reads them) and text
 * that looks like a model's special tokens (`<|im_start|>`, `<s>`, `[INST]`, `<<SYS>>`), which a
 * prompt usually should not contain as plain text.
 */
import type { languages } from "monaco-editor/editor/editor.api";
import { PLACEHOLDER_PATTERN } from "../../lib/prompt-template";

export const PROMPT_LANGUAGE_ID = "prompt-template";

/** Token classes the app's editor themes colour (see monaco-themes.ts). */
export const PROMPT_TOKENS = { variable: "template-variable", special: "special-token" } as const;

/** Special-token look-alikes: `<|…|>` and DeepSeek's `<｜…｜>`, tag-like tokens, Llama-2's markers. */
const SPECIAL_TOKEN_PATTERNS: RegExp[] = [
  /<\|[^|\s<>]*\|>/,
  /<｜[^｜\s<>]*｜>/,
  /<\/?(?:s|unk|pad|bos|eos|mask|start_of_turn|end_of_turn|start_of_image|end_of_image)>/,
  /\[\/?INST\]/,
  /<<\/?SYS>>/,
];

export const promptTemplateLanguage: languages.IMonarchLanguage = {
  // \p{L} and \p{N} in variable names need unicode regular expressions.
  unicode: true,
  defaultToken: "",
  tokenPostfix: "",
  tokenizer: {
    root: [
      [new RegExp(PLACEHOLDER_PATTERN), PROMPT_TOKENS.variable],
      ...SPECIAL_TOKEN_PATTERNS.map((pattern): languages.IMonarchLanguageRule => [pattern, PROMPT_TOKENS.special]),
      // Plain text in runs, and a lone `{`, `<` or `[` that starts nothing above.
      [/[^{<[]+/, ""],
      [/[{<[]/, ""],
    ],
  },
};

/** Prose, not code: no brackets to match or close, no comments. */
export const promptTemplateConfiguration: languages.LanguageConfiguration = {
  brackets: [],
  autoClosingPairs: [],
  surroundingPairs: [],
};
