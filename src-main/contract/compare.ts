/**
 * Comparing checkpoints: a run of 2–6 panes on one prompt, votes on pairs of panes, the
 * leaderboard the votes make, and preference data exported from them.
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";
import { MAX_TOP_ALTERNATIVES, SamplingParamsSchema } from "./generation";
import {
  ComparisonSummarySchema, LanguageCodeSchema, MAX_PANES, MIN_PANES, PromptOriginSchema, PromptSpecSchema, VerdictSchema, VoteSchema,
} from "./session";

/**
 * Where a pane's tokens come from. Only models loaded here for now; a remote OpenAI-compatible
 * server would be another `kind` with its own fields.
 */
export const PaneBackendSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("local"), modelId: z.string().min(1) }),
]);
export type PaneBackend = z.infer<typeof PaneBackendSchema>;

export const DEFAULT_TOP_ALTERNATIVES = 5;

export const PaneSpecSchema = z.object({
  backend: PaneBackendSchema,
  params: SamplingParamsSchema.prefault({}),
  topAlternatives: z.number().int().min(0).max(MAX_TOP_ALTERNATIVES).default(DEFAULT_TOP_ALTERNATIVES),
});
export type PaneSpec = z.infer<typeof PaneSpecSchema>;
export type PaneSpecInput = z.input<typeof PaneSpecSchema>;

export const CompareRequestSchema = z.object({
  prompt: PromptSpecSchema,
  panes: z.array(PaneSpecSchema).min(MIN_PANES).max(MAX_PANES),
  language: LanguageCodeSchema.nullable().default(null),
  origin: PromptOriginSchema.nullable().default(null),
});
export type CompareRequest = z.infer<typeof CompareRequestSchema>;
export type CompareRequestInput = z.input<typeof CompareRequestSchema>;

export const CompareStartedSchema = z.object({
  comparisonId: z.string(),
  /**
   * Per pane, in pane order: its generation run, whose tokens arrive as `generation.tokens`
   * events, or why it could not start (its model did not load, e.g. not enough memory).
   */
  panes: z.array(z.object({ runId: z.string().nullable(), error: AppErrorDataSchema.nullable() })),
});

/**
 * Sent when every pane has ended and the comparison is saved in the session (or failed to be);
 * without the tokens, which clients have streamed (`session.current` has them).
 */
export const CompareFinishedEventSchema = z.object({ comparison: ComparisonSummarySchema, saveError: AppErrorDataSchema.nullable() });
export type CompareFinishedEvent = z.infer<typeof CompareFinishedEventSchema>;

export const VoteRequestSchema = z.object({
  comparisonId: z.string().min(1),
  pair: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  winner: VerdictSchema,
  rater: z.string().trim().min(1, "a rater name"),
  note: z.string().default(""),
  promptLanguage: LanguageCodeSchema.nullable().default(null),
  responseLanguage: LanguageCodeSchema.nullable().default(null),
  blind: z.boolean().default(false),
});
export type VoteRequest = z.infer<typeof VoteRequestSchema>;

export const VotedEventSchema = z.object({ comparisonId: z.string(), vote: VoteSchema });

export const LeaderboardRequestSchema = z.object({
  /** Only votes whose prompt is in this language; null = all votes. */
  language: LanguageCodeSchema.nullable().default(null),
  bootstrapRounds: z.number().int().min(0).max(10_000).default(1000),
  seed: z.number().int().min(0).default(1),
});
export type LeaderboardRequest = z.infer<typeof LeaderboardRequestSchema>;

export const RatedModelSchema = z.object({
  /** sha256 when known, otherwise the model's name: votes on the same file count together. */
  key: z.string(),
  name: z.string(),
  /** Bradley–Terry strength on the Elo scale (400 · log10 odds, mean 1000). */
  rating: z.number(),
  /** 95 % bootstrap interval of the rating; null without bootstrap rounds. */
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  games: z.number(),
  wins: z.number(),
  losses: z.number(),
  ties: z.number(),
});
export type RatedModel = z.infer<typeof RatedModelSchema>;

export const LeaderboardSchema = z.object({
  language: LanguageCodeSchema.nullable(),
  votes: z.number(),
  /** Best first. */
  models: z.array(RatedModelSchema),
  /** winRate[i][j]: share of i's games against j that i won (ties count half); null when they never met. */
  winRate: z.array(z.array(z.number().nullable())),
  /** games[i][j]: how many votes compared i with j. */
  games: z.array(z.array(z.number())),
  /** Languages that have votes, for the per-language view. */
  languages: z.array(LanguageCodeSchema),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;

export const ExportRequestSchema = z.object({
  format: z.enum(["dpo", "dpo-chat", "csv"]),
  /** Ties and both-bad votes have no chosen answer: leave them out, or export them as a file of their own. */
  ties: z.enum(["exclude", "separate"]).default("exclude"),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export const ExportedFileSchema = z.object({ name: z.string(), mediaType: z.string(), content: z.string(), records: z.number() });
export type ExportedFile = z.infer<typeof ExportedFileSchema>;
