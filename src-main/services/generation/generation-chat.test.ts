import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../contract/generation";
import { SPECIAL_TOKENS } from "../../fixtures/byte-vocabulary";
import { bytesToText, fixtureTable, greedyContinuation, SAFE_MARGIN } from "../../test-support/bigram-oracle";
import { runToEnd, useLoadedFixtures } from "../../test-support/test-services";

const fixtures = useLoadedFixtures("generation-chat");

/** ChatML as the fixture's template writes it (see CHATML_TEMPLATE), after the BOS the GGUF asks for. */
function chatml(messages: ChatMessage[], { open = false } = {}): string {
  const turns = messages.map(({ role, content }, i) =>
    open && i === messages.length - 1 ? `<|im_start|>${role}\n${content}` : `<|im_start|>${role}\n${content}<|im_end|>\n`);
  return `<s>${turns.join("")}${open ? "" : "<|im_start|>assistant\n"}`;
}

/** Tokens of a rendered prompt: one per special token, one per byte of everything else. */
function tokenCount(rendered: string): number {
  let rest = rendered;
  let specials = 0;
  for (const special of SPECIAL_TOKENS) {
    const parts = rest.split(special);
    specials += parts.length - 1;
    rest = parts.join("");
  }
  return specials + Buffer.byteLength(rest);
}

describe("GenerationService, chat mode", () => {
  it("renders the model's ChatML template, and the reply follows the table from the assistant's newline", async () => {
    const messages: ChatMessage[] = [{ role: "user", content: "Bonjour, comment ça va ?" }];
    const { done, tokens } = await runToEnd(fixtures.services, {
      mode: "chat", modelId: fixtures.id("polyglot-continued"), messages, params: { temperature: 0, maxTokens: 24 },
    });
    expect(done.error).toBeNull();
    expect(done.renderedPrompt).toContain("<|im_start|>user\nBonjour, comment ça va ?<|im_end|>");
    expect(done.renderedPrompt.endsWith("<|im_start|>assistant\n")).toBe(true);
    expect(done.renderedPrompt).toBe(chatml(messages));
    expect(done.stats.promptTokens).toBe(tokenCount(done.renderedPrompt));

    const expected = greedyContinuation(fixtureTable("polyglot-continued"), "\n", 24);
    expect(expected.minMargin).toBeGreaterThan(SAFE_MARGIN);
    expect(tokens.map((token) => token.id)).toEqual(expected.ids);
    expect(done.text).toBe(bytesToText(expected.ids));
    expect(done.stats.stopReason).toBe(expected.endsWithEog ? "eos" : "max-tokens");
  });

  it("carries Russian and Arabic messages into the prompt byte for byte, with system and earlier turns", async () => {
    const messages: ChatMessage[] = [
      { role: "system", content: "Ты переводчик. أنت مترجم." },
      { role: "user", content: "Привет! Как дела?" },
      { role: "assistant", content: "مرحبا، أنا بخير." },
      { role: "user", content: "Переведи: «река течёт»" },
    ];
    const { done } = await runToEnd(fixtures.services, {
      mode: "chat", modelId: fixtures.id("polyglot-continued"), messages, params: { temperature: 0.8, seed: 3, maxTokens: 8 },
    });
    expect(done.error).toBeNull();
    expect(done.renderedPrompt).toBe(chatml(messages));
    for (const { content } of messages) expect(done.renderedPrompt).toContain(content);
    expect(done.renderedPrompt).not.toContain("\uFFFD");
    expect(done.stats.promptTokens).toBe(tokenCount(done.renderedPrompt));
  });

  it("continues a final assistant message instead of starting a new turn", async () => {
    const messages: ChatMessage[] = [
      { role: "user", content: "Décris le marché." },
      { role: "assistant", content: "Le marché" },
    ];
    const { done } = await runToEnd(fixtures.services, {
      mode: "chat", modelId: fixtures.id("polyglot-continued"), messages, params: { temperature: 0, maxTokens: 20 },
    });
    expect(done.renderedPrompt).toBe(chatml(messages, { open: true }));
    const expected = greedyContinuation(fixtureTable("polyglot-continued"), "Le marché", 20);
    expect(done.text).toBe(bytesToText(expected.ids));
  });
});
