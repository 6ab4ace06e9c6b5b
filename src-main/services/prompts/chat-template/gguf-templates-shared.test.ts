/**
 * The template checks on real chat templates from real GGUF files in ../shared/tokenizers (see
 * ../shared/README.md): Qwen2, Gemma, Phi-3 and Command-R (its default, tool-use and RAG
 * templates). Each must pass the checks and render a chat; each, broken in a known place, must be
 * reported at that place. Runs wherever ../shared exists; on a bare clone it says it did not run.
 * The templates are read from the files, never copied into the project.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { beforeAll, describe, expect, it } from "vitest";
import { findTemplateSyntaxError } from "./check-template";
import { customChatWrapper } from "./custom-chat-wrapper";

const TOKENIZERS = resolve(__dirname, "../../../../../shared/tokenizers");
const FILES = ["qwen2", "gemma-4", "phi-3", "command-r"].map((name) => resolve(TOKENIZERS, `ggml-vocab-${name}.gguf`));
const present = FILES.every((file) => existsSync(file));
if (!present) console.warn(`Shared-tier chat template test not run: ${TOKENIZERS} does not hold the tokenizer GGUFs on this machine.`);

/** Every Jinja chat template in a GGUF's metadata (`tokenizer.chat_template`, `tokenizer.chat_template.rag`, …). */
async function chatTemplates(file: string): Promise<Array<[string, string]>> {
  const info = await readGgufFileInfo(file, { readTensorInfo: false });
  const found: Array<[string, string]> = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string" && key.startsWith("chat_template") && value.includes("{%")) found.push([key, value]);
    else if (typeof value === "object" && value !== null) for (const [name, item] of Object.entries(value)) walk(item, key ? `${key}.${name}` : name);
  };
  walk(info.metadata.tokenizer, "");
  return found;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

describe.runIf(present)("chat templates from real GGUF files (../shared)", () => {
  /** [file, metadata key, template]: reading a GGUF's metadata takes a while (Gemma's 262k-token vocabulary), so once. */
  let templates: Array<[string, string, string]> = [];
  beforeAll(async () => {
    templates = (await Promise.all(FILES.map(async (file) => (await chatTemplates(file)).map(([key, template]) => [file, key, template] as [string, string, string])))).flat();
  });

  it("accepts each, and renders a chat through each default template, message text kept as plain text", async () => {
    expect(templates.map(([, key]) => key).sort()).toEqual([
      "chat_template", "chat_template", "chat_template", "chat_template", "chat_template.rag", "chat_template.tool_use",
    ]);
    for (const [file, key, template] of templates) {
      expect(findTemplateSyntaxError(template), `${file} ${key}`).toBeNull();
      // Command-R's tool-use and RAG templates also need `tools` and `documents`, which a chat does not give.
      if (key !== "chat_template") continue;
      const { contextText } = customChatWrapper(template).generateContextState({
        chatHistory: [{ type: "user", text: "Habari ya asubuhi?" }, { type: "model", response: [] }],
      });
      expect(contextText.values, `${file} ${key}`).toContain("Habari ya asubuhi?");
    }
  });

  it("reports each template's last block left open at the tag that opens it", async () => {
    for (const [file, key, template] of templates) {
      const last = [...template.matchAll(/\{%-?\s*end(if|for)\s*-?%\}/g)].at(-1)!;
      const broken = template.slice(0, last.index) + template.slice(last.index + last[0].length);
      const error = findTemplateSyntaxError(broken);
      expect(error?.message, `${file} ${key}`).toBe(`\`{% ${last[1]} %}\` is never closed: \`{% end${last[1]} %}\` is missing.`);
      const lineStart = broken.split("\n").slice(0, error!.line! - 1).join("\n").length + (error!.line! > 1 ? 1 : 0);
      expect(broken.slice(lineStart + error!.column! - 1)).toMatch(new RegExp(`^\\{%-?\\s*${last[1]}\\b`));
    }
  });

  it("reports an expression tag whose `}}` was deleted on the line where it starts", async () => {
    for (const [file, key, template] of templates) {
      const close = template.lastIndexOf("}}");
      const open = template.lastIndexOf("{{", close);
      const broken = template.slice(0, close) + template.slice(close + 2);
      expect(findTemplateSyntaxError(broken), `${file} ${key}`).toMatchObject({ line: lineOf(template, open) });
    }
  });
});
