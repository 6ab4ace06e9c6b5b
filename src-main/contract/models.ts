import { z } from "zod";
import { AppErrorDataSchema } from "./errors";

export const BackendSchema = z.enum(["cuda", "vulkan", "metal", "cpu"]);
export type Backend = z.infer<typeof BackendSchema>;

/** What the GGUF header says, read without loading weights. */
export const GgufSummarySchema = z.object({
  name: z.string().nullable(),
  architecture: z.string(),
  parameterCount: z.number(),
  /** e.g. "F32", "Q4_K_M" */
  quantization: z.string(),
  contextLength: z.number().nullable(),
  embeddingLength: z.number().nullable(),
  blockCount: z.number().nullable(),
  chatTemplate: z.string().nullable(),
  tokenizerModel: z.string().nullable(),
  vocabularySize: z.number().nullable(),
  /** As declared in `general.languages`; empty when the file declares none. */
  languages: z.array(z.string()),
  description: z.string().nullable(),
  license: z.string().nullable(),
  ggufVersion: z.number(),
  tensorCount: z.number(),
});
export type GgufSummary = z.infer<typeof GgufSummarySchema>;

export const MemoryEstimateSchema = z.object({
  backend: BackendSchema,
  gpuLayers: z.number(),
  totalLayers: z.number(),
  contextSize: z.number(),
  /** Context sequences (runs served at once), each of `contextSize` tokens. */
  sequences: z.number(),
  /** Weights in RAM / VRAM, bytes. */
  modelRamBytes: z.number(),
  modelVramBytes: z.number(),
  /** KV cache and compute buffers for the model's context sequences of `contextSize` each, bytes. */
  contextRamBytes: z.number(),
  contextVramBytes: z.number(),
  totalRamBytes: z.number(),
  totalVramBytes: z.number(),
  freeRamBytes: z.number(),
  fits: z.boolean(),
});
export type MemoryEstimate = z.infer<typeof MemoryEstimateSchema>;

export const ModelStatusSchema = z.enum(["unloaded", "loading", "loaded", "error"]);
export type ModelStatus = z.infer<typeof ModelStatusSchema>;

export const ModelInfoSchema = z.object({
  /** Stable within a workspace: derived from the absolute path. */
  id: z.string(),
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  /** The model's identity; null until the background hash finishes. */
  sha256: z.string().nullable(),
  hashProgress: z.number().min(0).max(1),
  status: ModelStatusSchema,
  /** How far a load has come (0..1) while status is "loading". */
  loadProgress: z.number().min(0).max(1).default(0),
  metadata: GgufSummarySchema.nullable(),
  memory: MemoryEstimateSchema.nullable(),
  /** Why the file cannot be used (bad GGUF, failed load); shown next to the model. */
  error: AppErrorDataSchema.nullable(),
  contextSize: z.number().nullable(),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

export const SystemInfoSchema = z.object({
  appVersion: z.string(),
  mode: z.enum(["electron", "server", "cli"]),
  workspaceDir: z.string(),
  backend: BackendSchema,
  gpuName: z.string().nullable(),
  /** CPU threads llama.cpp uses for each context. */
  cpuThreads: z.number(),
  totalRamBytes: z.number(),
  freeRamBytes: z.number(),
  /** Whether the host can open a native file picker (Electron only). */
  canPickFiles: z.boolean(),
  readOnly: z.boolean(),
  /** The session comparisons are saved in, and why it cannot be written (unreadable at start-up: left untouched). */
  sessionFile: z.string(),
  sessionError: AppErrorDataSchema.nullable(),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

/** The name a person knows the model by: the GGUF's own name, else its file name. */
export function modelDisplayName(model: Pick<ModelInfo, "metadata" | "fileName">): string {
  return model.metadata?.name || model.fileName;
}
