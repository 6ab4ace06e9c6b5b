/**
 * The one llama.cpp binding of the process, created on first use (it takes a moment) and shared
 * by every service. GPU is used where present (CUDA, Vulkan, Metal), CPU otherwise.
 */
import { getLlama, Llama, LlamaLogLevel } from "node-llama-cpp";
import type { Backend } from "../contract/models";
import { defaultThreads } from "./threads";

let llamaPromise: Promise<Llama> | null = null;

export function getLlamaRuntime(): Promise<Llama> {
  llamaPromise ??= getLlama({
    gpu: process.env.POLYGLOT_GPU === "off" ? false : "auto",
    logLevel: LlamaLogLevel.error,
    logger: withoutVocabOnlyNoise(Llama.defaultConsoleLogger),
    // Offline machines cannot download or build another binary: use the prebuilt ones only.
    build: "never",
  }).catch((error) => {
    llamaPromise = null; // let a later call try again
    throw error;
  });
  return llamaPromise;
}

/**
 * Loading a tokenizer-only GGUF vocab-only works, but node-llama-cpp's memory estimate first tries
 * a full load, which logs "missing tensor 'token_embd.weight'" and "failed to load model" as
 * errors. Those two lines are dropped; every other line, and any real load failure (which
 * reaches the caller as an error anyway), is logged as before.
 */
function withoutVocabOnlyNoise(log: (level: LlamaLogLevel, message: string) => void): (level: LlamaLogLevel, message: string) => void {
  let afterMissingTensor = false;
  return (level, message) => {
    const missingTensor = /missing tensor 'token_embd\.weight'/.test(message);
    const followUp = afterMissingTensor && /failed to load model/.test(message);
    afterMissingTensor = missingTensor;
    if (!missingTensor && !followUp) log(level, message);
  };
}

export function backendOf(llama: Llama): Backend {
  return llama.gpu === false ? "cpu" : llama.gpu;
}

export async function describeRuntime(): Promise<{ backend: Backend; gpuName: string | null; cpuThreads: number }> {
  const llama = await getLlamaRuntime();
  const gpuNames = llama.gpu === false ? [] : await llama.getGpuDeviceNames();
  return { backend: backendOf(llama), gpuName: gpuNames[0] ?? null, cpuThreads: defaultThreads() };
}
