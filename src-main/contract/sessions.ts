/**
 * Working with session files: the list of sessions (recent and in the workspace), opening one as
 * the current session, notes, eval-run references, matching a shared session's models to local
 * files, replaying it, merging raters' copies, agreement and the HTML report.
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";
import { ComparisonSummarySchema, ModelIdentitySchema, SessionFileSchema, VerdictSchema } from "./session";

export const SessionEntrySchema = z.object({
  path: z.string(),
  title: z.string(),
  comparisons: z.number().int(),
  votes: z.number().int(),
  raters: z.array(z.string()),
  updatedAt: z.string(),
  /** Why the file cannot be opened (malformed, newer, gone); null when it can. */
  error: AppErrorDataSchema.nullable(),
});
export type SessionEntry = z.infer<typeof SessionEntrySchema>;

export const SessionListSchema = z.object({
  current: z.string(),
  /** Opened here before, newest first (files since moved or broken keep their entry, with the error). */
  recent: z.array(SessionEntrySchema),
  /** Every session file in the workspace's `sessions/` folder. */
  workspace: z.array(SessionEntrySchema),
});
export type SessionList = z.infer<typeof SessionListSchema>;

/** The current session without its tokens (a big session's tokens are hundreds of megabytes). */
export const SessionSummarySchema = SessionFileSchema.extend({ comparisons: z.array(ComparisonSummarySchema) });
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const CurrentSessionSchema = z.object({
  path: z.string(),
  session: SessionSummarySchema,
  /** The file was written by an older version and migrated; the original is kept beside it on the first save. */
  migratedFrom: z.number().int().nullable(),
  /** Where that original is (or will be, from the first save) kept; null when not migrated. */
  originalKeptAs: z.string().nullable(),
  /** Why the file could not be opened: the session is empty and refuses every change (the file is left alone). */
  openError: AppErrorDataSchema.nullable(),
});
export type CurrentSession = z.infer<typeof CurrentSessionSchema>;

export const SessionChangedEventSchema = z.object({
  path: z.string(),
  change: z.enum(["opened", "notes", "evalRuns"]),
});
export type SessionChangedEvent = z.infer<typeof SessionChangedEventSchema>;

export const SetNotesRequestSchema = z.object({
  /** null: the session's own notes. */
  comparisonId: z.string().nullable().default(null),
  notes: z.string().max(100_000),
});

/** How one model named in the session was found among the local models. */
export const ModelMatchSchema = z.object({
  identity: ModelIdentitySchema,
  /** Panes that used it. */
  panes: z.number().int(),
  match: z.object({
    modelId: z.string(),
    name: z.string(),
    path: z.string(),
    /** Matched by file hash (the same file), or only by name (maybe another file: `sameFile` says). */
    by: z.enum(["sha256", "name"]),
    /** Whether the local file's sha256 equals the session's; null when either is unknown. */
    sameFile: z.boolean().nullable(),
  }).nullable(),
});
export type ModelMatch = z.infer<typeof ModelMatchSchema>;

export const ReplayRequestSchema = z.object({
  /**
   * Chosen by the client, so it can match progress events and cancel before the call answers (the
   * first event comes only after a pane); the server picks one when absent.
   */
  jobId: z.string().min(1).optional(),
  /** Comparisons to replay; empty = all. */
  comparisonIds: z.array(z.string()).default([]),
});
export type ReplayRequest = z.infer<typeof ReplayRequestSchema>;

const TokenRefSchema = z.object({ id: z.number().int(), text: z.string() });

export const ReplayRowSchema = z.object({
  comparisonId: z.string(),
  pane: z.number().int(),
  model: z.string(),
  /** exact: every token the same; diverged: see firstDifference; missing-model: no local match; failed: see error. */
  status: z.enum(["exact", "diverged", "missing-model", "failed", "cancelled"]),
  recordedTokens: z.number().int(),
  replayedTokens: z.number().int(),
  /** Where the replay first differs: the token index, what was recorded and what came instead (null: the output ended). */
  firstDifference: z.object({ index: z.number().int(), expected: TokenRefSchema.nullable(), actual: TokenRefSchema.nullable() }).nullable(),
  error: AppErrorDataSchema.nullable(),
});
export type ReplayRow = z.infer<typeof ReplayRowSchema>;

export const ReplayReportSchema = z.object({
  jobId: z.string(),
  rows: z.array(ReplayRowSchema),
  cancelled: z.boolean(),
});
export type ReplayReport = z.infer<typeof ReplayReportSchema>;

export const ReplayProgressEventSchema = z.object({
  jobId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  panesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  /** The row just finished. */
  row: ReplayRowSchema,
});
export type ReplayProgressEvent = z.infer<typeof ReplayProgressEventSchema>;

/** One pair of panes of one comparison, as raters judged it. */
export const RatedItemSchema = z.object({
  comparisonId: z.string(),
  /** Pane indices, lower first: votes cast with the panes the other way round are turned to match. */
  pair: z.tuple([z.number().int(), z.number().int()]),
  /** Each rater's verdict (their latest vote on the item). */
  verdicts: z.record(z.string(), VerdictSchema),
});
export type RatedItem = z.infer<typeof RatedItemSchema>;

export const AgreementSchema = z.object({
  method: z.enum(["cohen", "fleiss"]).nullable(),
  kappa: z.number().nullable(),
  /** Items every rater judged: the ones the kappa is computed on. */
  items: z.number().int(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

/** Raters of one session and how far they agree. */
export const AgreementReportSchema = z.object({
  raters: z.array(z.string()),
  agreement: AgreementSchema,
  /** Items on which raters gave different verdicts. */
  conflicts: z.array(RatedItemSchema),
});
export type AgreementReport = z.infer<typeof AgreementReportSchema>;

export const MergeReportSchema = AgreementReportSchema.extend({
  files: z.array(z.string()),
  comparisons: z.number().int(),
  votes: z.number().int(),
});
export type MergeReport = z.infer<typeof MergeReportSchema>;

export const MergeRequestSchema = z.object({
  paths: z.array(z.string().min(1)).min(2, "at least two session files"),
  out: z.string().min(1),
  /** Replace `out` if it exists. */
  force: z.boolean().default(false),
  /** Make the merged session the current one. */
  open: z.boolean().default(true),
});
