/**
 * The workspace's prompt library, `<workspace>/prompts/library.json`: saved prompts and the
 * workspace's own parameter presets (built-in presets are listed first but never stored).
 * Every change reads the file, changes it and writes it back atomically (write-file-atomic), one
 * change at a time; keys are written in the schema's order, so the same library is the same bytes.
 * A file that cannot be read (malformed, from a newer app) fails every call with the file named,
 * and is never overwritten.
 */
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { z } from "zod";
import { AppError } from "../../contract/errors";
import {
  ParamPresetSchema, SavedPromptSchema, type ParamPreset, type PromptLibrary, type SavePromptRequestSchema, type SavedPrompt,
} from "../../contract/prompts";
import { parseVersionedJson } from "../../workspace/versioned-json";
import { BUILT_IN_PRESETS, builtInPreset, sameName } from "./built-in-presets";
import { SerialQueue } from "./serial-queue";
import { readIfPresent, writingTo } from "./store-file";

const FORMAT = "polyglot-prompt-library";
const VERSION = 1;
const LIBRARY_KIND = { format: FORMAT, version: VERSION, noun: "prompt library" };

const StoredPresetSchema = ParamPresetSchema.omit({ builtIn: true });
type StoredPreset = z.infer<typeof StoredPresetSchema>;

const LibraryFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  prompts: z.array(SavedPromptSchema),
  presets: z.array(StoredPresetSchema),
});
type LibraryFile = z.infer<typeof LibraryFileSchema>;

export type SavePromptRequest = z.output<typeof SavePromptRequestSchema>;

export class PromptLibraryStore {
  private readonly queue = new SerialQueue();

  constructor(readonly file: string) {}

  library(): Promise<PromptLibrary> {
    return this.queue.run(async () => {
      const stored = await this.read();
      return { prompts: stored.prompts, presets: allPresets(stored) };
    });
  }

  /** Saves a new prompt, or overwrites the one with `request.id` (NOT_FOUND when there is none). */
  savePrompt(request: SavePromptRequest): Promise<SavedPrompt> {
    return this.update((stored) => {
      const { id = randomUUID(), ...draft } = request;
      const saved = SavedPromptSchema.parse({ ...draft, id, updatedAt: new Date().toISOString() });
      const index = stored.prompts.findIndex((prompt) => prompt.id === id);
      if (request.id !== undefined && index < 0) throw this.noPrompt(request.id);
      const prompts = index < 0 ? [...stored.prompts, saved] : stored.prompts.with(index, saved);
      return { stored: { ...stored, prompts }, result: saved };
    });
  }

  deletePrompt(id: string): Promise<void> {
    return this.update((stored) => {
      if (!stored.prompts.some((prompt) => prompt.id === id)) throw this.noPrompt(id);
      return { stored: { ...stored, prompts: stored.prompts.filter((prompt) => prompt.id !== id) }, result: undefined };
    });
  }

  /** Adds a preset, or replaces the workspace preset of that name; returns every preset. */
  savePreset(preset: StoredPreset): Promise<ParamPreset[]> {
    return this.update((stored) => {
      refuseBuiltIn(preset.name, "overwritten");
      const saved = StoredPresetSchema.parse(preset);
      const index = stored.presets.findIndex((existing) => sameName(existing.name, preset.name));
      const presets = index < 0 ? [...stored.presets, saved] : stored.presets.with(index, saved);
      const changed = { ...stored, presets };
      return { stored: changed, result: allPresets(changed) };
    });
  }

  deletePreset(name: string): Promise<ParamPreset[]> {
    return this.update((stored) => {
      refuseBuiltIn(name, "deleted");
      if (!stored.presets.some((preset) => sameName(preset.name, name))) {
        throw new AppError({ code: "NOT_FOUND", field: "name", message: `This workspace has no preset named "${name}".` });
      }
      const changed = { ...stored, presets: stored.presets.filter((preset) => !sameName(preset.name, name)) };
      return { stored: changed, result: allPresets(changed) };
    });
  }

  private update<T>(change: (stored: LibraryFile) => { stored: LibraryFile; result: T }): Promise<T> {
    return this.queue.run(async () => {
      const { stored, result } = change(await this.read());
      await writingTo(this.file, async () => {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, JSON.stringify(LibraryFileSchema.parse(stored), null, 2) + "\n", { fsync: true });
      });
      return result;
    });
  }

  /** The library on disk; an empty one when the file does not exist yet. */
  private async read(): Promise<LibraryFile> {
    const text = await readIfPresent(this.file);
    if (text === null) return { format: FORMAT, version: VERSION, prompts: [], presets: [] };
    return parseVersionedJson(this.file, text, LIBRARY_KIND, LibraryFileSchema);
  }

  private noPrompt(id: string): AppError {
    return new AppError({ code: "NOT_FOUND", field: "id", message: `The prompt library (${this.file}) has no prompt with id ${id}; it may have been deleted.` });
  }
}

/** Built-in presets first. A hand-written preset named like a built-in is hidden: the built-in is the one that name means. */
function allPresets(stored: LibraryFile): ParamPreset[] {
  return [...BUILT_IN_PRESETS, ...stored.presets.filter((preset) => !builtInPreset(preset.name)).map((preset) => ({ ...preset, builtIn: false }))];
}

function refuseBuiltIn(name: string, what: "overwritten" | "deleted"): void {
  const builtIn = builtInPreset(name);
  if (builtIn) {
    throw new AppError({ code: "INVALID_INPUT", field: "name", message: `"${builtIn.name}" is a built-in preset and cannot be ${what}; save yours under another name.` });
  }
}
