/**
 * The prompts.* procedures end to end: a real workbench on a demo workspace (its fixture models
 * unloaded), called through its RpcServer with the contract's validation, results checked against
 * the contract's output schemas.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { procedures, type CallContext, type Method } from "../../contract/api";
import { SPECIAL_TOKENS } from "../../fixtures/byte-vocabulary";
import { startWorkbench, type Workbench } from "../../app/workbench";
import { idOf } from "../../test-support/test-workbench";
import { useTempDir } from "../../test-support/temp-dir";
import { expectAppError } from "../eval/tasks/task-test-fixtures";
import { QWEN_2 } from "./chat-template/real-templates.fixture";

const tmp = useTempDir("prompts-service");
const context: CallContext = { connectionId: "test", readOnly: false };
let workbench: Workbench;

const start = () => startWorkbench({ workspaceDir: tmp.join("workspace"), mode: "server", hashModels: false });
/** Calls a procedure as a client would, and checks its answer against the contract's output schema. */
async function call<M extends Method>(method: M, params: unknown) {
  const result = await workbench.rpc.invoke(method, params, context);
  expect(procedures[method].output.safeParse(result).success).toBe(true);
  return result;
}

/** Fixture tokens of a rendered prompt: one per special token, one per byte of everything else. */
function fixtureTokenCount(text: string): number {
  let rest = text;
  let specials = 0;
  for (const special of SPECIAL_TOKENS) {
    specials += rest.split(special).length - 1;
    rest = rest.split(special).join("");
  }
  return specials + Buffer.byteLength(rest);
}

beforeAll(async () => {
  workbench = await start();
});
afterAll(async () => {
  await workbench.dispose();
});

describe("prompts.* through the workbench", () => {
  it("saves a prompt and a preset and lists them in the library", async () => {
    const saved = await call("prompts.save", { mode: "completion", text: "Translate into {{lang}}: {{text}}", name: "Translate", variables: [{ lang: "Swahili", text: "Good morning" }] });
    await call("prompts.savePreset", { name: "Short", params: { temperature: 0.2, maxTokens: 32 } });
    const library = await call("prompts.library", {});
    expect(library.prompts).toEqual([saved]);
    expect(library.prompts[0].variables).toEqual([{ lang: "Swahili", text: "Good morning" }]);
    expect(library.presets.map((preset) => [preset.name, preset.builtIn])).toEqual([["Greedy", true], ["Balanced", true], ["Creative", true], ["Short", false]]);
    expect(library.presets[3].params).toMatchObject({ temperature: 0.2, maxTokens: 32, topK: 40 });
    await expectAppError(workbench.rpc.invoke("prompts.deletePreset", { name: "Greedy" }, context), "INVALID_INPUT", /built-in preset/);
  });

  it("keeps the history across a restart of the app, newest first, and clears it", async () => {
    const outputs = [{ modelId: "m", modelName: "polyglot-base", row: 0, text: "…", stats: null, error: null }];
    const first = await call("prompts.addHistory", { draft: { mode: "completion", text: "Jambo" }, modelIds: ["m"], params: {}, outputs });
    await call("prompts.addHistory", { draft: { mode: "completion", text: "Salut" }, modelIds: ["m"], params: { temperature: 0 }, outputs });
    await workbench.dispose();
    workbench = await start();
    const history = await call("prompts.history", {});
    expect(history.map((entry) => entry.draft.text)).toEqual(["Salut", "Jambo"]);
    expect(history[1]).toEqual(first);
    expect((await call("prompts.library", {})).prompts.map((prompt) => prompt.name)).toEqual(["Translate"]);
    await call("prompts.clearHistory", {});
    expect(await call("prompts.history", { limit: 5 })).toEqual([]);
  });

  it("reads dataset rows from a path relative to the workspace", async () => {
    await writeFile(join(workbench.workspaceDir, "rows.tsv"), "lang\ttext\nswh_Latn\tHabari\nfra_Latn\tBonjour\n");
    expect(await call("prompts.datasetRows", { path: "rows.tsv", offset: 1 })).toEqual({
      file: join(workbench.workspaceDir, "rows.tsv"), columns: ["lang", "text"], rows: [{ lang: "fra_Latn", text: "Bonjour" }], total: 2,
    });
  });
});

