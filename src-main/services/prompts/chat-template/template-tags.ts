/**
 * The tags of a Jinja template — `{{ … }}`, `{% … %}`, `{# … #}` — with where each starts. They
 * are read as @huggingface/jinja's lexer reads them (a quoted string may hold delimiters; inside
 * `{{ }}` a `}}` closes the tag only outside dict literals), so each later check can name the line
 * of the tag it finds wrong. The engine itself reports errors with no position at all.
 */
import { problemAt, type TemplateProblem } from "./template-problem";

export type TagKind = "expression" | "statement" | "comment";

export interface TemplateTag {
  kind: TagKind;
  /** The tag as written, delimiters included. */
  source: string;
  /** Offset of its opening delimiter in the template. */
  start: number;
  /** A statement's first word ("if", "endfor"); null for expressions and comments. */
  keyword: string | null;
}

export interface TagScan {
  /** The tags before the first one that is not closed. */
  tags: TemplateTag[];
  /** An unclosed tag or string, at its opening. */
  problem: TemplateProblem | null;
}

const KIND_OF: Record<string, TagKind> = { "{": "expression", "%": "statement", "#": "comment" };
const CLOSER: Record<TagKind, string> = { expression: "}}", statement: "%}", comment: "#}" };

export function scanTags(template: string): TagScan {
  const opener = /\{[{%#]/g;
  const tags: TemplateTag[] = [];
  for (let found = opener.exec(template); found; found = opener.exec(template)) {
    const start = found.index;
    const kind = KIND_OF[template[start + 1]];
    const end = kind === "comment" ? commentEnd(template, start) : tagEnd(template, start, kind);
    if (typeof end !== "number") return { tags, problem: end };
    const source = template.slice(start, end);
    tags.push({ kind, source, start, keyword: kind === "statement" ? keywordOf(source) : null });
    opener.lastIndex = end;
  }
  return { tags, problem: null };
}

function commentEnd(template: string, start: number): number | TemplateProblem {
  const close = template.indexOf("#}", start + 2);
  return close < 0 ? problemAt(start, "This comment is never closed: `#}` is missing.") : close + 2;
}

function tagEnd(template: string, start: number, kind: "expression" | "statement"): number | TemplateProblem {
  const open = template.slice(start, start + 2);
  const close = CLOSER[kind];
  let dictDepth = 0;
  for (let at = start + 2; at < template.length; at++) {
    const char = template[at];
    if (char === "'" || char === '"') {
      const after = stringEnd(template, at);
      if (after === null) return problemAt(at, `This string is never closed: its ${char} has no partner.`);
      at = after - 1;
    } else if (template.startsWith(close, at) && dictDepth === 0) {
      return at + 2;
    } else if (/^\{[{%#]$/.test(template.slice(at, at + 2))) {
      // No expression or statement holds a tag opener outside a string: the tag was left open.
      return problemAt(start, `This \`${open}\` is not closed: a new tag \`${template.slice(at, at + 2)}\` begins before its \`${close}\`.`);
    } else if (kind === "expression" && char === "{") {
      dictDepth++;
    } else if (kind === "expression" && char === "}") {
      dictDepth = Math.max(0, dictDepth - 1);
    }
  }
  return problemAt(start, `This \`${open}\` is never closed: \`${close}\` is missing.`);
}

/** The offset just after the string literal opening at `start`, or null when it never closes. */
function stringEnd(template: string, start: number): number | null {
  const quote = template[start];
  for (let at = start + 1; at < template.length; at++) {
    if (template[at] === "\\") at++;
    else if (template[at] === quote) return at + 1;
  }
  return null;
}

function keywordOf(source: string): string | null {
  return /^\{%-?\s*([A-Za-z_]\w*)/.exec(source)?.[1] ?? null;
}
