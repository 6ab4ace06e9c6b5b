/**
 * The Playground's service: the workspace's prompt library and presets, the history of runs,
 * dataset rows for variables, and previews of the exact prompt a model receives. Each job is in
 * its own file; this one wires them to the workspace.
 */
import { join, resolve } from "node:path";
import type { DatasetRows, HistoryEntry, ParamPreset, PromptLibrary, PromptPreview, PromptPreviewRequest, SavedPrompt } from "../../contract/prompts";
import type { TokenizerPool } from "../tokenizers/tokenizer-pool";
import { readDatasetRows } from "./dataset-rows";
import { HistoryStore, type AddHistoryRequest } from "./history-store";
import { PromptLibraryStore, type SavePromptRequest } from "./prompt-library-store";
import { previewPrompt } from "./prompt-preview";

export class PromptsService {
  private readonly libraryStore: PromptLibraryStore;
  private readonly historyStore: HistoryStore;

  constructor(
    private readonly workspaceDir: string,
    private readonly pool: TokenizerPool,
  ) {
    this.libraryStore = new PromptLibraryStore(join(workspaceDir, "prompts", "library.json"));
    this.historyStore = new HistoryStore(join(workspaceDir, "prompts", "history.jsonl"));
  }

  async library(): Promise<PromptLibrary> { return this.libraryStore.library(); }
  async save(request: SavePromptRequest): Promise<SavedPrompt> { return this.libraryStore.savePrompt(request); }
  async delete(id: string): Promise<void> { return this.libraryStore.deletePrompt(id); }
  async savePreset(preset: Omit<ParamPreset, "builtIn">): Promise<ParamPreset[]> { return this.libraryStore.savePreset(preset); }
  async deletePreset(name: string): Promise<ParamPreset[]> { return this.libraryStore.deletePreset(name); }

  async history(limit?: number): Promise<HistoryEntry[]> { return this.historyStore.entries(limit); }
  async addHistory(entry: AddHistoryRequest): Promise<HistoryEntry> { return this.historyStore.add(entry); }
  async clearHistory(): Promise<void> { return this.historyStore.clear(); }

  /** A relative path is read from the workspace folder. */
  async datasetRows(path: string, offset: number, limit: number): Promise<DatasetRows> {
    return readDatasetRows(resolve(this.workspaceDir, path), offset, limit);
  }

  /** With the model's tokenizer loaded vocab-only when the model itself is not loaded (NOT_FOUND for an unknown id). */
  async preview(request: PromptPreviewRequest): Promise<PromptPreview> {
    return this.pool.withModel(request.modelId, (model) => previewPrompt(model, request));
  }
}
