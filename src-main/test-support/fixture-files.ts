/**
 * The fixture checkpoints written to a test's temp folder, and damaged copies of them: the kinds
 * of broken file people really add (interrupted downloads, wrong files).
 */
import { readFile, writeFile } from "node:fs/promises";
import { writeFixtureModels } from "../fixtures/fixture-checkpoints";

export interface FixturePaths {
  base: string;
  continued: string;
}

export async function writeFixtures(dir: string): Promise<FixturePaths> {
  const paths = await writeFixtureModels(dir);
  const named = (name: string) => {
    const path = paths.find((p) => p.endsWith(`${name}.gguf`));
    if (!path) throw new Error(`writeFixtureModels wrote no ${name}.gguf`);
    return path;
  };
  return { base: named("polyglot-base"), continued: named("polyglot-continued") };
}

/** A copy of `source` cut after `length` bytes, as an interrupted download leaves it. */
export async function writeTruncatedCopy(source: string, destination: string, length: number): Promise<void> {
  const bytes = await readFile(source);
  if (length >= bytes.length) throw new Error(`writeTruncatedCopy: ${source} has only ${bytes.length} bytes`);
  await writeFile(destination, bytes.subarray(0, length));
}

/**
 * A copy of `source` whose header names a tensor differently (same length, so the file is complete
 * and its header readable): llama.cpp then refuses to load it for a missing tensor.
 */
export async function writeCopyWithRenamedTensor(source: string, destination: string, tensorName: string): Promise<void> {
  const bytes = Buffer.from(await readFile(source));
  const at = bytes.indexOf(tensorName, 0, "utf8");
  if (at === -1) throw new Error(`${source} has no tensor named ${tensorName}`);
  bytes.write("X", at + tensorName.length - 1, "utf8");
  await writeFile(destination, bytes);
}
