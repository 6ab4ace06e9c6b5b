/**
 * The session file: comparisons (prompt, each pane's model, parameters and output with token
 * log-probs) and the votes cast on them. A documented, versioned JSON format (see
 * docs/session-format.md); written with a stable key order so it diffs well in git.
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";
import { SummaryRowSchema } from "./eval";
import { LanguageCodeSchema } from "./language-code";
import {
  ChatMessageSchema, ChatTemplateChoiceSchema, GeneratedTokenSchema, GenerationStatsSchema, SamplingParamsSchema,
} from "./generation";

export const SESSION_FORMAT = "polyglot-session";
export const SESSION_VERSION = 2;
/** Panes in one comparison. */
export const MIN_PANES = 1;
export const MAX_PANES = 6;

export { LanguageCodeSchema };

export const PromptSpecSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("completion"), text: z.string() }),
  z.object({
    mode: z.literal("chat"),
    messages: z.array(ChatMessageSchema).min(1),
    chatTemplate: ChatTemplateChoiceSchema.default("model"),
  }),
]);
export type PromptSpec = z.infer<typeof PromptSpecSchema>;

/** The line lists show for a prompt: the first non-empty line of the completion text, or of the last user message. */
export function promptFirstLine(prompt: PromptSpec): string {
  const text = prompt.mode === "completion"
    ? prompt.text
    : (prompt.messages.findLast((message) => message.role === "user") ?? prompt.messages[0]).content;
  return text.split("\n").map((line) => line.trim()).find((line) => line !== "") ?? "(empty prompt)";
}

/** Where a prompt came from when it was filled from a template (language fan-out). */
export const PromptOriginSchema = z.object({
  template: z.string(),
  variables: z.record(z.string(), z.string()),
  /** The comparisons filled from one template over several languages share this id. */
  fanOutId: z.string(),
});

/** Which checkpoint produced an output: enough to find the same file on another machine. */
export const ModelIdentitySchema = z.object({
  name: z.string(),
  path: z.string(),
  /** null when the file could not be hashed. */
  sha256: z.string().nullable(),
  quantization: z.string().nullable(),
  architecture: z.string().nullable(),
  parameterCount: z.number().nullable(),
});
export type ModelIdentity = z.infer<typeof ModelIdentitySchema>;

export const PaneOutputSchema = z.object({
  text: z.string(),
  tokens: z.array(GeneratedTokenSchema),
  stats: GenerationStatsSchema,
  renderedPrompt: z.string(),
  promptSpecialRanges: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
  error: AppErrorDataSchema.nullable(),
});
export type PaneOutput = z.infer<typeof PaneOutputSchema>;

export const PaneRecordSchema = z.object({
  backend: z.literal("local"),
  model: ModelIdentitySchema,
  params: SamplingParamsSchema,
  topAlternatives: z.number().int().min(0),
  output: PaneOutputSchema,
});
export type PaneRecord = z.infer<typeof PaneRecordSchema>;

export const VerdictSchema = z.enum(["a", "b", "tie", "both-bad"]);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VoteSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  rater: z.string().min(1),
  /** Pane indices of A and B, in the comparison's pane order (whatever order the rater saw). */
  pair: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  winner: VerdictSchema,
  note: z.string(),
  promptLanguage: LanguageCodeSchema.nullable(),
  responseLanguage: LanguageCodeSchema.nullable(),
  /** Cast with the panes anonymised and shuffled. */
  blind: z.boolean(),
});
export type Vote = z.infer<typeof VoteSchema>;

export const ComparisonSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  prompt: PromptSpecSchema,
  /** The language the prompt is in, when known. */
  language: LanguageCodeSchema.nullable(),
  origin: PromptOriginSchema.nullable(),
  panes: z.array(PaneRecordSchema).min(MIN_PANES).max(MAX_PANES),
  votes: z.array(VoteSchema),
  /** Free text about this comparison (what to look at, what went wrong). */
  notes: z.string().default(""),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * A comparison without its tokens: what clients are told when one is saved. They streamed the
 * tokens already, and 4 panes × 256 tokens with alternatives are megabytes to send again.
 */
export const ComparisonSummarySchema = ComparisonSchema.extend({
  panes: z.array(PaneRecordSchema.extend({ output: PaneOutputSchema.omit({ tokens: true }) })).min(MIN_PANES).max(MAX_PANES),
});
export type ComparisonSummary = z.infer<typeof ComparisonSummarySchema>;

export function summarizeComparison(comparison: Comparison): ComparisonSummary {
  return {
    ...comparison,
    panes: comparison.panes.map(({ output: { tokens: _tokens, ...output }, ...pane }) => ({ ...pane, output })),
  };
}

/**
 * An evaluation run the session refers to, with its results as they were when it was added: the
 * session (and its HTML report) shows them on a machine that does not have the run's folder.
 */
export const EvalRunRefSchema = z.object({
  runId: z.string(),
  name: z.string(),
  addedAt: z.string(),
  tasks: z.array(z.string()),
  models: z.array(z.string()),
  rows: z.array(SummaryRowSchema),
});
export type EvalRunRef = z.infer<typeof EvalRunRefSchema>;

/** A session as the app holds it and the API sends it (the file stores tokens more compactly: session-disk.ts). */
export const SessionFileSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Free text about the whole session. */
  notes: z.string().default(""),
  evalRuns: z.array(EvalRunRefSchema).default([]),
  comparisons: z.array(ComparisonSchema),
});
export type SessionFile = z.infer<typeof SessionFileSchema>;

/**
 * Log-probs are kept to 5 decimals (a probability to 1 part in 100,000): the digits beyond are
 * noise for every use here and made up most of a session's size. Applied when an output is
 * recorded, so what is saved is exactly what was held.
 */
export function roundLogprob(logprob: number): number {
  return Math.round(logprob * 1e5) / 1e5 || 0;
}
