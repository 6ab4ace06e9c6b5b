/**
 * A custom Jinja chat template as a node-llama-cpp chat wrapper (JinjaTemplateChatWrapper, the
 * wrapper node-llama-cpp uses for a GGUF's own Jinja template), with every failure turned into a
 * ChatTemplateError that says where the template is wrong.
 */
import { JinjaTemplateChatWrapper } from "node-llama-cpp";
import { AppError } from "../../../contract/errors";
import type { TemplateError } from "../../../contract/prompts";
import { findTemplateSyntaxError } from "./check-template";
import { locateRenderError } from "./render-error";
import { toTemplateError } from "./template-problem";

/** A custom template that cannot be used; `templateError` says where, for the editor. */
export class ChatTemplateError extends AppError {
  constructor(readonly templateError: TemplateError) {
    const where = templateError.line === null ? "" : ` (line ${templateError.line}, column ${templateError.column})`;
    super({ code: "INVALID_INPUT", field: "customTemplate", message: `The custom chat template cannot be used${where}: ${templateError.message}` });
    this.name = "ChatTemplateError";
  }
}

/**
 * Building the wrapper renders sample chats through the template (node-llama-cpp's sanity test)
 * and takes tens of milliseconds; the preview asks again on every edit and each run of a
 * comparison asks too, so the last few are kept.
 */
const KEPT_WRAPPERS = 16;
const wrappers = new Map<string, JinjaTemplateChatWrapper>();

export function customChatWrapper(template: string): JinjaTemplateChatWrapper {
  let wrapper = wrappers.get(template);
  if (wrapper) {
    wrappers.delete(template); // re-inserted below as the most recent
  } else {
    const syntaxError = findTemplateSyntaxError(template);
    if (syntaxError) throw new ChatTemplateError(syntaxError);
    try {
      wrapper = new JinjaTemplateChatWrapper({ template });
    } catch (error) {
      throw renderFailure(template, error);
    }
  }
  wrappers.set(template, wrapper);
  if (wrappers.size > KEPT_WRAPPERS) wrappers.delete(wrappers.keys().next().value!);
  return wrapper;
}

/** Why rendering messages through a custom template failed, with the line when it can be found. */
export function renderFailure(template: string, error: unknown): ChatTemplateError {
  const message = engineMessage(error);
  return new ChatTemplateError(toTemplateError(template, { ...locateRenderError(template, message), message: readable(message) }));
}

/** node-llama-cpp wraps failures of its sample renders: "…failed the sanity test: Error: <message>. Inspect…". */
const SANITY_TEST = /^The provided Jinja template failed the sanity test: (?:\w*Error: )?([\s\S]*)\. Inspect the Jinja template to find out what went wrong$/;

function engineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return SANITY_TEST.exec(message)?.[1] ?? message;
}

/** node-llama-cpp's own complaints about a template, as a person writing one needs them. */
const NODE_LLAMA_CPP_MESSAGES: Record<string, string> = {
  "Some input messages are not present in the generated Jinja template output":
    "the template does not write out every message's content (each message['content'] must appear in its output).",
};

function readable(message: string): string {
  return NODE_LLAMA_CPP_MESSAGES[message] ?? `rendering the messages failed: ${message}`;
}
