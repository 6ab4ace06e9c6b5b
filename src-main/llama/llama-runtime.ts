/**
 * The one llama.cpp binding of the process, created on first use (it takes a moment) and shared
 * by every service. GPU is used where present (CUDA, Vulkan, Metal), CPU otherwise.
 */
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import type { Backend } from "../contract/models";
import { defaultThreads } from "./threads";

let llamaPromise: Promise<Llama> | null = null;

export function getLlamaRuntime(): Promise<Llama> {
  llamaPromise ??= getLlama({
    gpu: process.env.POLYGLOT_GPU === "off" ? false : "auto",
    logLevel: LlamaLogLevel.error,
    // Offline machines cannot download or build another binary: use the prebuilt ones only.
    build: "never",
  }).catch((error) => {
    llamaPromise = null; // let a later call try again
    throw error;
  });
  return llamaPromise;
}

export function backendOf(llama: Llama): Backend {
  return llama.gpu === false ? "cpu" : llama.gpu;
}

export async function describeRuntime(): Promise<{ backend: Backend; gpuName: string | null; cpuThreads: number }> {
  const llama = await getLlamaRuntime();
  const gpuNames = llama.gpu === false ? [] : await llama.getGpuDeviceNames();
  return { backend: backendOf(llama), gpuName: gpuNames[0] ?? null, cpuThreads: defaultThreads() };
}
