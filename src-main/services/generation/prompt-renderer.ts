/**
 * Turns a request into the exact tokens the model sees: raw text with the model's BOS, or a chat
 * rendered with the model's own chat template (read from the GGUF by node-llama-cpp).
 */
import { LlamaText, resolveChatWrapper, type ChatHistoryItem, type LlamaModel, type Token } from "node-llama-cpp";
import type { ChatMessage, GenerationRequest } from "../../contract/generation";

export interface RenderedPrompt {
  tokens: Token[];
  /** The prompt as text, special tokens written out, for people to read. */
  text: string;
  /** Plain-text stop triggers the chat template adds (end-of-turn markers). */
  templateStops: string[];
}

export function renderPrompt(model: LlamaModel, request: GenerationRequest): RenderedPrompt {
  if (request.mode === "completion") {
    const bos = model.tokens.shouldPrependBosToken && model.tokens.bos !== null ? [model.tokens.bos] : [];
    const tokens = [...bos, ...model.tokenize(request.prompt, false)];
    return { tokens, text: model.detokenize(tokens, true), templateStops: [] };
  }
  const wrapper = resolveChatWrapper(model);
  const { contextText, stopGenerationTriggers } = wrapper.generateContextState({ chatHistory: toChatHistory(request.messages) });
  const tokens = contextText.tokenize(model.tokenizer);
  const templateStops = stopGenerationTriggers
    .map((trigger) => LlamaText(trigger).values)
    .filter((values) => values.every((value) => typeof value === "string"))
    .map((values) => values.join(""))
    .filter((stop) => stop.length > 0);
  return { tokens, text: model.detokenize(tokens, true), templateStops };
}

function toChatHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((message) => {
    if (message.role === "system") return { type: "system", text: message.content };
    if (message.role === "user") return { type: "user", text: message.content };
    return { type: "model", response: [message.content] };
  });
  // An empty model turn at the end makes the template add the assistant's opening; a final
  // assistant message is left open so the model continues it.
  if (messages.at(-1)?.role !== "assistant") history.push({ type: "model", response: [] });
  return history;
}
