/**
 * The Playground's service: the workspace's prompt library and presets, the history of runs,
 * dataset rows for variables, and previews of the exact prompt a model receives.
 * SKELETON: implemented by the playground backend work (see issue 5).
 */
import type { z } from "zod";
import type {
  AddHistoryRequestSchema, DatasetRows, HistoryEntry, ParamPreset, PromptLibrary, PromptPreview, PromptPreviewRequest,
  SavePromptRequestSchema, SavedPrompt,
} from "../../contract/prompts";
import type { ModelsService } from "../models/models-service";
import type { TokenizerPool } from "../tokenizers/tokenizer-pool";

export class PromptsService {
  constructor(
    private readonly workspaceDir: string,
    private readonly models: ModelsService,
    private readonly pool: TokenizerPool,
  ) {}

  async library(): Promise<PromptLibrary> { throw new Error("not implemented"); }
  async save(request: z.output<typeof SavePromptRequestSchema>): Promise<SavedPrompt> { throw new Error(`not implemented ${request.name}`); }
  async delete(id: string): Promise<void> { throw new Error(`not implemented ${id}`); }
  async savePreset(preset: Omit<ParamPreset, "builtIn">): Promise<ParamPreset[]> { throw new Error(`not implemented ${preset.name}`); }
  async deletePreset(name: string): Promise<ParamPreset[]> { throw new Error(`not implemented ${name}`); }
  async history(limit?: number): Promise<HistoryEntry[]> { throw new Error(`not implemented ${limit}`); }
  async addHistory(entry: z.output<typeof AddHistoryRequestSchema>): Promise<HistoryEntry> { throw new Error(`not implemented ${entry.modelIds.length}`); }
  async clearHistory(): Promise<void> { throw new Error("not implemented"); }
  async datasetRows(path: string, offset: number, limit: number): Promise<DatasetRows> { throw new Error(`not implemented ${path}${offset}${limit}`); }
  async preview(request: PromptPreviewRequest): Promise<PromptPreview> { throw new Error(`not implemented ${request.modelId}`); }
}
