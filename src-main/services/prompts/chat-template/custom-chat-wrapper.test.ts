import type { ChatHistoryItem } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../contract/errors";
import { ChatTemplateError, customChatWrapper, renderFailure } from "./custom-chat-wrapper";
import { GEMMA, GEMMA_PRETTY, LLAMA_3, QWEN_2 } from "./real-templates.fixture";

/** Renders a chat as the prompt renderer does, failures turned into ChatTemplateError. */
function render(template: string, chatHistory: ChatHistoryItem[]) {
  const wrapper = customChatWrapper(template);
  try {
    return wrapper.generateContextState({ chatHistory });
  } catch (error) {
    throw renderFailure(template, error);
  }
}

function failure(action: () => unknown): ChatTemplateError {
  try {
    action();
  } catch (error) {
    if (error instanceof ChatTemplateError) return error;
    throw error;
  }
  throw new Error("expected a ChatTemplateError");
}

const userTurn: ChatHistoryItem[] = [{ type: "user", text: "Habari ya asubuhi?" }, { type: "model", response: [] }];

describe("customChatWrapper", () => {
  it("renders real templates: message text stays plain text, template text may hold special tokens", () => {
    const { contextText } = render(QWEN_2, userTurn);
    expect(contextText.toJSON()).toEqual([
      { type: "specialTokensText", value: "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n" },
      "Habari ya asubuhi?",
      { type: "specialTokensText", value: "<|im_end|>\n<|im_start|>assistant\n" },
    ]);
    // bos_token becomes the model's BOS token, whatever the vocabulary calls it.
    expect(render(LLAMA_3, userTurn).contextText.toJSON()[0]).toEqual({ type: "specialToken", value: "BOS" });
    expect(render(GEMMA, userTurn).contextText.toJSON().slice(1)).toEqual([
      { type: "specialTokensText", value: "<start_of_turn>user\n" },
      "Habari ya asubuhi?",
      { type: "specialTokensText", value: "<end_of_turn>\n<start_of_turn>model\n" },
    ]);
  });

  it("locates a raise_exception by the string it raised (Gemma refusing a chat that starts with the assistant)", () => {
    const history: ChatHistoryItem[] = [{ type: "model", response: ["Jambo!"] }, { type: "user", text: "Jambo" }, { type: "model", response: [] }];
    const error = failure(() => render(GEMMA_PRETTY, history));
    expect(error.templateError).toEqual({
      line: 7, column: 9, message: "rendering the messages failed: Conversation roles must alternate user/assistant/user/assistant/...",
    });
    expect(error).toBeInstanceOf(AppError);
    expect(error.toData()).toEqual({
      code: "INVALID_INPUT", field: "customTemplate",
      message: "The custom chat template cannot be used (line 7, column 9): rendering the messages failed: Conversation roles must alternate user/assistant/user/assistant/...",
    });
  });

  it("locates a raise_exception whose message is built with +, even when it fails node-llama-cpp's sample chats", () => {
    const template = [
      "{%- for message in messages %}",
      "{{- message['content'] }}",
      "{%- if message['role'] == 'user' %}  {{ raise_exception('Role ' + message['role'] + ' is not accepted here') }}{% endif %}",
      "{%- endfor %}",
    ].join("\n");
    expect(failure(() => customChatWrapper(template)).templateError).toEqual({
      line: 3, column: 38, message: "rendering the messages failed: Role user is not accepted here",
    });
  });

  it("locates an unknown filter at the one tag using it", () => {
    const template = "{% for message in messages %}{{ message['content'] }}\n{{ message['role'] | shout }}{% endfor %}";
    expect(failure(() => customChatWrapper(template)).templateError).toEqual({
      line: 2, column: 1, message: "rendering the messages failed: Unknown StringValue filter: shout",
    });
  });

  it("leaves the line unknown when the message fits several places or none", () => {
    const twice = "{% for message in messages %}{{ message['content'] }}{% endfor %}\n{{ raise_exception('no') }}\n{{ raise_exception('no') }}";
    expect(failure(() => customChatWrapper(twice)).templateError).toEqual({ line: null, column: null, message: "rendering the messages failed: no" });
    const noContent = "{% for message in messages %}{{ message['role'] }}{% endfor %}";
    expect(failure(() => customChatWrapper(noContent)).templateError).toEqual({
      line: null, column: null, message: "the template does not write out every message's content (each message['content'] must appear in its output).",
    });
  });

  it("refuses a template with a syntax error before rendering anything", () => {
    const error = failure(() => customChatWrapper("{% for message in messages %}\n  {{ message['content' }}\n{% endfor %}"));
    expect(error.templateError).toEqual({ line: 2, column: 3, message: "`{{ message['content' }}`: Unexpected token: `}}`." });
    expect(error.message).toBe("The custom chat template cannot be used (line 2, column 3): `{{ message['content' }}`: Unexpected token: `}}`.");
  });
});
