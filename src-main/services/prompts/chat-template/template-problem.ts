/**
 * A problem found in a chat template, at an offset into it, and its translation into the
 * 1-based line and column the editor shows.
 */
import type { TemplateError } from "../../../contract/prompts";

export interface TemplateProblem {
  message: string;
  /** UTF-16 offset into the template; null when the place is unknown. */
  offset: number | null;
}

export function problemAt(offset: number | null, message: string): TemplateProblem {
  return { offset, message };
}

/** The problem nearest the template's start (the one to fix first); null when there is none. */
export function firstProblem(problems: Array<TemplateProblem | null>): TemplateProblem | null {
  const found = problems.filter((problem): problem is TemplateProblem => problem !== null);
  found.sort((a, b) => (a.offset ?? Infinity) - (b.offset ?? Infinity));
  return found[0] ?? null;
}

/** Line and column (1-based, columns in UTF-16 units as Monaco counts them) of an offset. */
export function positionAt(template: string, offset: number): { line: number; column: number } {
  const before = template.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

export function toTemplateError(template: string, problem: TemplateProblem): TemplateError {
  if (problem.offset === null) return { message: problem.message, line: null, column: null };
  return { message: problem.message, ...positionAt(template, problem.offset) };
}
