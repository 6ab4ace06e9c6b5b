/**
 * Each tag parsed on its own by @huggingface/jinja (the engine chat templates run on), so a syntax
 * error points at its tag's line. A tag that only makes sense inside a block (`{% else %}`,
 * `{% endfor %}`) or that opens one (`{% if x %}`) is wrapped in the smallest block that completes it.
 */
import { parse, tokenize } from "@huggingface/jinja";
import { problemAt, type TemplateProblem } from "./template-problem";
import type { TemplateTag } from "./template-tags";
import { isBlockSet } from "./tag-tokens";

/** What to put before a tag so it parses alone. */
const BEFORE: Record<string, string> = {
  elif: "{% if x %}", else: "{% if x %}", endif: "{% if x %}", endfor: "{% for x in y %}", endmacro: "{% macro m() %}",
  endcall: "{% call m() %}", endfilter: "{% filter upper %}", endset: "{% set x %}",
};
/** What to put after a tag so it parses alone. */
const AFTER: Record<string, string> = {
  if: "{% endif %}", elif: "{% endif %}", else: "{% endif %}", for: "{% endfor %}", macro: "{% endmacro %}",
  call: "{% endcall %}", filter: "{% endfilter %}",
};

/** The first tag the engine cannot parse, in template order. */
export function checkTagSyntax(tags: TemplateTag[]): TemplateProblem | null {
  for (const tag of tags) {
    const keyword = tag.keyword ?? "";
    const after = isBlockSet(tag) ? "{% endset %}" : (AFTER[keyword] ?? "");
    try {
      parse(tokenize((BEFORE[keyword] ?? "") + tag.source + after));
    } catch (error) {
      return problemAt(tag.start, `${quoteTag(tag.source)}: ${readableEngineMessage(error)}`);
    }
  }
  return null;
}

/** A tag for a message: on one line, long ones cut. */
export function quoteTag(source: string): string {
  const oneLine = source.replace(/\s+/g, " ");
  return `\`${oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine}\``;
}

const TOKEN_TEXT: Record<string, string> = {
  CloseExpression: "`}}`", CloseStatement: "`%}`", OpenExpression: "`{{`", OpenStatement: "`{%`", CloseParen: "`)`", OpenParen: "`(`",
  CloseSquareBracket: "`]`", OpenSquareBracket: "`[`", CloseCurlyBracket: "`}`", OpenCurlyBracket: "`{`", Comma: "`,`", Colon: "`:`",
  Dot: "`.`", Pipe: "`|`", Equals: "`=`", Identifier: "a name", StringLiteral: "a string", NumericLiteral: "a number", Text: "text",
};

/**
 * The engine's message with its token names written as the symbols a person typed
 * ("Unexpected token: CloseExpression" → "Unexpected token: `}}`"). The parser, given too few
 * tokens, fails reading past their end with a TypeError that says nothing useful.
 */
export function readableEngineMessage(error: unknown): string {
  if (error instanceof TypeError) return "the tag ends before what it starts is complete.";
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/^Parser Error: /, "")
    .replace(/\.\s*\w+ !== \w+\.$/, ".")
    .replace(/\b[A-Z][A-Za-z]+\b/g, (word) => TOKEN_TEXT[word] ?? word);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
