import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../contract/errors";
import { useTempDir } from "../test-support/temp-dir";
import { Workspace } from "./workspace";

const tmp = useTempDir("workspace");
let count = 0;

async function folderWith(workspaceJson: string): Promise<{ dir: string; file: string }> {
  const dir = tmp.join(`ws-${++count}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, "workspace.json");
  await writeFile(file, workspaceJson);
  return { dir, file };
}

async function openError(dir: string): Promise<AppError> {
  const error = await Workspace.open(dir).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Workspace", () => {
  it("creates an empty workspace in a new folder, and opens it again", async () => {
    const dir = tmp.join("new", "nested");
    const { workspace, created } = await Workspace.open(dir);
    expect(created).toBe(true);
    expect(workspace.dir).toBe(dir);
    expect(workspace.modelPaths()).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, "workspace.json"), "utf8"))).toEqual({ format: "polyglot-workspace", version: 1, models: [] });
    const again = await Workspace.open(dir);
    expect(again.created).toBe(false);
  });

  it("stores paths inside the folder relative to it and others as given, and reads them back absolute", async () => {
    const dir = tmp.join("paths");
    const { workspace } = await Workspace.open(dir);
    const inside = join(dir, "models", "a.gguf");
    const outside = tmp.join("elsewhere", "b.gguf");
    const sibling = `${dir}-sibling/c.gguf`; // shares the folder's name as a prefix, but is outside it
    await workspace.setModelPaths([inside, outside, sibling]);
    const file = JSON.parse(await readFile(join(dir, "workspace.json"), "utf8"));
    expect(file.models).toEqual([{ path: join("models", "a.gguf") }, { path: outside }, { path: sibling }]);
    const { workspace: reopened } = await Workspace.open(dir);
    expect(reopened.modelPaths()).toEqual([inside, outside, sibling]);
  });

  it("moves with its folder: relative model paths follow it", async () => {
    const text = JSON.stringify({ format: "polyglot-workspace", version: 1, models: [{ path: "models/x.gguf" }] });
    const { dir } = await folderWith(text);
    const { workspace } = await Workspace.open(dir);
    expect(workspace.modelPaths()).toEqual([join(dir, "models", "x.gguf")]);
  });

  const malformed = [
    { problem: "is not JSON", text: '{ "format": "polyglot-workspace", "version": 1, "models": [', field: undefined, message: /not valid JSON/ },
    { problem: "has a field of the wrong type", text: '{ "format": "polyglot-workspace", "version": 1, "models": "all of them" }', field: "models", message: /"models"/ },
    { problem: "has a model path of the wrong type", text: '{ "format": "polyglot-workspace", "version": 1, "models": [{ "path": 42 }] }', field: "models.0.path", message: /models\.0\.path/ },
    { problem: "is another app's file", text: '{ "format": "something-else", "version": 1, "models": [] }', field: "format", message: /"format"/ },
    { problem: "was written by a newer version", text: '{ "format": "polyglot-workspace", "version": 2, "models": [] }', field: "version", message: /newer/ },
  ];

  it.each(malformed)("refuses a workspace.json that $problem, naming the file and field, and leaves it as it was", async ({ text, field, message }) => {
    const { dir, file } = await folderWith(text);
    const error = await openError(dir);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.file).toBe(file);
    expect(error.field).toBe(field);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(message);
    expect(await readFile(file, "utf8")).toBe(text);
  });
});

describe("Workspace when workspace.json cannot be read", () => {
  it("reports IO_ERROR naming the file instead of starting over with an empty workspace", async () => {
    const dir = tmp.join("unreadable");
    const file = join(dir, "workspace.json");
    await mkdir(file, { recursive: true }); // a folder where the file should be: reading it fails
    const error = await openError(dir);
    expect(error).toMatchObject({ code: "IO_ERROR", file });
    expect(error.message).toContain(file);
  });
});
