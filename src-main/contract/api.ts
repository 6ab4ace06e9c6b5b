/**
 * The one contract between the renderer (or any client) and the main-process services.
 * Each procedure names its input and output schema; each event its payload schema.
 * Transports (Electron IPC, WebSocket) carry the same messages; see protocol.ts.
 */
import { z } from "zod";
import {
  GenerationDoneEventSchema, GenerationRequestSchema, GenerationTokensEventSchema,
} from "./generation";
import {
  CompareFinishedEventSchema, CompareRequestSchema, CompareStartedSchema, ExportRequestSchema, ExportedFileSchema,
  LeaderboardRequestSchema, LeaderboardSchema, VoteRequestSchema, VotedEventSchema,
} from "./compare";
import {
  DeltaRequestSchema, DeltaRowSchema, EvalExportRequestSchema, EvalFinishedEventSchema, EvalProgressEventSchema, EvalRunRequestSchema,
  InspectDataRequestSchema, InspectDataResultSchema, ItemsPageSchema, ItemsRequestSchema, RunInfoSchema, RunManifestSchema, RunSummarySchema,
  TierSetSchema,
} from "./eval";
import { ModelInfoSchema, SystemInfoSchema } from "./models";
import {
  AddHistoryRequestSchema, DatasetRowsRequestSchema, DatasetRowsSchema, HistoryEntrySchema, ParamPresetSchema, PromptLibrarySchema,
  PromptPreviewRequestSchema, PromptPreviewSchema, SavePromptRequestSchema, SavedPromptSchema,
} from "./prompts";
import {
  CorpusInfoSchema, FertilityProgressEventSchema, FertilityReportSchema, FertilityRequestSchema, TokenizeRequestSchema, TokenizeResultSchema,
} from "./tokenize";
import { ComparisonSchema, EvalRunRefSchema, MAX_PANES, SessionFileSchema, VoteSchema } from "./session";
import {
  AgreementReportSchema, CurrentSessionSchema, MergeReportSchema, MergeRequestSchema, ModelMatchSchema, ReplayProgressEventSchema,
  ReplayReportSchema, ReplayRequestSchema, SessionChangedEventSchema, SessionListSchema, SetNotesRequestSchema,
} from "./sessions";

const procedure = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const none = z.object({}).strict();
const modelRef = z.object({ id: z.string().min(1) }).strict();

