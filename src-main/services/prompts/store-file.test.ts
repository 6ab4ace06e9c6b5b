import { mkdir, rm, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { AppError } from "../../contract/errors";
import { AddHistoryRequestSchema } from "../../contract/prompts";
import { useTempDir } from "../../test-support/temp-dir";
import { expectAppError } from "../eval/tasks/task-test-fixtures";
import { HistoryStore } from "./history-store";
import { readIfPresent, writingTo } from "./store-file";

const tmp = useTempDir("prompt-store-file");

describe("store files", () => {
  it("reads a file not made yet as null, and names a file that cannot be read", async () => {
    expect(await readIfPresent(tmp.join("not-yet.json"))).toBeNull();
    await writeFile(tmp.join("there.json"), "{}");
    expect(await readIfPresent(tmp.join("there.json"))).toBe("{}");
    await mkdir(tmp.join("a-folder.json"));
    await expectAppError(readIfPresent(tmp.join("a-folder.json")), "IO_ERROR", /a-folder\.json cannot be read: EISDIR/, tmp.join("a-folder.json"));
  });

  it("names the file a failed write was for, and lets the app's own errors through", async () => {
    const file = tmp.join("blocked/prompts/library.json");
    await writeFile(tmp.join("blocked"), "a file where a folder should be");
    await expectAppError(writingTo(file, () => mkdir(tmp.join("blocked/prompts"), { recursive: true })), "IO_ERROR", /library\.json cannot be written: /, file);
    const own = new AppError({ code: "NOT_FOUND", message: "This workspace has no such prompt." });
    await expect(writingTo(file, () => Promise.reject(own))).rejects.toBe(own);
  });

  it("fails to add a history entry that cannot be written, naming the history file", async () => {
    const store = new HistoryStore(tmp.join("ws/prompts/history.jsonl"));
    const entry = AddHistoryRequestSchema.parse({ draft: { mode: "completion", text: "Jambo" }, modelIds: [], params: {}, outputs: [] });
    await store.add(entry);
    // The prompts folder replaced by a file: the next append cannot happen.
    await rm(tmp.join("ws/prompts"), { recursive: true });
    await writeFile(tmp.join("ws/prompts"), "");
    await expectAppError(store.add(entry), "IO_ERROR", /history\.jsonl cannot be written: /, store.file);
  });
});
