/**
 * Turns a request into the exact tokens the model sees: raw text with the model's BOS, or a chat
 * rendered with the model's own chat template (read from the GGUF by node-llama-cpp).
 */
import {
  LlamaText, SpecialTokensText, resolveChatWrapper, type ChatHistoryItem, type ChatWrapper, type LlamaModel, type Token,
} from "node-llama-cpp";
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
    return { tokens, text: model.detokenize(bos, true) + request.prompt, templateStops: [] };
  }
  const wrapper = chatWrapperOf(model);
  const { contextText, stopGenerationTriggers } = wrapper.generateContextState({ chatHistory: toChatHistory(request.messages) });
  const tokens = contextText.tokenize(model.tokenizer);
  const templateStops = stopGenerationTriggers
    .map((trigger) => LlamaText(trigger).values)
    .filter((values) => values.every((value) => typeof value === "string"))
    .map((values) => values.join(""))
    .filter((stop) => stop.length > 0);
  return { tokens, text: readableText(model, contextText), templateStops };
}

/**
 * The prompt as text, special tokens written out. Not `model.detokenize(tokens)`: llama.cpp's
 * detokenizer "cleans up" spaces before punctuation for many vocabularies ("ça va ?" becomes
 * "ça va?"), and this text must show what the model was given.
 */
function readableText(model: LlamaModel, text: LlamaText): string {
  return text.values.map((value) => {
    if (typeof value === "string") return value;
    if (value instanceof SpecialTokensText) return value.value;
    return model.detokenize(value.tokenize(model.tokenizer), true);
  }).join("");
}

/**
 * Resolving a model's chat wrapper tries its Jinja template against many known formats: a few
 * hundred milliseconds of synchronous work, so it is done once per loaded model.
 */
const chatWrappers = new WeakMap<LlamaModel, ChatWrapper>();
function chatWrapperOf(model: LlamaModel): ChatWrapper {
  let wrapper = chatWrappers.get(model);
  if (!wrapper) chatWrappers.set(model, (wrapper = resolveChatWrapper(model)));
  return wrapper;
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
