import { describe, expect, it } from "vitest";
import { bytesToText, fixtureTable, greedyContinuation, SAFE_MARGIN } from "../../test-support/bigram-oracle";
import { runToEnd, useLoadedFixtures } from "../../test-support/test-services";

const fixtures = useLoadedFixtures("custom-template");

/** A plain-text chat format (no special tokens), so every byte of the prompt is one fixture token. */
const COLON_TEMPLATE =
  "{% for message in messages %}{{ message['role'] }}: {{ message['content'] }}\n{% endfor %}" +
  "{% if add_generation_prompt %}assistant:{% endif %}";

describe("GenerationService with a custom Jinja chat template", () => {
  it("renders the chat with the custom template instead of the chosen one, and the reply follows the table from its last byte", async () => {
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "chat", modelId: fixtures.id("polyglot-continued"), chatTemplate: "llama3", customTemplate: COLON_TEMPLATE,
      messages: [{ role: "system", content: "Sois bref." }, { role: "user", content: "Comment ça va ?" }],
      params: { temperature: 0, maxTokens: 16 },
    });
    expect(done.error).toBeNull();
    // node-llama-cpp opens the reply as the template writes an assistant message ("assistant: " and
    // its content), with the content left empty for the model to fill.
    const prompt = "system: Sois bref.\nuser: Comment ça va ?\nassistant: ";
    expect(done.renderedPrompt).toBe(prompt);
    expect(done.promptSpecialRanges).toEqual([]);
    expect(done.stats.promptTokens).toBe(Buffer.byteLength(prompt));

    const expected = greedyContinuation(fixtureTable("polyglot-continued"), prompt, 16);
    expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
    expect(expected.ids.length).toBeGreaterThan(0);
    expect(tokens.map((token) => token.id)).toEqual(expected.ids);
    expect(done.text).toBe(bytesToText(expected.ids));
  });

  it("marks the vocabulary's special tokens a custom template writes, and only those", async () => {
    const template = "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}<|im_start|>assistant\n";
    const { done } = await runToEnd(fixtures.services, {
      mode: "chat", modelId: fixtures.id("polyglot-base"), customTemplate: template,
      messages: [{ role: "user", content: "Hi" }], params: { temperature: 0, maxTokens: 1 },
    });
    expect(done.renderedPrompt).toBe("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    expect(done.promptSpecialRanges).toEqual([[0, 12], [19, 29], [30, 42]]);
    expect(done.stats.promptTokens).toBe(3 + Buffer.byteLength("user\nHi\nassistant\n"));
  });

  it("fails the run with INVALID_INPUT naming the template's line when the template is broken", async () => {
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "chat", modelId: fixtures.id("polyglot-continued"),
      customTemplate: "{% for message in messages %}\n{{ message['content'] }}\n{% endfor\n", messages: [{ role: "user", content: "Hi" }],
    });
    expect(tokens).toEqual([]);
    expect(done.stats.stopReason).toBe("error");
    expect(done.error).toEqual({
      code: "INVALID_INPUT", field: "customTemplate",
      message: "The custom chat template cannot be used (line 3, column 1): This `{%` is never closed: `%}` is missing.",
    });
  });
});
