/** Model files the benchmarks share: the fixture checkpoints in a realistic shape, stories260K. */
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { projectRoot } from "../app/paths";
import type { BigramModelSpec, ModelShape } from "../fixtures/bigram-model";
import { writeFixtureModel } from "../fixtures/fixture-checkpoints";

/** A fixture checkpoint in this shape has ~103M parameters: per-token compute like a small real model on CPU. */
export const MEDIUM_SHAPE: ModelShape = { embeddingLength: 1024, blockCount: 8, feedForwardLength: 2816 };

/** Where model files that are slow to write are kept between benchmark runs. */
export const BENCH_MODELS_DIR = join(os.tmpdir(), "polyglot-bench-models");

/** `../shared/models/stories260K.gguf` when it exists; otherwise says it is skipped and returns null. */
export function findStoriesModel(): string | null {
  const path = resolve(projectRoot(), "../shared/models/stories260K.gguf");
  if (existsSync(path)) return path;
  console.log(`(stories260K not measured: ${path} is missing)`);
  return null;
}

/**
 * `<BENCH_MODELS_DIR>/<fileName>`, made by `make(dir)` (which writes `<dir>/<fileName>`) only if it
 * is not there yet. Written beside and renamed into place, so an interrupted run leaves no partial file.
 */
async function cached(fileName: string, make: (dir: string) => Promise<unknown>): Promise<string> {
  const path = join(BENCH_MODELS_DIR, fileName);
  if (existsSync(path)) return path;
  await mkdir(BENCH_MODELS_DIR, { recursive: true });
  const staging = await mkdtemp(join(BENCH_MODELS_DIR, ".staging-"));
  try {
    await make(staging);
    await rename(join(staging, fileName), path);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return path;
}

/** A fixture checkpoint written in `shape`, kept in BENCH_MODELS_DIR and reused when present. */
export function cachedFixtureModel(spec: BigramModelSpec, shape: ModelShape, fileName: string): Promise<string> {
  return cached(fileName, (dir) => writeFixtureModel(dir, spec, shape, fileName));
}

/** A copy of a model file under another name: loaded beside the original, it is a second model of the same cost. */
export function cachedCopy(path: string, fileName: string): Promise<string> {
  return cached(fileName, (dir) => copyFile(path, join(dir, fileName)));
}
