import { randomBytes } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { readGgufFileInfo } from "node-llama-cpp";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "../../contract/errors";
import { GgufSummarySchema } from "../../contract/models";
import { N_EMBD } from "../../fixtures/bigram-model";
import { CHATML_TEMPLATE, VOCAB_SIZE } from "../../fixtures/byte-vocabulary";
import { FIXTURE_CHECKPOINTS } from "../../fixtures/fixture-checkpoints";
import { writeFixtures, writeTruncatedCopy, type FixturePaths } from "../../test-support/fixture-files";
import { useTempDir } from "../../test-support/temp-dir";
import { inspectGguf } from "./gguf-inspector";

const tmp = useTempDir("gguf-inspector");
let fixtures: FixturePaths;
/** Where the fixture's tensor data starts, i.e. where its header ends (read with the low-level reader). */
let dataStart: number;
let fileSize: number;

beforeAll(async () => {
  fixtures = await writeFixtures(tmp.join("models"));
  const info = await readGgufFileInfo(fixtures.continued, { readTensorInfo: true, logWarnings: false, sourceType: "filesystem" });
  dataStart = Number(info.tensorInfo![0].fileOffset);
  fileSize = (await stat(fixtures.continued)).size;
});

/** The inspector's error for `path`: it must fail with an AppError that names the file. */
async function inspectionError(path: string): Promise<AppError> {
  const error = await inspectGguf(path).then(
    (inspected) => { throw new Error(`${path} was accepted as a model: ${JSON.stringify(inspected.summary)}`); },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.file).toBe(path);
  expect(appError.message).toContain(path);
  return appError;
}

describe("inspectGguf on a fixture checkpoint", () => {
  it("summarises what the header declares, without loading the weights", async () => {
    const spec = FIXTURE_CHECKPOINTS.find((checkpoint) => checkpoint.name === "polyglot-continued")!;
    const { summary, sizeBytes } = await inspectGguf(fixtures.continued);
    expect(GgufSummarySchema.parse(summary)).toEqual(summary);
    expect(sizeBytes).toBe(fileSize);
    expect(summary).toMatchObject({
      name: spec.name,
      description: spec.description,
      languages: spec.languages,
      architecture: "llama",
      quantization: "F32",
      contextLength: 2048, // the fixture's declared llama.context_length
      embeddingLength: N_EMBD,
      blockCount: 1,
      chatTemplate: CHATML_TEMPLATE,
      tokenizerModel: "gpt2",
      vocabularySize: VOCAB_SIZE,
      license: "MIT",
      ggufVersion: 3,
    });
  });

  it("counts parameters as the sum of the tensors' element counts", async () => {
    const info = await readGgufFileInfo(fixtures.base, { readTensorInfo: true, logWarnings: false, sourceType: "filesystem" });
    const tensors = info.tensorInfo!;
    const elements = tensors.reduce((sum, tensor) => sum + tensor.dimensions.reduce<number>((a, b) => a * Number(b), 1), 0);
    // F32 weights: every parameter is 4 bytes of the file's tensor data.
    expect(elements * 4).toBeLessThanOrEqual(fileSize - dataStart);
    const { summary } = await inspectGguf(fixtures.base);
    expect(summary.parameterCount).toBe(elements);
    expect(summary.tensorCount).toBe(tensors.length);
    expect(summary.languages).toEqual(["eng_Latn"]);
  });
});

describe("inspectGguf refuses what is not a complete GGUF, naming the file", () => {
  const expectCode = async (path: string, codes: ErrorCode[]) => {
    const error = await inspectionError(path);
    expect(codes).toContain(error.code);
    return error;
  };

  it("a missing file: NOT_FOUND", async () => {
    await expectCode(tmp.join("models", "no-such-model.gguf"), ["NOT_FOUND"]);
  });

  it("an empty file: NOT_GGUF, saying it is empty", async () => {
    const path = tmp.join("empty.gguf");
    await writeFile(path, "");
    expect((await expectCode(path, ["NOT_GGUF"])).message).toMatch(/empty/);
  });

  it("random bytes: NOT_GGUF", async () => {
    const path = tmp.join("random.gguf");
    const bytes = randomBytes(64 * 1024);
    bytes.write("XGUF", 0, "latin1"); // random bytes that cannot start with the signature by chance
    await writeFile(path, bytes);
    await expectCode(path, ["NOT_GGUF"]);
  });

  it("a text file renamed to .gguf: NOT_GGUF", async () => {
    const path = tmp.join("readme.gguf");
    await writeFile(path, "This is not a model, just a note.\n");
    await expectCode(path, ["NOT_GGUF"]);
  });

  it("a fixture cut inside its tensor data (an interrupted download): TRUNCATED_GGUF", async () => {
    for (const length of [dataStart + 1, Math.floor((dataStart + fileSize) / 2), fileSize - 1]) {
      const path = tmp.join(`cut-at-${length}.gguf`);
      await writeTruncatedCopy(fixtures.continued, path, length);
      const error = await expectCode(path, ["TRUNCATED_GGUF"]);
      expect(error.message).toMatch(/truncated/);
    }
  });

  it("a fixture cut inside its header: TRUNCATED_GGUF or CORRUPT_GGUF, never a summary", async () => {
    for (const length of [4, 8, 23, 100, Math.floor(dataStart / 2), dataStart - 8, dataStart]) {
      const path = tmp.join(`header-cut-at-${length}.gguf`);
      await writeTruncatedCopy(fixtures.continued, path, length);
      await expectCode(path, ["TRUNCATED_GGUF", "CORRUPT_GGUF"]);
    }
  });

  it("a directory: an error saying it is not a file", async () => {
    const path = tmp.join("folder.gguf");
    await mkdir(path, { recursive: true });
    expect((await expectCode(path, ["NOT_GGUF"])).message).toMatch(/not a file/);
  });
});