describe("prompts.preview", () => {
  const continued = () => idOf(workbench, "polyglot-continued");

  it("previews an unloaded model's own ChatML template with its tokenizer loaded vocab-only, marking only special tokens", async () => {
    const preview = await call("prompts.preview", { modelId: continued(), mode: "chat", messages: [{ role: "user", content: "Bonjour" }] });
    expect(preview).toEqual({
      text: "<s><|im_start|>user\nBonjour<|im_end|>\n<|im_start|>assistant\n",
      specialRanges: [[0, 3], [3, 15], [27, 37], [38, 50]],
      tokenCount: 1 + 1 + 5 + 7 + 1 + 1 + 1 + 10,
      templateName: "model's own: ChatML",
      templateError: null,
    });
    expect(workbench.models.get(continued()).status).not.toBe("loaded");
  });

  it("previews completion text with the BOS the model adds", async () => {
    expect(await call("prompts.preview", { modelId: continued(), mode: "completion", text: "Le marché" })).toEqual({
      text: "<s>Le marché", specialRanges: [[0, 3]], tokenCount: 1 + 10, templateName: "raw text", templateError: null,
    });
  });

  it("shows a chosen template's markers as plain text when the vocabulary has no such special tokens", async () => {
    const preview = await call("prompts.preview", { modelId: continued(), mode: "chat", chatTemplate: "llama3", messages: [{ role: "user", content: "Hi" }] });
    expect(preview.templateName).toBe("Llama 3");
    expect(preview.text).toBe("<s><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    expect(preview.specialRanges).toEqual([[0, 3]]);
    expect(preview.tokenCount).toBe(1 + Buffer.byteLength(preview.text.slice(3)));
  });

  it("previews a custom Jinja template (Qwen2's), which adds its default system message", async () => {
    const preview = await call("prompts.preview", {
      modelId: continued(), mode: "chat", chatTemplate: "gemma", customTemplate: QWEN_2, messages: [{ role: "user", content: "Jambo" }],
    });
    const text = "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nJambo<|im_end|>\n<|im_start|>assistant\n";
    expect(preview).toMatchObject({ text, templateName: "custom Jinja", templateError: null, tokenCount: fixtureTokenCount(text) });
    expect(preview.specialRanges.map(([start, end]) => text.slice(start, end))).toEqual([
      "<|im_start|>", "<|im_end|>", "<|im_start|>", "<|im_end|>", "<|im_start|>",
    ]);
  });

  it("returns a custom template's error with its line instead of failing", async () => {
    const template = "{% for message in messages %}\n{{ message['content'] }}\n{% if loop.last %}\n{% endfor %}";
    expect(await call("prompts.preview", { modelId: continued(), mode: "chat", customTemplate: template, messages: [{ role: "user", content: "Hi" }] })).toEqual({
      text: "", specialRanges: [], tokenCount: 0, templateName: "custom Jinja",
      templateError: { line: 3, column: 1, message: "`{% if %}` is not closed: `{% endfor %}` comes before its `{% endif %}`." },
    });
  });

  it("ignores an empty custom template, and fails for a model the workspace does not have", async () => {
    const preview = await call("prompts.preview", { modelId: continued(), mode: "chat", customTemplate: "", messages: [{ role: "user", content: "Hi" }] });
    expect(preview.templateName).toBe("model's own: ChatML");
    await expectAppError(workbench.rpc.invoke("prompts.preview", { modelId: "nope", mode: "completion", text: "x" }, context), "NOT_FOUND", /nope/);
  });
});
