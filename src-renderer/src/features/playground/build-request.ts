import type { GenerationRequestInput, SamplingParams } from "@contract/generation";
import type { PromptDraft } from "@contract/prompts";
import { copySamplingParams } from "../../components/sampling-fields";

/**
 * The request for one model and one filled draft (see fillDraft), as fresh plain data: the run keeps
 * it after the form changes, and Electron's IPC can only clone plain objects (not Vue proxies).
 * Chat requests carry the chosen chat template, or the custom Jinja template when there is one.
 */
export function buildRequest(
  modelId: string,
  draft: Pick<PromptDraft, "mode" | "text" | "messages" | "chatTemplate" | "customTemplate">,
  params: SamplingParams,
): GenerationRequestInput {
  const plainParams = copySamplingParams(params);
  if (draft.mode === "completion") return { mode: "completion", modelId, prompt: draft.text, params: plainParams };
  const messages = draft.messages.map(({ role, content }) => ({ role, content }));
  return {
    mode: "chat", modelId, messages, chatTemplate: draft.chatTemplate, params: plainParams,
    ...(draft.customTemplate ? { customTemplate: draft.customTemplate } : {}),
  };
}
