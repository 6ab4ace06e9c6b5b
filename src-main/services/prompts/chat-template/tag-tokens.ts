/** A tag's tokens as @huggingface/jinja's lexer reads them, for questions about one tag. */
import { tokenize } from "@huggingface/jinja";
import type { TemplateTag } from "./template-tags";

type JinjaToken = ReturnType<typeof tokenize>[number];

/** The tag's tokens; empty when the lexer refuses it (the syntax check reports why). */
export function tagTokens(tag: TemplateTag): JinjaToken[] {
  try {
    return tokenize(tag.source);
  } catch {
    return [];
  }
}

/** `{% set x %}…{% endset %}` (a block) rather than `{% set x = … %}` (one tag). */
export function isBlockSet(tag: TemplateTag): boolean {
  return tag.keyword === "set" && !tagTokens(tag).some((token) => token.type === "Equals");
}
