import { copyFile } from "node:fs/promises";
import type { LlamaModel } from "node-llama-cpp";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../contract/errors";
import { writeFixtureTokenizers } from "../../fixtures/fixture-tokenizers";
import { useTempDir } from "../../test-support/temp-dir";
import type { ModelsService } from "../models/models-service";
import { TokenizerPool } from "./tokenizer-pool";

const tmp = useTempDir("tokenizer-pool");
let spm = "";
let bpe = "";
let spmCopy = "";
/** withFile needs no workspace. */
const noModels = {} as ModelsService;
let pool: TokenizerPool;

beforeAll(async () => {
  [spm, bpe] = await writeFixtureTokenizers(tmp.join("tokenizers"));
  spmCopy = tmp.join("tokenizers/spm-copy.gguf");
  await copyFile(spm, spmCopy);
});

afterEach(async () => {
  await pool?.dispose();
});

describe("TokenizerPool", () => {
  it("reuses a file's vocab-only model", async () => {
    pool = new TokenizerPool(noModels, 2);
    const first = await pool.withFile(spm, (model) => model);
    const second = await pool.withFile(spm, (model) => model);
    expect(second).toBe(first);
    expect(first.disposed).toBe(false);
  });

  it("keeps only the most recently used unused models, disposing the oldest", async () => {
    pool = new TokenizerPool(noModels, 1);
    const first = await pool.withFile(spm, (model) => model);
    const second = await pool.withFile(bpe, (model) => model);
    expect(first.disposed).toBe(true);
    expect(second.disposed).toBe(false);
  });

  it("never disposes a model while a caller is using it, however many others are asked for meanwhile", async () => {
    pool = new TokenizerPool(noModels, 1);
    const others: LlamaModel[] = [];
    let inUse: LlamaModel | null = null;
    const ids = await pool.withFile(spm, async (model) => {
      inUse = model;
      others.push(await pool.withFile(bpe, (other) => other));
      others.push(await pool.withFile(spmCopy, (other) => other));
      expect(model.disposed).toBe(false);
      return model.tokenize("Habari");
    });
    expect(ids.length).toBeGreaterThan(0);
    // Over the limit while spm was in use, each other model went as soon as its caller was done.
    expect(others.map((model) => model.disposed)).toEqual([true, true]);
    expect(await pool.withFile(spm, (model) => model)).toBe(inUse);
  });

  it("forgets a file that cannot be read, so the next call tries again", async () => {
    pool = new TokenizerPool(noModels, 2);
    const missing = tmp.join("later.gguf");
    const error = await pool.withFile(missing, () => null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", file: missing });
    await copyFile(bpe, missing);
    expect(await pool.withFile(missing, (model) => model.vocabularyType)).toBe("bpe");
  });

  it("gives a loaded model itself, and a vocab-only copy of one that is not loaded", async () => {
    const loaded = { disposed: false } as LlamaModel;
    const models = {
      get: (id: string) => ({ id, path: spm, status: id === "loaded" ? "loaded" : "unloaded" }),
      getLoaded: () => ({ model: loaded }),
    } as unknown as ModelsService;
    pool = new TokenizerPool(models, 2);
    expect(await pool.withModel("loaded", (model) => model)).toBe(loaded);
    expect(await pool.withModel("unloaded", (model) => model.vocabularyType)).toBe("spm");
  });
});
