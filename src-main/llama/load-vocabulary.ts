/** A GGUF's tokenizer alone: the file read vocab-only (no weights), or an error naming the file. */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { LlamaModel } from "node-llama-cpp";
import { AppError } from "../contract/errors";
import { fileError } from "../services/eval/tasks/readers/text-file";
import { getLlamaRuntime } from "./llama-runtime";

export async function loadVocabulary(file: string): Promise<LlamaModel> {
  const path = resolve(file);
  const info = await stat(path).catch((error: unknown) => { throw fileError(path, error); });
  if (!info.isFile()) throw new AppError({ code: "INVALID_INPUT", file: path, message: `${path} is a folder, not a .gguf file.` });
  const llama = await getLlamaRuntime();
  try {
    return await llama.loadModel({ modelPath: path, vocabOnly: true });
  } catch (error) {
    throw new AppError({
      code: "CORRUPT_GGUF", file: path,
      message: `${path} is not a GGUF file whose tokenizer llama.cpp can read: ${(error as Error).message}`,
    });
  }
}
