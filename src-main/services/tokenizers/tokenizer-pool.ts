/**
 * Tokenizers for the lab and for prompt previews: a workspace model's vocabulary, loaded vocab-only
 * (no weights, so a 70B checkpoint's tokenizer costs megabytes), or the loaded model itself when
 * it is loaded anyway. Vocab-only copies are kept for reuse, the least recently used dropped first.
 */
import type { LlamaModel } from "node-llama-cpp";
import { loadVocabulary } from "../../llama/load-vocabulary";
import type { ModelsService } from "../models/models-service";

/** Vocab-only models kept loaded (the largest vocabularies take ~50 MB each). */
const KEPT_TOKENIZERS = 8;

export class TokenizerPool {
  /** By file path, in use order (oldest first). */
  private readonly vocabOnly = new Map<string, Promise<LlamaModel>>();

  constructor(private readonly models: ModelsService) {}

  /** The tokenizer of a workspace model. */
  async forModel(modelId: string): Promise<LlamaModel> {
    const info = this.models.get(modelId);
    if (info.status === "loaded") return this.models.getLoaded(modelId).model;
    return this.forFile(info.path);
  }

  /** The tokenizer in a GGUF file, loaded vocab-only. */
  forFile(path: string): Promise<LlamaModel> {
    let model = this.vocabOnly.get(path);
    if (model) this.vocabOnly.delete(path); // re-inserted below as the most recent
    else model = loadVocabulary(path);
    this.vocabOnly.set(path, model);
    model.catch(() => this.vocabOnly.get(path) === model && this.vocabOnly.delete(path));
    void this.evictOldest();
    return model;
  }

  async dispose(): Promise<void> {
    const models = [...this.vocabOnly.values()];
    this.vocabOnly.clear();
    await Promise.allSettled(models.map(async (model) => (await model).dispose()));
  }

  private async evictOldest(): Promise<void> {
    while (this.vocabOnly.size > KEPT_TOKENIZERS) {
      const [path, model] = this.vocabOnly.entries().next().value!;
      this.vocabOnly.delete(path);
      await model.then((loaded) => loaded.dispose(), () => {});
    }
  }
}
