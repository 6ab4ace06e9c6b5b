/**
 * Block balance: every `{% for %}`, `{% if %}`, `{% macro %}`… closed by its end tag, in order, and
 * `{% elif %}` / `{% else %}` only where they belong. The engine's parser, given an unclosed
 * block, reads past the end of the template and fails with a message that names nothing; this
 * names the tag.
 */
import { problemAt, type TemplateProblem } from "./template-problem";
import type { TemplateTag } from "./template-tags";
import { isBlockSet } from "./tag-tokens";

/** End tag → the block it closes. */
const CLOSES: Record<string, string> = {
  endfor: "for", endif: "if", endmacro: "macro", endcall: "call", endfilter: "filter", endset: "set", endgeneration: "generation",
};
const OPENS = new Set(Object.values(CLOSES));
/** Tags that continue a block → the blocks they may continue. */
const CONTINUES: Record<string, string[]> = { elif: ["if"], else: ["if", "for"] };

const statement = (keyword: string) => `\`{% ${keyword} %}\``;

export function checkBlocks(tags: TemplateTag[]): TemplateProblem | null {
  const open: TemplateTag[] = [];
  for (const tag of tags) {
    const keyword = tag.keyword;
    if (keyword === null) continue;
    if (OPENS.has(keyword)) {
      if (keyword !== "set" || isBlockSet(tag)) open.push(tag);
      continue;
    }
    const closes = CLOSES[keyword];
    if (closes) {
      const match = open.findLastIndex((block) => block.keyword === closes);
      if (match < 0) return problemAt(tag.start, `${statement(keyword)} has no ${statement(closes)} to close.`);
      const innermost = open[open.length - 1];
      if (match < open.length - 1) {
        return problemAt(innermost.start, `${statement(innermost.keyword!)} is not closed: ${statement(keyword)} comes before its ${statement(`end${innermost.keyword}`)}.`);
      }
      open.pop();
      continue;
    }
    const parents = CONTINUES[keyword];
    if (parents && !parents.includes(open.at(-1)?.keyword ?? "")) {
      return problemAt(tag.start, `${statement(keyword)} is outside any ${parents.map(statement).join(" or ")} block.`);
    }
  }
  const unclosed = open.at(-1);
  if (!unclosed) return null;
  return problemAt(unclosed.start, `${statement(unclosed.keyword!)} is never closed: ${statement(`end${unclosed.keyword}`)} is missing.`);
}
