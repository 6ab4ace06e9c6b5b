/**
 * Reads what a GGUF file says about itself without loading its weights, and refuses, with the
 * file named and the problem said, anything that is not a complete GGUF.
 */
import { open, stat } from "node:fs/promises";
import { GgufFileType, GgufInsights, readGgufFileInfo, type GgufFileInfo } from "node-llama-cpp";
import { AppError } from "../../contract/errors";
import type { GgufSummary } from "../../contract/models";
import { getLlamaRuntime } from "../../llama/llama-runtime";

export interface InspectedModel {
  sizeBytes: number;
  summary: GgufSummary;
  insights: GgufInsights;
}

const GGUF_MAGIC = Buffer.from("GGUF", "ascii");

export async function inspectGguf(path: string): Promise<InspectedModel> {
  const sizeBytes = await fileSize(path);
  await checkMagic(path, sizeBytes);

  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false, sourceType: "filesystem" });
  } catch (error) {
    throw new AppError({ code: "CORRUPT_GGUF", file: path, message: `${path} is not a readable GGUF file: ${(error as Error).message}` });
  }
  // A tokenizer-only file (no tensors) may end before the padding that would align tensor data.
  const slack = Number(info.tensorCount) === 0 ? alignmentOf(info) - 1 : 0;
  if (info.infoEndOffset !== undefined && info.infoEndOffset - slack > sizeBytes) {
    throw new AppError({
      code: "TRUNCATED_GGUF", file: path,
      message: `${path} is truncated: its header alone needs ${info.infoEndOffset} bytes but the file has ${sizeBytes}. Was a download or copy interrupted?`,
    });
  }

  const llama = await getLlamaRuntime();
  let insights: GgufInsights;
  try {
    insights = await GgufInsights.from(info, llama);
  } catch (error) {
    throw new AppError({ code: "CORRUPT_GGUF", file: path, message: `${path} has a GGUF header that cannot be understood: ${(error as Error).message}` });
  }
  const neededBytes = tensorDataStart(info) + insights.modelSize;
  if (neededBytes - slack > sizeBytes) {
    throw new AppError({
      code: "TRUNCATED_GGUF", file: path,
      message: `${path} is truncated: its tensors need ${neededBytes} bytes but the file has ${sizeBytes}. Was a download or copy interrupted?`,
    });
  }
  if (!insights.isSupportedByLlamaCpp) {
    throw new AppError({
      code: "UNSUPPORTED_MODEL", file: path,
      message: `${path} uses the "${info.metadata.general?.architecture}" architecture, which this build of llama.cpp cannot run.`,
    });
  }
  return { sizeBytes, summary: summarise(info, insights), insights };
}

async function fileSize(path: string): Promise<number> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new AppError({ code: "NOT_GGUF", file: path, message: `${path} is not a file.` });
    return stats.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new AppError({ code: "NOT_FOUND", file: path, message: `${path} does not exist.` });
    throw new AppError({ code: "IO_ERROR", file: path, message: `${path} cannot be read: ${(error as Error).message}` });
  }
}

async function checkMagic(path: string, sizeBytes: number): Promise<void> {
  if (sizeBytes === 0) throw new AppError({ code: "NOT_GGUF", file: path, message: `${path} is empty (0 bytes), not a GGUF model.` });
  const handle = await open(path, "r").catch((error: Error) => {
    throw new AppError({ code: "IO_ERROR", file: path, message: `${path} cannot be opened: ${error.message}` });
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead < 4 || !buffer.equals(GGUF_MAGIC)) {
      throw new AppError({
        code: "NOT_GGUF", file: path,
        message: `${path} is not a GGUF model: it does not start with the "GGUF" signature (found ${JSON.stringify(buffer.subarray(0, bytesRead).toString("latin1"))}).`,
      });
    }
  } finally {
    await handle.close();
  }
}

function alignmentOf(info: GgufFileInfo): number {
  const alignment = Number((info.metadata.general as { alignment?: unknown } | undefined)?.alignment);
  return Number.isInteger(alignment) && alignment > 0 ? alignment : 32; // GGUF's default
}

/** Where the tensor data section begins: a tensor's absolute offset minus its offset in that section. */
function tensorDataStart(info: GgufFileInfo): number {
  const tensor = info.tensorInfo?.[0];
  return tensor ? Number(tensor.fileOffset) - Number(tensor.offset) : (info.infoEndOffset ?? 0);
}

function summarise(info: GgufFileInfo, insights: GgufInsights): GgufSummary {
  const general = info.metadata.general;
  const tokenizer = info.metadata.tokenizer;
  const arch = info.architectureMetadata as Record<string, unknown>;
  const languages = (general as { languages?: unknown }).languages;
  const fileType = general?.file_type;
  return {
    name: general?.name ?? null,
    architecture: general?.architecture ?? "unknown",
    parameterCount: insights.totalParameters,
    quantization: fileType === undefined ? "unknown" : (GgufFileType[fileType] ?? `type ${fileType}`).replace(/^MOSTLY_|^ALL_/, ""),
    contextLength: numberOrNull(arch.context_length),
    embeddingLength: numberOrNull(arch.embedding_length),
    blockCount: numberOrNull(arch.block_count),
    chatTemplate: typeof tokenizer?.chat_template === "string" ? tokenizer.chat_template : null,
    tokenizerModel: tokenizer?.ggml?.model ?? null,
    vocabularySize: numberOrNull(arch.vocab_size) ?? tokenizer?.ggml?.tokens?.length ?? null,
    languages: Array.isArray(languages) ? languages.map(String) : [],
    description: typeof general?.description === "string" ? general.description : null,
    license: typeof general?.license === "string" ? general.license : null,
    ggufVersion: info.version,
    tensorCount: Number(info.tensorCount),
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" || typeof value === "bigint" ? Number(value) : null;
}
