/**
 * Tokenizers for the lab and for prompt previews: a workspace model's vocabulary, loaded vocab-only
 * (no weights, so a 70B checkpoint's tokenizer costs megabytes), or the loaded model itself when
 * it is loaded anyway. Vocab-only copies are kept for reuse, the least recently used dropped first,
 * but never while a caller is using one: callers get a model only for the length of a callback.
 */
import type { LlamaModel } from "node-llama-cpp";
import { loadVocabulary } from "../../llama/load-vocabulary";
import type { ModelsService } from "../models/models-service";

/** Vocab-only models kept loaded when unused (the largest vocabularies take ~50 MB each). */
const KEPT_TOKENIZERS = 8;

interface VocabOnly {
  model: Promise<LlamaModel>;
  /** Callbacks running with it: it is not disposed until they end. */
  users: number;
}

export class TokenizerPool {
  /** By file path, in use order (oldest first). */
  private readonly vocabOnly = new Map<string, VocabOnly>();

  constructor(
    private readonly models: ModelsService,
    private readonly kept = KEPT_TOKENIZERS,
  ) {}

  /**
   * Runs `use` with a workspace model's tokenizer: the model itself when it is loaded, else a
   * vocab-only copy. For a quick synchronous use: a loaded model may be unloaded once `use` awaits.
   */
  async withModel<T>(modelId: string, use: (model: LlamaModel) => T | Promise<T>): Promise<T> {
    const info = this.models.get(modelId);
    if (info.status === "loaded") return use(this.models.getLoaded(modelId).model);
    return this.withFile(info.path, use);
  }

  /**
   * Runs `use` with the tokenizer in a GGUF file, loaded vocab-only; it stays loaded until `use`
   * ends, whatever other callers ask for meanwhile (a long job's tokenizer is never evicted under it).
   */
  async withFile<T>(path: string, use: (model: LlamaModel) => T | Promise<T>): Promise<T> {
    const entry = this.take(path);
    entry.users++;
    try {
      return await use(await entry.model);
    } finally {
      entry.users--;
      this.evictUnused();
    }
  }

  async dispose(): Promise<void> {
    const models = [...this.vocabOnly.values()].map((entry) => entry.model);
    this.vocabOnly.clear();
    await Promise.allSettled(models.map(async (model) => (await model).dispose()));
  }

  /** The file's entry, made the most recently used; a load that fails is forgotten, so the next call tries again. */
  private take(path: string): VocabOnly {
    let entry = this.vocabOnly.get(path);
    if (entry) {
      this.vocabOnly.delete(path); // re-inserted below as the most recent
    } else {
      const created: VocabOnly = { model: loadVocabulary(path), users: 0 };
      created.model.catch(() => this.vocabOnly.get(path) === created && this.vocabOnly.delete(path));
      entry = created;
    }
    this.vocabOnly.set(path, entry);
    return entry;
  }

  /** Drops the least recently used copies that nobody is using until at most `kept` remain. */
  private evictUnused(): void {
    const excess = this.vocabOnly.size - this.kept;
    if (excess <= 0) return;
    const unused = [...this.vocabOnly].filter(([, entry]) => entry.users === 0).slice(0, excess);
    for (const [path, entry] of unused) {
      this.vocabOnly.delete(path);
      // A copy that failed to load has nothing to dispose.
      entry.model.then((loaded) => loaded.dispose()).catch(() => {});
    }
  }
}
