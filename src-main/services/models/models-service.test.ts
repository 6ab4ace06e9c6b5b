import { copyFile, mkdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../contract/errors";
import type { ModelInfo } from "../../contract/models";
import { backendOf, getLlamaRuntime } from "../../llama/llama-runtime";
import { Workspace } from "../../workspace/workspace";
import { bytesToText, fixtureTable, greedyContinuation } from "../../test-support/bigram-oracle";
import {
  writeCopyWithRenamedTensor, writeFixtures, writeTruncatedCopy, type FixturePaths,
} from "../../test-support/fixture-files";
import { sha256OfFile } from "../../test-support/sha256";
import { useTempDir } from "../../test-support/temp-dir";
import { nextSnapshot, runToEnd, startServices, type TestServices } from "../../test-support/test-services";
import { writeFixtureTokenizers } from "../../fixtures/fixture-tokenizers";
import { modelId } from "./models-service";

const tmp = useTempDir("models-service");
let fixtures: FixturePaths;
let fixtureSize: number;
beforeAll(async () => {
  fixtures = await writeFixtures(tmp.join("fixtures"));
  fixtureSize = (await stat(fixtures.base)).size;
});

/** Services on a fresh workspace folder; disposed after each test. */
let open: TestServices[] = [];
let workspaceCount = 0;
async function freshServices(dir = tmp.join(`workspace-${++workspaceCount}`)): Promise<TestServices> {
  const services = await startServices(dir);
  open.push(services);
  return services;
}
afterEach(async () => {
  for (const services of open) await services.dispose();
  open = [];
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const hashed = (id: string) => (models: ModelInfo[]) => models.some((model) => model.id === id && model.sha256 !== null);

describe("adding models", () => {
  it("adds a file with its GGUF metadata and a memory estimate for this machine", async () => {
    const services = await freshServices();
    const { added, skipped } = await services.models.add([fixtures.base]);
    expect(skipped).toEqual([]);
    expect(added).toHaveLength(1);
    const model = added[0];
    expect(model).toMatchObject({
      id: modelId(fixtures.base), path: fixtures.base, fileName: "polyglot-base.gguf", sizeBytes: fixtureSize,
      status: "unloaded", error: null, contextSize: null,
    });
    expect(model.metadata).toMatchObject({ name: "polyglot-base", architecture: "llama", vocabularySize: 260 });
    const llama = await getLlamaRuntime();
    expect(llama.gpu).toBe(false); // this machine has no GPU: everything runs on the CPU
    expect(model.memory).toMatchObject({ backend: backendOf(llama), gpuLayers: 0, contextSize: 2048, fits: true });
    expect(model.memory!.totalRamBytes).toBe(model.memory!.modelRamBytes + model.memory!.contextRamBytes);
    // F32 weights: the weights alone take about the file's size
    expect(model.memory!.modelRamBytes).toBeGreaterThan(fixtureSize / 2);
    expect(services.models.list().map((m) => m.id)).toEqual([model.id]);
    expect(services.models.get(model.id).path).toBe(fixtures.base);
  });

  it("adds every .gguf below a folder in sorted order, and skips models already there", async () => {
    const folder = tmp.join("folder");
    await mkdir(join(folder, "sub"), { recursive: true });
    await copyFile(fixtures.base, join(folder, "b.gguf"));
    await copyFile(fixtures.continued, join(folder, "a.gguf"));
    await copyFile(fixtures.base, join(folder, "sub", "c.GGUF"));
    await writeFile(join(folder, "notes.txt"), "not a model");
    const services = await freshServices();

    const first = await services.models.add([folder]);
    const expected = [join(folder, "a.gguf"), join(folder, "b.gguf"), join(folder, "sub", "c.GGUF")];
    expect(first.added.map((m) => m.path)).toEqual(expected);
    expect(first.added.map((m) => m.metadata?.name)).toEqual(["polyglot-continued", "polyglot-base", "polyglot-base"]);
    expect(first.skipped).toEqual([]);

    const again = await services.models.add([join(folder, "b.gguf"), folder]);
    expect(again.added).toEqual([]);
    expect(again.skipped).toEqual([join(folder, "b.gguf"), ...expected]);
    expect(services.models.list()).toHaveLength(3);
  });

  it("refuses a path that does not exist, or a folder with no models, with NOT_FOUND naming it", async () => {
    const services = await freshServices();
    const missing = tmp.join("nowhere", "model.gguf");
    const error = await caught(services.models.add([fixtures.base, missing]));
    expect(error).toMatchObject({ code: "NOT_FOUND", file: missing, field: "paths" });
    expect(error.message).toContain(missing);
    const empty = tmp.join("empty-folder");
    await mkdir(empty, { recursive: true });
    expect(await caught(services.models.add([empty]))).toMatchObject({ code: "NOT_FOUND", file: empty });
    expect(services.models.list()).toEqual([]);
  });

  it("removes a model from the list and the workspace file", async () => {
    const services = await freshServices();
    const { added } = await services.models.add([fixtures.base, fixtures.continued]);
    await services.models.remove(added[0].id);
    expect(services.models.list().map((m) => m.path)).toEqual([fixtures.continued]);
    const file = JSON.parse(await readFile(join(services.workspace.dir, "workspace.json"), "utf8"));
    expect(file.models).toEqual([{ path: fixtures.continued }]);
    expect(await caught(services.models.load(added[0].id))).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });
});

describe("hashing", () => {
  it("computes the sha256 in the background, as node:crypto does, and caches it by path, size and mtime", async () => {
    const path = tmp.join("hashing", "model.gguf");
    await mkdir(tmp.join("hashing"), { recursive: true });
    await copyFile(fixtures.continued, path);
    const workspaceDir = tmp.join("hashing", "workspace");
    const expected = await sha256OfFile(path);

    const first = await freshServices(workspaceDir);
    const hashedSnapshot = nextSnapshot(first.bus, hashed(modelId(path)));
    const [model] = (await first.models.add([path])).added;
    const arrived = (await hashedSnapshot).find((m) => m.id === model.id)!;
    expect(arrived).toMatchObject({ sha256: expected, hashProgress: 1 });
    expect(await first.models.hashOf(model.id)).toBe(expected);

    const cacheFile = join(workspaceDir, ".polyglot", "hashes.json");
    const cache = JSON.parse(await readFile(cacheFile, "utf8"));
    const { size, mtimeMs } = await stat(path);
    expect(cache[path]).toEqual({ size, mtimeMs, sha256: expected });

    // Evidence that a second service does not re-read the file: it reports what the cache says,
    // even a value no hash of the file could give.
    const marker = "f".repeat(64);
    await writeFile(cacheFile, JSON.stringify({ ...cache, [path]: { ...cache[path], sha256: marker } }));
    await first.dispose();
    const second = await freshServices(workspaceDir);
    const fromCache = (second.models.list()[0].sha256 === null
      ? (await nextSnapshot(second.bus, hashed(model.id))).find((m) => m.id === model.id)!
      : second.models.list()[0]);
    expect(fromCache).toMatchObject({ sha256: marker, hashProgress: 1 });
    await second.dispose();

    // The same size with a new mtime is a changed file: hashed again (the marker goes away).
    const later = new Date(mtimeMs + 60_000);
    await utimes(path, later, later);
    const third = await freshServices(workspaceDir);
    expect(await third.models.hashOf(model.id)).toBe(expected);
    await third.dispose();

    // New content of another size: the new hash.
    await copyFile(fixtures.base, path);
    const fourth = await freshServices(workspaceDir);
    expect(await fourth.models.hashOf(model.id)).toBe(await sha256OfFile(fixtures.base));
    expect(await fourth.models.hashOf(model.id)).not.toBe(expected);
  });
});

describe("loading", () => {
  it("loads with the default context, reloads with another, unloads; snapshots follow each step", async () => {
    const services = await freshServices();
    const { added: [model] } = await services.models.add([fixtures.continued]);
    expect(services.snapshots.at(-1)?.map((m) => m.id)).toEqual([model.id]);

    const loadedSnapshot = nextSnapshot(services.bus, (models) => models[0]?.status === "loaded");
    const loaded = await services.models.load(model.id);
    expect(loaded).toMatchObject({ status: "loaded", contextSize: 2048, error: null });
    expect((await loadedSnapshot)[0]).toMatchObject({ status: "loaded", contextSize: 2048 });
    expect(services.models.getLoaded(model.id).context.contextSize).toBe(2048);
    expect(await services.models.load(model.id)).toMatchObject({ status: "loaded", contextSize: 2048 });

    const smaller = await services.models.load(model.id, 256);
    expect(smaller).toMatchObject({ status: "loaded", contextSize: 256 });
    expect(services.models.getLoaded(model.id).context.contextSize).toBe(256);

    // llama.cpp rounds small sizes up: the model shows the size it really has, and asking for the
    // same size again keeps the loaded context.
    const tiny = await services.models.load(model.id, 64);
    const context = services.models.getLoaded(model.id).context;
    expect(tiny.contextSize).toBe(context.contextSize);
    expect(tiny.contextSize).toBeGreaterThanOrEqual(64);
    await services.models.load(model.id, 64);
    expect(services.models.getLoaded(model.id).context).toBe(context);

    const unloadedSnapshot = nextSnapshot(services.bus, (models) => models[0]?.status === "unloaded");
    expect(await services.models.unload(model.id)).toMatchObject({ status: "unloaded", contextSize: null });
    expect((await unloadedSnapshot)[0].contextSize).toBeNull();
    const error = (() => { try { services.models.getLoaded(model.id); } catch (e) { return e; } })();
    expect(error).toMatchObject({ code: "MODEL_NOT_LOADED", file: fixtures.continued });
  });

  it("reports load progress, and an unload while loading cancels the load", async () => {
    const services = await freshServices();
    const { added: [model] } = await services.models.add([fixtures.continued]);
    expect((await services.models.load(model.id)).loadProgress).toBe(1);
    await services.models.unload(model.id);

    const loading = services.models.load(model.id);
    expect(services.models.get(model.id).status).toBe("loading");
    expect(await services.models.unload(model.id)).toMatchObject({ status: "unloaded", loadProgress: 0, error: null });
    await expect(loading).rejects.toMatchObject({ code: "CANCELLED", file: fixtures.continued });
    // Nothing is left half-loaded: the next load works.
    expect(await services.models.load(model.id)).toMatchObject({ status: "loaded", loadProgress: 1 });
  });

  it("shows a broken file's error inline while the models beside it still load and generate", async () => {
    const folder = tmp.join("mixed");
    await mkdir(folder, { recursive: true });
    await copyFile(fixtures.base, join(folder, "a-base.gguf"));
    await writeTruncatedCopy(fixtures.base, join(folder, "b-interrupted.gguf"), Math.floor(fixtureSize * 0.6));
    await writeCopyWithRenamedTensor(fixtures.base, join(folder, "c-missing-tensor.gguf"), "output_norm.weight");
    await copyFile(fixtures.continued, join(folder, "d-continued.gguf"));
    const services = await freshServices();
    const { added } = await services.models.add([folder]);
    const [base, truncated, missingTensor, continued] = added;

    expect(truncated).toMatchObject({ status: "error", metadata: null, error: { code: "TRUNCATED_GGUF", file: truncated.path } });
    expect(truncated.error!.message).toContain(truncated.path);
    expect(await caught(services.models.load(truncated.id))).toMatchObject({ code: "TRUNCATED_GGUF", file: truncated.path });

    // Its header is fine, so the problem shows only when llama.cpp loads it.
    expect(missingTensor).toMatchObject({ status: "unloaded", error: null });
    const loadError = await caught(services.models.load(missingTensor.id));
    expect(loadError).toMatchObject({ code: "CORRUPT_GGUF", file: missingTensor.path });
    expect(loadError.message).toContain(missingTensor.path);
    expect(services.models.get(missingTensor.id)).toMatchObject({ status: "error", error: { code: "CORRUPT_GGUF" } });

    for (const [model, name] of [[base, "polyglot-base"], [continued, "polyglot-continued"]] as const) {
      expect(await services.models.load(model.id)).toMatchObject({ status: "loaded" });
      const prompt = "The river";
      const { done } = await runToEnd(services, { mode: "completion", modelId: model.id, prompt, params: { temperature: 0, maxTokens: 12 } });
      expect(done.error).toBeNull();
      expect(done.text).toBe(bytesToText(greedyContinuation(fixtureTable(name), prompt, 12).ids));
    }
    expect(services.models.list().map((m) => m.status)).toEqual(["loaded", "error", "error", "loaded"]);
  });
});

describe("tokenizer-only files", () => {
  it("lists a GGUF with a vocabulary and no tensors, and refuses to load it for generation", async () => {
    const [spm] = await writeFixtureTokenizers(tmp.join("tokenizers"));
    const services = await freshServices();
    const { added: [model] } = await services.models.add([spm]);
    expect(model).toMatchObject({ error: null, metadata: { name: "fixture-spm-tokenizer", tokenizerModel: "llama", tensorCount: 0 } });
    const error = await caught(services.models.load(model.id));
    expect(error).toMatchObject({ code: "UNSUPPORTED_MODEL", file: spm });
    expect(error.message).toBe("fixture-spm-tokenizer.gguf is a tokenizer only (no weights): use it in the Tokenization lab.");
    expect(services.models.get(model.id).status).toBe("unloaded");
  });
});

describe("the workspace file", () => {
  it("lists models relative to the workspace when inside it, and survives a reopen", async () => {
    const workspaceDir = tmp.join("persisted");
    const inside = join(workspaceDir, "models", "mine.gguf");
    await mkdir(join(workspaceDir, "models"), { recursive: true });
    await copyFile(fixtures.continued, inside);
    const services = await freshServices(workspaceDir);
    await services.models.add([inside, fixtures.base]);
    const file = JSON.parse(await readFile(join(workspaceDir, "workspace.json"), "utf8"));
    expect(file.models).toEqual([{ path: join("models", "mine.gguf") }, { path: fixtures.base }]);
    expect(relative(workspaceDir, fixtures.base).startsWith("..")).toBe(true);
    const before = services.models.list();
    await services.dispose();

    const { workspace, created } = await Workspace.open(workspaceDir);
    expect(created).toBe(false);
    expect(workspace.modelPaths()).toEqual([inside, fixtures.base]);
    const reopened = await freshServices(workspaceDir);
    const after = reopened.models.list();
    expect(after.map((m) => [m.id, m.path, m.status, m.metadata?.name])).toEqual(before.map((m) => [m.id, m.path, "unloaded", m.metadata?.name]));
  });
});