export const procedures = {
  "system.info": procedure(none, SystemInfoSchema),
  /** Opens the host's file picker; Electron only (server mode answers NOT_SUPPORTED). */
  "system.pickModelFiles": procedure(none, z.array(z.string())),

  "models.list": procedure(none, z.array(ModelInfoSchema)),
  /** Adds GGUF files, or every .gguf under the given folders, to the workspace. */
  "models.add": procedure(
    z.object({ paths: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ added: z.array(ModelInfoSchema), skipped: z.array(z.string()) }),
  ),
  "models.remove": procedure(modelRef, z.object({})),
  "models.load": procedure(
    z.object({
      id: z.string().min(1),
      contextSize: z.number().int().min(64).optional(),
      /** Runs the loaded copy can serve at once (each its own context sequence); default 2. */
      sequences: z.number().int().min(1).max(MAX_PANES).optional(),
    }).strict(),
    ModelInfoSchema,
  ),
  "models.unload": procedure(modelRef, ModelInfoSchema),

  /** Starts a run; tokens arrive as `generation.tokens` events, the end as `generation.done`. */
  "generation.start": procedure(GenerationRequestSchema, z.object({ runId: z.string() })),
  "generation.cancel": procedure(z.object({ runId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),

  /** Runs every pane at once; when all have ended the comparison is saved and `compare.finished` sent. */
  "compare.start": procedure(CompareRequestSchema, CompareStartedSchema),
  "compare.cancel": procedure(z.object({ comparisonId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),
  "compare.vote": procedure(VoteRequestSchema, VoteSchema),
  "compare.leaderboard": procedure(LeaderboardRequestSchema, LeaderboardSchema),
  /** Preference data from the votes, as files for the client to save. */
  "compare.export": procedure(ExportRequestSchema, z.array(ExportedFileSchema)),

  /** Languages (and item counts) a dataset holds for a task, read from its files. */
  "eval.inspectData": procedure(InspectDataRequestSchema, InspectDataResultSchema),
  /** Starts a run in `<workspace>/eval-runs/<id>/`; progress arrives as `eval.progress`, the end as `eval.finished`. */
  "eval.start": procedure(EvalRunRequestSchema, RunInfoSchema),
  "eval.cancel": procedure(z.object({ runId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),
  /** Continues a cancelled, failed or interrupted run where its items.jsonl ends. */
  "eval.resume": procedure(z.object({ runId: z.string() }).strict(), RunInfoSchema),
  "eval.runs": procedure(none, z.array(RunInfoSchema)),
  "eval.run": procedure(z.object({ runId: z.string() }).strict(), z.object({ info: RunInfoSchema, manifest: RunManifestSchema, summary: RunSummarySchema })),
  "eval.items": procedure(ItemsRequestSchema, ItemsPageSchema),
  /** Per language: each checkpoint against the baseline on the items both scored, with a paired test. */
  "eval.delta": procedure(DeltaRequestSchema, z.array(DeltaRowSchema)),
  /** Turns lm-evaluation-harness output (results JSON, per-sample JSONL) into a run beside local ones. */
  "eval.importLmEval": procedure(z.object({ paths: z.array(z.string().min(1)).min(1) }).strict(), RunInfoSchema),
  "eval.export": procedure(EvalExportRequestSchema, ExportedFileSchema),
  "eval.tiers": procedure(none, TierSetSchema),
  "eval.setTiers": procedure(TierSetSchema, TierSetSchema),

  /** The workspace's prompt library (`prompts/library.json`) and parameter presets. */
  "prompts.library": procedure(none, PromptLibrarySchema),
  "prompts.save": procedure(SavePromptRequestSchema, SavedPromptSchema),
  "prompts.delete": procedure(z.object({ id: z.string().min(1) }).strict(), z.object({})),
  /** Adds or replaces a workspace preset (not a built-in one); answers with every preset. */
  "prompts.savePreset": procedure(ParamPresetSchema.omit({ builtIn: true }), z.array(ParamPresetSchema)),
  "prompts.deletePreset": procedure(z.object({ name: z.string().min(1) }).strict(), z.array(ParamPresetSchema)),
  /** Playground runs, newest first. */
  "prompts.history": procedure(z.object({ limit: z.number().int().min(1).optional() }).strict(), z.array(HistoryEntrySchema)),
  "prompts.addHistory": procedure(AddHistoryRequestSchema, HistoryEntrySchema),
  "prompts.clearHistory": procedure(none, z.object({})),
  /** Rows of a dataset file as strings, to fill a prompt's variables. */
  "prompts.datasetRows": procedure(DatasetRowsRequestSchema, DatasetRowsSchema),
  /** The exact prompt a model will receive with a template (the model's own, a chosen one, custom Jinja). */
  "prompts.preview": procedure(PromptPreviewRequestSchema, PromptPreviewSchema),

  /** Each tokenizer's tokens for a text (loaded vocab-only), with counts and costs. */
  "tokenize.text": procedure(TokenizeRequestSchema, TokenizeResultSchema),
  /** The languages of a parallel corpus folder and their sentence counts. */
  "tokenize.inspectCorpus": procedure(z.object({ dir: z.string().min(1) }).strict(), CorpusInfoSchema),
  /** Fertility per language per tokenizer over a parallel corpus; progress as `tokenize.corpusProgress`. */
  "tokenize.corpus": procedure(FertilityRequestSchema, FertilityReportSchema),
  "tokenize.cancelCorpus": procedure(z.object({ jobId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),

  /** The session comparisons are saved in, with its file's path (every token: can be large; see session.describe). */
  "session.current": procedure(none, z.object({ path: z.string(), session: SessionFileSchema })),
  /** The current session without tokens, how it was opened (migrated, unreadable). */
  "session.describe": procedure(none, CurrentSessionSchema),
  /** One comparison of the current session, with its tokens. */
  "session.comparison": procedure(z.object({ id: z.string().min(1) }).strict(), ComparisonSchema),
  /** Recent sessions and those in the workspace's `sessions/` folder. */
  "session.list": procedure(none, SessionListSchema),
  /** Makes another session file the current one (a file that cannot be read is refused, naming it). */
  "session.open": procedure(z.object({ path: z.string().min(1) }).strict(), CurrentSessionSchema),
  "session.create": procedure(z.object({ title: z.string().trim().min(1, "a title") }).strict(), CurrentSessionSchema),
  "session.setNotes": procedure(SetNotesRequestSchema, z.object({})),
  /** Refers to an eval run from the session, keeping its results as they are now. */
  "session.linkEvalRun": procedure(z.object({ runId: z.string().min(1) }).strict(), EvalRunRefSchema),
  "session.unlinkEvalRun": procedure(z.object({ runId: z.string().min(1) }).strict(), z.object({})),
  /** The current session's raters, their agreement (Cohen's or Fleiss' kappa) and conflicts. */
  "session.agreement": procedure(none, AgreementReportSchema),
  /** Each model the session names, found among the local models by sha256, then by name, or missing. */
  "session.matchModels": procedure(none, z.array(ModelMatchSchema)),
  /** Reruns comparisons on the matched local models; progress as `session.replayProgress`. */
  "session.replay": procedure(ReplayRequestSchema, ReplayReportSchema),
  "session.cancelReplay": procedure(z.object({ jobId: z.string() }).strict(), z.object({ cancelled: z.boolean() })),
  /** Merges raters' copies of a session into a new file (and opens it unless `open` is false). */
  "session.merge": procedure(MergeRequestSchema, z.object({ path: z.string(), report: MergeReportSchema, leaderboard: LeaderboardSchema })),
  /** The current session as one self-contained HTML file. */
  "session.exportHtml": procedure(none, ExportedFileSchema),
} as const;

export const events = {
  /** A full snapshot of the workspace's models after any change (main owns the state). */
  "models.changed": z.array(ModelInfoSchema),
  "generation.tokens": GenerationTokensEventSchema,
  "generation.done": GenerationDoneEventSchema,
  "compare.finished": CompareFinishedEventSchema,
  "compare.voted": VotedEventSchema,
  /** The current session was switched, or its notes or eval-run references changed. */
  "session.changed": SessionChangedEventSchema,
  "session.replayProgress": ReplayProgressEventSchema,
  "eval.progress": EvalProgressEventSchema,
  "eval.finished": EvalFinishedEventSchema,
  "tokenize.corpusProgress": FertilityProgressEventSchema,
} as const;

export type Procedures = typeof procedures;
export type Method = keyof Procedures;
export type Params<M extends Method> = z.input<Procedures[M]["input"]>;
export type ParsedParams<M extends Method> = z.output<Procedures[M]["input"]>;
export type Result<M extends Method> = z.output<Procedures[M]["output"]>;

export type Events = typeof events;
export type Topic = keyof Events;
export type EventPayload<T extends Topic> = z.output<Events[T]>;

/** What a service implements: one async function per procedure, given already-validated input. */
export type Handlers = { [M in Method]: (params: ParsedParams<M>, context: CallContext) => Promise<z.input<Procedures[M]["output"]>> };

/** Who is calling; transports fill it in. */
export interface CallContext {
  connectionId: string;
  readOnly: boolean;
}
