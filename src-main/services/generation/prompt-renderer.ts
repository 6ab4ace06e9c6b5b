/**
 * Turns a request into the exact tokens the model sees: raw text with the model's BOS, or a chat
 * rendered with the model's own chat template (read from the GGUF by node-llama-cpp), a chosen
 * one, or a custom Jinja template.
 */
import { bosPrefix } from "../../llama/bos";
import {
  ChatMLChatWrapper, GemmaChatWrapper, GeneralChatWrapper, Llama2ChatWrapper, Llama3ChatWrapper, LlamaText, MistralChatWrapper,
  QwenChatWrapper, SpecialTokensText, resolveChatWrapper, type ChatHistoryItem, type ChatWrapper, type LlamaModel, type Token,
} from "node-llama-cpp";
import type { ChatMessage, ChatTemplateChoice, GenerationRequest } from "../../contract/generation";
import { customChatWrapper, renderFailure } from "../prompts/chat-template/custom-chat-wrapper";

export interface RenderedPrompt {
  tokens: Token[];
  /** The prompt as text, special tokens written out, for people to read. */
  text: string;
  /** Where special tokens are in `text`: [start, end) character offsets. */
  specialRanges: Array<[number, number]>;
  /** Plain-text stop triggers the chat template adds (end-of-turn markers). */
  templateStops: string[];
}

export function renderPrompt(model: LlamaModel, request: GenerationRequest): RenderedPrompt {
  if (request.mode === "completion") {
    const bos = bosPrefix(model);
    const tokens = [...bos, ...model.tokenize(request.prompt, false)];
    const bosText = model.detokenize(bos, true);
    return { tokens, text: bosText + request.prompt, specialRanges: bosText ? [[0, bosText.length]] : [], templateStops: [] };
  }
  const { contextText, stopGenerationTriggers } = chatContext(model, request);
  const tokens = contextText.tokenize(model.tokenizer);
  const templateStops = stopGenerationTriggers
    .map((trigger) => LlamaText(trigger).values)
    .filter((values) => values.every((value) => typeof value === "string"))
    .map((values) => values.join(""))
    .filter((stop) => stop.length > 0);
  return { tokens, ...readableText(model, contextText), templateStops };
}

/** Which template renders a request, as the preview names it. */
export function templateNameOf(model: LlamaModel, request: GenerationRequest): string {
  if (request.mode === "completion") return "raw text";
  if (request.customTemplate !== undefined) return "custom Jinja";
  if (request.chatTemplate === "model") return `model's own: ${chatWrapperOf(model).wrapperName}`;
  return CHOSEN_TEMPLATE_NAMES[request.chatTemplate];
}

type ChatRequest = Extract<GenerationRequest, { mode: "chat" }>;

/** The chat as the template writes it; a custom template's failures say where it is wrong (ChatTemplateError). */
function chatContext(model: LlamaModel, request: ChatRequest): ReturnType<ChatWrapper["generateContextState"]> {
  const chatHistory = toChatHistory(request.messages);
  if (request.customTemplate === undefined) {
    const wrapper = request.chatTemplate === "model" ? chatWrapperOf(model) : chosenWrapper(request.chatTemplate);
    return wrapper.generateContextState({ chatHistory });
  }
  const wrapper = customChatWrapper(request.customTemplate);
  try {
    return wrapper.generateContextState({ chatHistory });
  } catch (error) {
    throw renderFailure(request.customTemplate, error);
  }
}

/**
 * The prompt as text, special tokens written out. Not `model.detokenize(tokens)`: llama.cpp's
 * detokenizer "cleans up" spaces before punctuation for many vocabularies ("ça va ?" becomes
 * "ça va?"), and this text must show what the model was given.
 */
function readableText(model: LlamaModel, text: LlamaText): Pick<RenderedPrompt, "text" | "specialRanges"> {
  let readable = "";
  const specialRanges: Array<[number, number]> = [];
  for (const value of text.values) {
    if (typeof value === "string") {
      readable += value;
    } else if (value instanceof SpecialTokensText) {
      for (const [start, end] of specialTokensIn(model, value.value)) specialRanges.push([readable.length + start, readable.length + end]);
      readable += value.value;
    } else {
      // A special token by role (BOS, EOS), written as the vocabulary writes it.
      const piece = model.detokenize(value.tokenize(model.tokenizer), true);
      if (piece) specialRanges.push([readable.length, readable.length + piece.length]);
      readable += piece;
    }
  }
  return { text: readable, specialRanges };
}

/**
 * Where the special tokens are in template text (`<|im_end|>\n<|im_start|>user\n`): only the text
 * the vocabulary reads as special tokens is marked, so "user\n" stays plain, and a marker the
 * vocabulary lacks (a Llama 3 template on a ChatML model) is shown as the plain text it becomes.
 */
function specialTokensIn(model: LlamaModel, text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const token of model.tokenize(text, true)) {
    if (!model.isSpecialToken(token)) continue;
    const piece = model.detokenize([token], true);
    const at = piece ? text.indexOf(piece, from) : -1;
    if (at < 0) continue;
    ranges.push([at, at + piece.length]);
    from = at + piece.length;
  }
  return ranges;
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

const CHOSEN_TEMPLATE_NAMES: Record<Exclude<ChatTemplateChoice, "model">, string> = {
  chatml: "ChatML", llama3: "Llama 3", llama2: "Llama 2", gemma: "Gemma", mistral: "Mistral", qwen: "Qwen2", general: "General",
};

/** A template chosen for every model in a comparison, whatever their GGUFs say. */
function chosenWrapper(choice: Exclude<ChatTemplateChoice, "model">): ChatWrapper {
  switch (choice) {
    case "chatml": return new ChatMLChatWrapper();
    case "llama3": return new Llama3ChatWrapper();
    case "llama2": return new Llama2ChatWrapper();
    case "gemma": return new GemmaChatWrapper();
    case "mistral": return new MistralChatWrapper();
    case "qwen": return new QwenChatWrapper();
    case "general": return new GeneralChatWrapper();
  }
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
