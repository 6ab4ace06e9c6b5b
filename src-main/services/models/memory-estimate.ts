/**
 * How much memory a model needs on this machine, and where it would run: llama.cpp's own
 * estimates (through node-llama-cpp's GgufInsights) against free RAM and VRAM.
 */
import os from "node:os";
import type { GgufInsights } from "node-llama-cpp";
import type { MemoryEstimate } from "../../contract/models";
import { backendOf, getLlamaRuntime } from "../../llama/llama-runtime";

/** Context used when the user does not choose one: the model's own, capped to keep RAM sane. */
export const DEFAULT_CONTEXT_CAP = 4096;
/** Sequences per loaded model unless more are asked for: parallel runs on one copy of the weights. */
export const SEQUENCES_PER_MODEL = 2;

export function defaultContextSize(insights: GgufInsights): number {
  return Math.min(insights.trainContextSize ?? DEFAULT_CONTEXT_CAP, DEFAULT_CONTEXT_CAP);
}

export async function estimateMemory(
  insights: GgufInsights, contextSize = defaultContextSize(insights), sequences = SEQUENCES_PER_MODEL,
): Promise<MemoryEstimate> {
  const llama = await getLlamaRuntime();
  const gpuLayers = llama.gpu === false ? 0 : await insights.configurationResolver.resolveModelGpuLayers("auto");
  const model = insights.estimateModelResourceRequirements({ gpuLayers });
  const context = insights.estimateContextResourceRequirements({
    contextSize, modelGpuLayers: gpuLayers, sequences,
  });
  const vram = llama.gpu === false ? null : await llama.getVramState();
  const freeRamBytes = os.freemem();
  const totalRamBytes = model.cpuRam + context.cpuRam;
  const totalVramBytes = model.gpuVram + context.gpuVram;
  return {
    backend: backendOf(llama),
    gpuLayers,
    totalLayers: insights.totalLayers,
    contextSize,
    sequences,
    modelRamBytes: model.cpuRam,
    modelVramBytes: model.gpuVram,
    contextRamBytes: context.cpuRam,
    contextVramBytes: context.gpuVram,
    totalRamBytes,
    totalVramBytes,
    freeRamBytes,
    fits: totalRamBytes <= freeRamBytes && (vram === null || totalVramBytes <= vram.free),
  };
}
