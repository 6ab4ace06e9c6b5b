import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { SamplingParamsSchema } from "../../contract/generation";
import { SavePromptRequestSchema, type PromptDraftInput } from "../../contract/prompts";
import { useTempDir } from "../../test-support/temp-dir";
import { expectAppError } from "../eval/tasks/task-test-fixtures";
import { PromptLibraryStore } from "./prompt-library-store";

const tmp = useTempDir("prompt-library");
let counter = 0;
/** A store on a fresh library file. */
const freshStore = () => new PromptLibraryStore(tmp.join(`ws-${++counter}`, "prompts", "library.json"));
const request = (input: PromptDraftInput & { name: string; id?: string; tags?: string[] }) => SavePromptRequestSchema.parse(input);
const defaults = SamplingParamsSchema.parse({});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("PromptLibraryStore", () => {
  it("starts empty with the built-in presets first, without writing a file", async () => {
    const store = freshStore();
    const library = await store.library();
    expect(library.prompts).toEqual([]);
    expect(library.presets.map((preset) => [preset.name, preset.builtIn])).toEqual([["Greedy", true], ["Balanced", true], ["Creative", true]]);
    expect(library.presets[0].params).toEqual({ ...defaults, temperature: 0 });
    expect(library.presets[1].params).toEqual({ ...defaults, temperature: 0.8, topK: 40, topP: 0.95, minP: 0.05 });
    expect(library.presets[2].params).toEqual({ ...defaults, temperature: 1, topK: 0, topP: 0.95, minP: 0.05, repeatPenalty: 1 });
    await expect(readFile(store.file)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("saves a prompt with a new id and time, overwrites it by id in place, and writes keys in a stable order", async () => {
    const store = freshStore();
    const before = Date.now();
    const first = await store.savePrompt(request({ mode: "completion", text: "Translate to {{lang}}: {{text}}", name: "Translate", tags: ["mt"] }));
    expect(first.id).toMatch(UUID);
    expect(Date.parse(first.updatedAt)).toBeGreaterThanOrEqual(before - 1);
    const other = await store.savePrompt(request({ mode: "chat", messages: [{ role: "user", content: "Habari?" }], name: "Swahili chat" }));
    const changed = await store.savePrompt(request({ mode: "completion", text: "Tafsiri: {{text}}", name: "Translate (sw)", id: first.id }));
    expect(changed.id).toBe(first.id);

    const library = await store.library();
    expect(library.prompts.map((prompt) => [prompt.id, prompt.name, prompt.text])).toEqual([
      [first.id, "Translate (sw)", "Tafsiri: {{text}}"], [other.id, "Swahili chat", ""],
    ]);
    const file = JSON.parse(await readFile(store.file, "utf8"));
    expect(Object.keys(file)).toEqual(["format", "version", "prompts", "presets"]);
    expect(file).toMatchObject({ format: "polyglot-prompt-library", version: 1, presets: [] });
    expect(Object.keys(file.prompts[0])).toEqual(["mode", "text", "messages", "chatTemplate", "customTemplate", "variables", "id", "name", "tags", "updatedAt"]);
    expect(file.prompts[1].messages).toEqual([{ role: "user", content: "Habari?" }]);
  });

  it("refuses to overwrite or delete a prompt that does not exist (NOT_FOUND), leaving the file as it was", async () => {
    const store = freshStore();
    await store.savePrompt(request({ mode: "completion", text: "a", name: "A" }));
    const bytes = await readFile(store.file, "utf8");
    await expectAppError(store.savePrompt(request({ mode: "completion", name: "B", id: "no-such-id" })), "NOT_FOUND", /no prompt with id no-such-id/);
    await expectAppError(store.deletePrompt("no-such-id"), "NOT_FOUND", /no prompt with id no-such-id/);
    expect(await readFile(store.file, "utf8")).toBe(bytes);
  });

  it("deletes a prompt", async () => {
    const store = freshStore();
    const a = await store.savePrompt(request({ mode: "completion", name: "A" }));
    const b = await store.savePrompt(request({ mode: "completion", name: "B" }));
    await store.deletePrompt(a.id);
    expect((await store.library()).prompts.map((prompt) => prompt.id)).toEqual([b.id]);
  });

  it("keeps every one of many saves made at once", async () => {
    const store = freshStore();
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.savePrompt(request({ mode: "completion", name: `P${i}` }))));
    expect((await store.library()).prompts.map((prompt) => prompt.name).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `P${i}`).sort());
  });

  it("adds workspace presets after the built-ins, replaces one saved under the same name (any case), and deletes it", async () => {
    const store = freshStore();
    const saved = await store.savePreset({ name: "Swahili MT", params: { ...defaults, temperature: 0.3 } });
    expect(saved.map((preset) => preset.name)).toEqual(["Greedy", "Balanced", "Creative", "Swahili MT"]);
    expect(saved[3]).toEqual({ name: "Swahili MT", params: { ...defaults, temperature: 0.3 }, builtIn: false });
    const replaced = await store.savePreset({ name: "swahili mt", params: { ...defaults, temperature: 0.5 } });
    expect(replaced.slice(3)).toEqual([{ name: "swahili mt", params: { ...defaults, temperature: 0.5 }, builtIn: false }]);
    expect((await store.library()).presets).toEqual(replaced);
    expect(JSON.parse(await readFile(store.file, "utf8")).presets).toEqual([{ name: "swahili mt", params: { ...defaults, temperature: 0.5 } }]);
    expect((await store.deletePreset("SWAHILI MT")).map((preset) => preset.name)).toEqual(["Greedy", "Balanced", "Creative"]);
    await expectAppError(store.deletePreset("Swahili MT"), "NOT_FOUND", /no preset named "Swahili MT"/);
  });

  it("refuses to overwrite or delete a built-in preset (INVALID_INPUT), whatever the case", async () => {
    const store = freshStore();
    await expectAppError(store.savePreset({ name: "greedy", params: { ...defaults, temperature: 0.9 } }), "INVALID_INPUT", /"Greedy" is a built-in preset and cannot be overwritten/);
    await expectAppError(store.deletePreset("Balanced"), "INVALID_INPUT", /"Balanced" is a built-in preset and cannot be deleted/);
    expect((await store.library()).presets[0].params.temperature).toBe(0);
  });

  it("refuses a malformed or newer library file with the file named, and never overwrites it", async () => {
    const cases: Array<[string, RegExp]> = [
      ['{"format":"polyglot-prompt-library","version":1,"prompts":[', /library\.json is not valid JSON .* It was left untouched/],
      ['{"format":"polyglot-prompt-library","version":7,"prompts":[],"presets":[]}', /library\.json was written by a newer Polyglot Workbench \(prompt library version 7; this one reads 1\)/],
      ['{"format":"polyglot-prompt-library","version":1,"prompts":[{"id":"x"}],"presets":[]}', /library\.json: field "prompts\.0\.mode"/],
      ['{"format":"something-else","version":1}', /library\.json is not a prompt library file/],
    ];
    for (const [content, message] of cases) {
      const store = freshStore();
      await mkdir(dirname(store.file), { recursive: true });
      await writeFile(store.file, content);
      await expectAppError(store.library(), "INVALID_INPUT", message, store.file);
      await expectAppError(store.savePrompt(request({ mode: "completion", name: "A" })), "INVALID_INPUT", message);
      await expectAppError(store.savePreset({ name: "Mine", params: defaults }), "INVALID_INPUT", message);
      expect(await readFile(store.file, "utf8")).toBe(content);
    }
  });
});
