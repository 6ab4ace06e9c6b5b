/**
 * The Playground's prompts: the library saved in the workspace, parameter presets, the history of
 * runs, variables filled from dataset rows, and the exact prompt a model will see.
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";
import {
  ChatMessageSchema, ChatTemplateChoiceSchema, GenerationStatsSchema, SamplingParamsSchema,
} from "./generation";

export const PromptModeSchema = z.enum(["completion", "chat"]);
export type PromptMode = z.infer<typeof PromptModeSchema>;

/**
 * A prompt as the editor holds it. Text and message contents may hold `{{variables}}`, filled from
 * `variables` (one run per row) before the prompt is sent.
 */
export const PromptDraftSchema = z.object({
  mode: PromptModeSchema,
  text: z.string().default(""),
  messages: z.array(ChatMessageSchema).default([{ role: "user", content: "" }]),
  chatTemplate: ChatTemplateChoiceSchema.default("model"),
  /** A Jinja chat template used instead of `chatTemplate` when set. */
  customTemplate: z.string().nullable().default(null),
  /** Rows of variable values: each row one filled prompt. */
  variables: z.array(z.record(z.string(), z.string())).default([]),
});
export type PromptDraft = z.infer<typeof PromptDraftSchema>;
export type PromptDraftInput = z.input<typeof PromptDraftSchema>;

export const SavedPromptSchema = PromptDraftSchema.extend({
  id: z.string(),
  name: z.string().min(1).max(200),
  tags: z.array(z.string()).default([]),
  /** ISO 8601. */
  updatedAt: z.string(),
});
export type SavedPrompt = z.infer<typeof SavedPromptSchema>;

export const SavePromptRequestSchema = PromptDraftSchema.extend({
  /** Overwrites the prompt with this id; a new one is made without. */
  id: z.string().optional(),
  name: z.string().trim().min(1).max(200),
  tags: z.array(z.string()).default([]),
});

/** Named sampling parameters. Built-in presets cannot be changed or deleted. */
export const ParamPresetSchema = z.object({
  name: z.string().trim().min(1).max(100),
  params: SamplingParamsSchema,
  builtIn: z.boolean().default(false),
});
export type ParamPreset = z.infer<typeof ParamPresetSchema>;

export const PromptLibrarySchema = z.object({
  prompts: z.array(SavedPromptSchema),
  /** Built-in presets first, then the workspace's own. */
  presets: z.array(ParamPresetSchema),
});
export type PromptLibrary = z.infer<typeof PromptLibrarySchema>;

/** One model's answer to one filled prompt of a run. */
export const HistoryOutputSchema = z.object({
  modelId: z.string(),
  modelName: z.string(),
  /** Index of the variables row (0 when the prompt has no variables). */
  row: z.number().int().min(0),
  text: z.string(),
  stats: GenerationStatsSchema.nullable(),
  error: AppErrorDataSchema.nullable(),
});
export type HistoryOutput = z.infer<typeof HistoryOutputSchema>;

/** One press of Run: the draft as it was, the models and parameters, and what came back. */
export const HistoryEntrySchema = z.object({
  id: z.string(),
  /** ISO 8601. */
  at: z.string(),
  draft: PromptDraftSchema,
  modelIds: z.array(z.string()),
  params: SamplingParamsSchema,
  outputs: z.array(HistoryOutputSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const AddHistoryRequestSchema = HistoryEntrySchema.omit({ id: true, at: true });

/** The most history entries a workspace keeps (oldest dropped first). */
export const MAX_HISTORY_ENTRIES = 500;

/** Rows of a dataset file (JSONL, CSV, TSV, Parquet) as strings, to fill prompt variables. */
export const DatasetRowsRequestSchema = z.object({
  path: z.string().min(1),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
});
export const DatasetRowsSchema = z.object({
  file: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.string())),
  /** Rows in the whole file. */
  total: z.number().int(),
});
export type DatasetRows = z.infer<typeof DatasetRowsSchema>;

/** Ask for the exact prompt one model will receive (its tokenizer is loaded vocab-only if needed). */
export const PromptPreviewRequestSchema = z.object({
  modelId: z.string().min(1),
  mode: PromptModeSchema,
  text: z.string().default(""),
  messages: z.array(ChatMessageSchema).default([]),
  chatTemplate: ChatTemplateChoiceSchema.default("model"),
  customTemplate: z.string().nullable().default(null),
});
export type PromptPreviewRequest = z.infer<typeof PromptPreviewRequestSchema>;

/** Where a custom template is wrong: 1-based line and column, as the editor shows them. */
export const TemplateErrorSchema = z.object({
  message: z.string(),
  line: z.number().int().min(1).nullable(),
  column: z.number().int().min(1).nullable(),
});
export type TemplateError = z.infer<typeof TemplateErrorSchema>;

export const PromptPreviewSchema = z.object({
  /** The prompt as the model receives it, special tokens written out. */
  text: z.string(),
  /** Where special tokens are in `text`: [start, end) UTF-16 offsets. */
  specialRanges: z.array(z.tuple([z.number().int(), z.number().int()])),
  tokenCount: z.number().int(),
  /** Which template made it, e.g. "ChatML", "Llama 3", "model's own: ChatML" (node-llama-cpp's wrapper for the GGUF's template), "custom Jinja", "raw text" (completion). */
  templateName: z.string(),
  /** Set when a custom template cannot be used; the other fields are then empty. */
  templateError: TemplateErrorSchema.nullable(),
});
export type PromptPreview = z.infer<typeof PromptPreviewSchema>;
