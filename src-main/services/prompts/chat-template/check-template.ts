/**
 * Checks a custom chat template before it is used and says where it is wrong: tags left open,
 * blocks not closed, tags the engine cannot parse — the first of these in the template, as an
 * editor lists errors. A template that passes every per-tag check but still fails to parse as a
 * whole gets the engine's message with no line (not expected in practice: the checks cover what
 * the parser reads).
 */
import { Template } from "@huggingface/jinja";
import type { TemplateError } from "../../../contract/prompts";
import { checkBlocks } from "./template-blocks";
import { firstProblem, problemAt, toTemplateError, type TemplateProblem } from "./template-problem";
import { checkTagSyntax, readableEngineMessage } from "./template-syntax";
import { scanTags } from "./template-tags";

export function findTemplateSyntaxError(template: string): TemplateError | null {
  const { tags, problem } = scanTags(template);
  // Block balance needs every tag: with one left open it would report blocks closed after it.
  const found = firstProblem([problem, problem ? null : checkBlocks(tags), checkTagSyntax(tags)]) ?? wholeTemplateProblem(template);
  return found && toTemplateError(template, found);
}

function wholeTemplateProblem(template: string): TemplateProblem | null {
  try {
    new Template(template);
    return null;
  } catch (error) {
    return problemAt(null, readableEngineMessage(error));
  }
}
