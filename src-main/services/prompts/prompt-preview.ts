/**
 * The exact prompt a model will receive, from the same renderer generation uses, so what the
 * preview shows is what a run sends. A custom template's error comes back in `templateError`
 * (the editor marks its line) instead of failing the call.
 */
import type { LlamaModel } from "node-llama-cpp";
import { SamplingParamsSchema, type GenerationRequest } from "../../contract/generation";
import type { PromptPreview, PromptPreviewRequest } from "../../contract/prompts";
import { renderPrompt, templateNameOf } from "../generation/prompt-renderer";
import { ChatTemplateError } from "./chat-template/custom-chat-wrapper";

export function previewPrompt(model: LlamaModel, request: PromptPreviewRequest): PromptPreview {
  const generation = asGenerationRequest(request);
  const templateName = templateNameOf(model, generation);
  try {
    const rendered = renderPrompt(model, generation);
    return { text: rendered.text, specialRanges: rendered.specialRanges, tokenCount: rendered.tokens.length, templateName, templateError: null };
  } catch (error) {
    if (!(error instanceof ChatTemplateError)) throw error;
    return { text: "", specialRanges: [], tokenCount: 0, templateName, templateError: error.templateError };
  }
}

/** The request a run would make (sampling settings play no part in the prompt). */
function asGenerationRequest(request: PromptPreviewRequest): GenerationRequest {
  const params = SamplingParamsSchema.parse({});
  if (request.mode === "completion") return { mode: "completion", modelId: request.modelId, prompt: request.text, params, topAlternatives: 0 };
  return {
    mode: "chat", modelId: request.modelId, messages: request.messages, chatTemplate: request.chatTemplate, params, topAlternatives: 0,
    // An empty editor means no custom template, as a run sends none.
    ...(request.customTemplate ? { customTemplate: request.customTemplate } : {}),
  };
}
