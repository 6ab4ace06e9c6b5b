import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { AddHistoryRequestSchema, HistoryEntrySchema, MAX_HISTORY_ENTRIES, type HistoryEntry } from "../../contract/prompts";
import { useTempDir } from "../../test-support/temp-dir";
import { HistoryStore, type AddHistoryRequest } from "./history-store";

const tmp = useTempDir("prompt-history");
let counter = 0;
const freshFile = () => tmp.join(`ws-${++counter}`, "prompts", "history.jsonl");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A run of one prompt on one model; `text` tells runs apart. */
function run(text: string): AddHistoryRequest {
  return AddHistoryRequestSchema.parse({
    draft: { mode: "completion", text },
    modelIds: ["m1"],
    params: {},
    outputs: [{ modelId: "m1", modelName: "polyglot-base", row: 0, text: `${text} →`, stats: null, error: null }],
  });
}

/** An entry line as the store writes it. */
function line(text: string, index: number): string {
  const entry: HistoryEntry = HistoryEntrySchema.parse({ id: `id-${index}`, at: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(), ...run(text) });
  return JSON.stringify(entry) + "\n";
}

async function writeHistory(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

const texts = (entries: HistoryEntry[]) => entries.map((entry) => entry.draft.text);

describe("HistoryStore", () => {
  it("appends entries with a new id and time and lists them newest first, up to a limit", async () => {
    const store = new HistoryStore(freshFile());
    const first = await store.add(run("Jambo"));
    await store.add(run("Bonjour"));
    await store.add(run("Привет"));
    expect(first.id).toMatch(UUID);
    expect(new Date(first.at).toISOString()).toBe(first.at);
    expect(texts(await store.entries())).toEqual(["Привет", "Bonjour", "Jambo"]);
    expect(texts(await store.entries(2))).toEqual(["Привет", "Bonjour"]);
    const lines = (await readFile(store.file, "utf8")).split("\n");
    expect(lines).toHaveLength(4); // three lines and the final newline
    expect(JSON.parse(lines[0])).toEqual(first);
  });

  it("keeps every one of many runs added at once, each on a line of its own, in the order added", async () => {
    const store = new HistoryStore(freshFile());
    const names = Array.from({ length: 20 }, (_, i) => `run ${i}`);
    // Clearing among them: the adds queued before it are gone, the ones after it kept.
    await Promise.all([...names.slice(0, 5).map((name) => store.add(run(name))), store.clear(), ...names.slice(5).map((name) => store.add(run(name)))]);
    expect(texts(await store.entries())).toEqual(names.slice(5).reverse());
    const lines = (await readFile(store.file, "utf8")).split("\n");
    expect(lines.slice(0, -1).map((text) => HistoryEntrySchema.parse(JSON.parse(text)).draft.text)).toEqual(names.slice(5));
  });

  it("reads what an earlier run of the app wrote (a new store on the same file)", async () => {
    const file = freshFile();
    await new HistoryStore(file).add(run("kwanza"));
    const reopened = new HistoryStore(file);
    await reopened.add(run("pili"));
    expect(texts(await reopened.entries())).toEqual(["pili", "kwanza"]);
  });

  it("ignores a partial last line left by a crash and cuts it off before the next append", async () => {
    const file = freshFile();
    const partial = line("lost", 3).slice(0, 40);
    await writeHistory(file, line("one", 1) + line("two", 2) + partial);
    const store = new HistoryStore(file);
    expect(texts(await store.entries())).toEqual(["two", "one"]);
    await store.add(run("three"));
    const content = await readFile(file, "utf8");
    expect(content.startsWith(line("one", 1) + line("two", 2))).toBe(true);
    expect(content).not.toContain(partial);
    expect(content.split("\n").slice(0, -1).map((text) => HistoryEntrySchema.parse(JSON.parse(text)).draft.text)).toEqual(["one", "two", "three"]);
  });

  it("keeps a whole last entry that lacks only its newline, and adds the newline before the next", async () => {
    const file = freshFile();
    await writeHistory(file, line("one", 1) + line("two", 2).trimEnd());
    const store = new HistoryStore(file);
    expect(texts(await store.entries())).toEqual(["two", "one"]);
    await store.add(run("three"));
    expect(texts(await new HistoryStore(file).entries())).toEqual(["three", "two", "one"]);
    expect((await readFile(file, "utf8")).split("\n")).toHaveLength(4);
  });

  it("skips a malformed line and still reads the rest", async () => {
    const file = freshFile();
    await writeHistory(file, line("one", 1) + "{not json\n" + '{"id":"x"}\n' + "\n" + line("two", 2));
    expect(texts(await new HistoryStore(file).entries())).toEqual(["two", "one"]);
  });

  it(`keeps at most ${MAX_HISTORY_ENTRIES} entries, compacting the file once it holds twice that`, async () => {
    const file = freshFile();
    const full = Array.from({ length: 2 * MAX_HISTORY_ENTRIES }, (_, i) => line(`run ${i}`, i)).join("");
    await writeHistory(file, full);
    const store = new HistoryStore(file);
    const listed = await store.entries();
    expect(listed).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(listed[0].draft.text).toBe(`run ${2 * MAX_HISTORY_ENTRIES - 1}`);
    expect(await readFile(file, "utf8")).toBe(full); // at twice the cap: not yet compacted

    await store.add(run("newest"));
    const lines = (await readFile(file, "utf8")).split("\n").slice(0, -1);
    expect(lines).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(JSON.parse(lines[0]).draft.text).toBe(`run ${MAX_HISTORY_ENTRIES + 1}`);
    expect(JSON.parse(lines.at(-1)!).draft.text).toBe("newest");
    expect(texts((await store.entries(3)))).toEqual(["newest", `run ${2 * MAX_HISTORY_ENTRIES - 1}`, `run ${2 * MAX_HISTORY_ENTRIES - 2}`]);
  });

  it("clears the history", async () => {
    const store = new HistoryStore(freshFile());
    await store.add(run("one"));
    await store.clear();
    expect(await store.entries()).toEqual([]);
    expect(await readFile(store.file, "utf8")).toBe("");
    await store.add(run("two"));
    expect(texts(await store.entries())).toEqual(["two"]);
  });
});
