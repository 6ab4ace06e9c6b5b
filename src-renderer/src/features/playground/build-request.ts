import type { ChatMessage, GenerationRequestInput, SamplingParams } from "@contract/generation";

export type PlaygroundMode = "completion" | "chat";

export interface PlaygroundForm {
  modelId: string;
  mode: PlaygroundMode;
  prompt: string;
  messages: ChatMessage[];
  params: SamplingParams;
}

/**
 * The request for the form as it is now, as fresh plain data: the run keeps it after the form
 * changes, and Electron's IPC can only clone plain objects (not Vue proxies).
 */
export function buildRequest(form: PlaygroundForm): GenerationRequestInput {
  const params = { ...form.params, stop: [...form.params.stop] };
  if (form.mode === "chat") {
    const messages = form.messages.map(({ role, content }) => ({ role, content }));
    return { mode: "chat", modelId: form.modelId, messages, params };
  }
  return { mode: "completion", modelId: form.modelId, prompt: form.prompt, params };
}
