import type { LlamaModel } from "node-llama-cpp";
import { getLlamaRuntime } from "../llama/llama-runtime";

/** Loads a model file straight into llama.cpp (the process's one runtime), on the CPU. */
export async function loadLlamaModel(path: string): Promise<LlamaModel> {
  const llama = await getLlamaRuntime();
  return llama.loadModel({ modelPath: path, gpuLayers: 0 });
}
