import type { ModelInfo } from "@contract/models";

/** The name a person knows the model by: the GGUF's own name, else its file name. */
export function modelDisplayName(model: ModelInfo): string {
  return model.metadata?.name || model.fileName;
}
