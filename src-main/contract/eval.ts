/**
 * Evaluation: per-language benchmark runs (tasks × languages × checkpoints) scored through
 * llama.cpp, their per-item results and summaries, runs imported from lm-evaluation-harness, and
 * the resource tiers the gap analysis groups languages by.
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";
import { LanguageCodeSchema } from "./language-code";

export const EVAL_TASK_NAMES = ["xcopa", "belebele", "xstorycloze", "mmmlu", "xnli", "pawsx", "flores", "tydiqa", "perplexity", "custom"] as const;
export const EvalTaskNameSchema = z.enum(EVAL_TASK_NAMES);
export type EvalTaskName = z.infer<typeof EvalTaskNameSchema>;

export type TaskKind = "multiple_choice" | "generation" | "perplexity";

export interface MetricInfo {
  name: string;
  label: string;
  higherIsBetter: boolean;
  /** Shown ×100 (accuracy, F1) or as is (chrF, BLEU and perplexities are already on their scale). */
  percent: boolean;
}

export const METRICS: Record<string, MetricInfo> = {
  acc: { name: "acc", label: "Accuracy", higherIsBetter: true, percent: true },
  acc_norm: { name: "acc_norm", label: "Accuracy (length-normalised)", higherIsBetter: true, percent: true },
  chrf: { name: "chrf", label: "chrF", higherIsBetter: true, percent: false },
  "chrf++": { name: "chrf++", label: "chrF++", higherIsBetter: true, percent: false },
  bleu: { name: "bleu", label: "BLEU", higherIsBetter: true, percent: false },
  f1: { name: "f1", label: "F1", higherIsBetter: true, percent: true },
  exact_match: { name: "exact_match", label: "Exact match", higherIsBetter: true, percent: true },
  bits_per_byte: { name: "bits_per_byte", label: "Bits per byte", higherIsBetter: false, percent: false },
  byte_perplexity: { name: "byte_perplexity", label: "Byte perplexity", higherIsBetter: false, percent: false },
  token_perplexity: { name: "token_perplexity", label: "Token perplexity", higherIsBetter: false, percent: false },
  ppl: { name: "ppl", label: "Perplexity (llama-perplexity)", higherIsBetter: false, percent: false },
};

/** What a metric name means; unknown names (from imports) are shown as they are, higher is better. */
export function metricInfo(name: string): MetricInfo {
  return METRICS[name] ?? { name, label: name, higherIsBetter: true, percent: false };
}

export interface TaskInfo {
  name: EvalTaskName;
  label: string;
  kind: TaskKind;
  /** Metrics in the summary; the first is the headline. */
  metrics: string[];
  /** What `data` points at, in the dataset's published layout. */
  dataHint: string;
}

const MC = ["acc", "acc_norm"];
export const TASKS: Record<EvalTaskName, TaskInfo> = {
  xcopa: { name: "xcopa", label: "XCOPA", kind: "multiple_choice", metrics: MC, dataHint: "the repository's data/ folder with {lang}/test.{lang}.jsonl" },
  belebele: { name: "belebele", label: "Belebele", kind: "multiple_choice", metrics: MC, dataHint: "a folder of {code}.jsonl (or .parquet) files, one per language" },
  xstorycloze: { name: "xstorycloze", label: "XStoryCloze", kind: "multiple_choice", metrics: MC, dataHint: "a folder of spring2016.val.{lang}.tsv.split_20_80_eval.tsv files" },
  mmmlu: { name: "mmmlu", label: "MMMLU", kind: "multiple_choice", metrics: MC, dataHint: "openai/MMMLU's test/ folder of mmlu_{XX_YY}.csv files" },
  xnli: { name: "xnli", label: "XNLI", kind: "multiple_choice", metrics: MC, dataHint: "XNLI-1.0's xnli.test.tsv, or a folder of {lang}/test*.parquet" },
  pawsx: { name: "pawsx", label: "PAWS-X", kind: "multiple_choice", metrics: MC, dataHint: "x-final/ with {lang}/test_2k.tsv, or a folder of {lang}/test*.parquet" },
  flores: { name: "flores", label: "FLORES-200 translation", kind: "generation", metrics: ["chrf", "chrf++", "bleu"], dataHint: "the folder of {code}.devtest (and {code}.dev for shots) files" },
  tydiqa: { name: "tydiqa", label: "TyDiQA-GoldP", kind: "generation", metrics: ["f1", "exact_match"], dataHint: "a folder of tydiqa-goldp-*-{language}.json files (SQuAD format)" },
  perplexity: { name: "perplexity", label: "Perplexity", kind: "perplexity", metrics: ["bits_per_byte", "byte_perplexity", "token_perplexity"], dataHint: "a folder of {code}.txt or {code}.devtest files, or one text file" },
  custom: { name: "custom", label: "Custom (JSON/YAML spec)", kind: "multiple_choice", metrics: MC, dataHint: "a .json/.yaml task spec naming its data file(s)" },
};

/** A translation direction in Flores-200 codes, e.g. `eng_Latn-swh_Latn`. */
export const LanguagePairSchema = z.string().regex(/^[a-z]{3}_[A-Z][a-z]{3}-[a-z]{3}_[A-Z][a-z]{3}$/, "a pair such as eng_Latn-swh_Latn");

export const TaskRequestSchema = z.object({
  task: EvalTaskNameSchema,
  /** The dataset as published (see TASKS[task].dataHint); for `custom`, the spec file. */
  data: z.string().min(1),
  /** Flores-200 codes; empty: every language the data holds. */
  langs: z.array(LanguageCodeSchema).default([]),
  /** Translation directions (flores only). */
  pairs: z.array(LanguagePairSchema).default([]),
  shots: z.number().int().min(0).max(32).default(0),
  /** At most this many items per language. */
  limit: z.number().int().min(1).nullable().default(null),
  /** Perplexity: tokens per window (llama-perplexity's -c); null: the model's training context, at most 2048. */
  ctx: z.number().int().min(16).nullable().default(null),
  /** Perplexity: llama-perplexity's chunking and scoring instead of per-document bits per byte. */
  llamaCompat: z.boolean().default(false),
});
export type TaskRequest = z.infer<typeof TaskRequestSchema>;
export type TaskRequestInput = z.input<typeof TaskRequestSchema>;

export const EvalRunRequestSchema = z.object({
  name: z.string().max(200).default(""),
  tasks: z.array(TaskRequestSchema).min(1),
  /** Workspace model ids (the app) — the CLI passes files. */
  models: z.array(z.string().min(1)).min(1),
  /** Shot selection and anything else random. Same seed and settings, same numbers. */
  seed: z.number().int().default(1234),
  /** Items scored at once per model, each on its own context sequence (llama.cpp batches them). */
  parallel: z.number().int().min(1).max(16).default(4),
  /** Tokens per sequence; null: enough for the longest item, at most the model's training context. */
  contextSize: z.number().int().min(64).nullable().default(null),
  /** Generation tasks stop at a newline or after this many tokens. */
  maxNewTokens: z.number().int().min(1).max(2048).default(128),
});
export type EvalRunRequest = z.infer<typeof EvalRunRequestSchema>;
export type EvalRunRequestInput = z.input<typeof EvalRunRequestSchema>;

export const EvalModelSchema = z.object({
  /** The name items and summaries use: the file's name without .gguf, made unique within the run. */
  label: z.string(),
  path: z.string(),
  sha256: z.string().nullable(),
});
export type EvalModel = z.infer<typeof EvalModelSchema>;

export const RUN_FORMAT = "polyglot-eval-run";
export const RUN_VERSION = 1;
export const RunSourceSchema = z.enum(["local", "lm-eval"]);

/** `run.json` in a run's folder: what was asked, so a rerun on the folder resumes the same work. */
export const RunManifestSchema = z.object({
  format: z.literal(RUN_FORMAT),
  version: z.number().int(),
  id: z.string(),
  name: z.string(),
  source: RunSourceSchema,
  createdAt: z.string(),
  tasks: z.array(TaskRequestSchema),
  models: z.array(EvalModelSchema),
  seed: z.number().int(),
  maxNewTokens: z.number().int(),
  /** lm-eval imports: the files they came from. */
  importedFrom: z.array(z.string()).default([]),
});
export type RunManifest = z.infer<typeof RunManifestSchema>;

/**
 * One line of `items.jsonl`: one scored item of one task, language and model. Lines are appended
 * as items finish and never rewritten; (task, lang, model, id) is unique.
 */
export const ItemRecordSchema = z.object({
  task: z.string(),
  /** A Flores-200 code, or `src-tgt` for translation. */
  lang: z.string(),
  model: z.string(),
  id: z.string(),
  /** What the model was given (multiple choice: the shared context; generation: the whole prompt). */
  prompt: z.string(),
  /** Multiple choice: each choice as appended to the prompt. */
  choices: z.array(z.string()).optional(),
  /** Multiple choice: sum of the log-probabilities (natural log) of each choice's tokens. */
  choices_logprob: z.array(z.number()).optional(),
  /** Multiple choice: how many tokens each choice took. */
  choices_tokens: z.array(z.number().int()).optional(),
  /** Multiple choice: argmax of choices_logprob, and of choices_logprob / characters (acc_norm). */
  pick: z.number().int().optional(),
  pick_norm: z.number().int().optional(),
  gold: z.number().int().optional(),
  correct: z.boolean().optional(),
  /** Generation: the model's output and the reference(s). */
  hypothesis: z.string().optional(),
  references: z.array(z.string()).optional(),
  /** Perplexity: the text's total log-probability (nats), its scored tokens and UTF-8 bytes. */
  logprob: z.number().optional(),
  tokens: z.number().int().optional(),
  bytes: z.number().int().optional(),
  /** The item's headline number: sentence chrF, F1, or the log-probability. */
  score: z.number().optional(),
  /** Per-item values of the task's metrics (acc, acc_norm, chrf, f1, exact_match…), for CIs and paired tests. */
  metrics: z.record(z.string(), z.number()),
});
export type ItemRecord = z.infer<typeof ItemRecordSchema>;

export const MetricValueSchema = z.object({
  value: z.number(),
  /** 95 % bootstrap interval over items (1000 resamples, the run's seed); null when n < 2. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
});
export type MetricValue = z.infer<typeof MetricValueSchema>;

export const SummaryRowSchema = z.object({
  task: z.string(),
  lang: z.string(),
  model: z.string(),
  n: z.number().int(),
  metrics: z.record(z.string(), MetricValueSchema),
  /** sacreBLEU-style signatures of the corpus metrics (flores), by metric name. */
  signatures: z.record(z.string(), z.string()).default({}),
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;

export const RunStatusSchema = z.enum(["running", "done", "cancelled", "failed", "interrupted"]);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const ProgressRowSchema = z.object({
  task: z.string(),
  lang: z.string(),
  model: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** This row's items per second over the last minute (0 when it is not being scored). */
  itemsPerSecond: z.number().default(0),
  etaSeconds: z.number().nullable().default(null),
});
export type ProgressRow = z.infer<typeof ProgressRowSchema>;

/** `summary.json`: per task, language and model. Rewritten (atomically) as the run goes. */
export const RunSummarySchema = z.object({
  runId: z.string(),
  status: RunStatusSchema,
  updatedAt: z.string(),
  rows: z.array(SummaryRowSchema),
  /** Why the run failed (status "failed"). */
  error: AppErrorDataSchema.nullable().default(null),
  /** Items per task, language and model (done as of `updatedAt`), so a stopped run shows what is left. */
  progress: z.array(ProgressRowSchema).default([]),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** Items finished per second over the last minute of this session (resumed items not counted). */
  itemsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  rows: z.array(ProgressRowSchema),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;

export const RunInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: RunSourceSchema,
  dir: z.string(),
  createdAt: z.string(),
  status: RunStatusSchema,
  tasks: z.array(z.string()),
  models: z.array(z.string()),
  langs: z.array(z.string()),
  progress: RunProgressSchema,
  error: AppErrorDataSchema.nullable(),
});
export type RunInfo = z.infer<typeof RunInfoSchema>;

export const EvalProgressEventSchema = z.object({ runId: z.string(), progress: RunProgressSchema });
export const EvalFinishedEventSchema = z.object({ run: RunInfoSchema });

export const InspectDataRequestSchema = z.object({ task: EvalTaskNameSchema, data: z.string().min(1) });
export const InspectDataResultSchema = z.object({
  /** Languages found, with their item counts. */
  langs: z.array(z.object({ lang: z.string(), items: z.number().int() })),
});

export const ItemsRequestSchema = z.object({
  runId: z.string(),
  task: z.string(),
  lang: z.string().nullable().default(null),
  model: z.string().nullable().default(null),
  /** Only items whose prompt, choices, hypothesis or id contain this text. */
  query: z.string().default(""),
  outcome: z.enum(["all", "correct", "wrong"]).default("all"),
  /** `id` order, or by the headline score (ascending: worst first). */
  sort: z.enum(["id", "score"]).default("id"),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ItemsRequest = z.infer<typeof ItemsRequestSchema>;
export const ItemsPageSchema = z.object({ total: z.number().int(), items: z.array(ItemRecordSchema) });
export type ItemsPage = z.infer<typeof ItemsPageSchema>;

export const CheckpointRefSchema = z.object({ runId: z.string(), model: z.string() });
export type CheckpointRef = z.infer<typeof CheckpointRefSchema>;

export const DeltaRequestSchema = z.object({
  task: z.string(),
  metric: z.string(),
  baseline: CheckpointRefSchema,
  others: z.array(CheckpointRefSchema).min(1),
  seed: z.number().int().default(1234),
});
export type DeltaRequest = z.infer<typeof DeltaRequestSchema>;

export const DeltaRowSchema = z.object({
  lang: z.string(),
  checkpoint: CheckpointRefSchema,
  /** Items both checkpoints answered (matched by id). */
  n: z.number().int(),
  baseline: z.number(),
  value: z.number(),
  delta: z.number(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** Two-sided paired test (paired bootstrap of the per-item differences); null when n < 2. */
  pValue: z.number().nullable(),
});
export type DeltaRow = z.infer<typeof DeltaRowSchema>;

export const TierSchema = z.object({ name: z.string().trim().min(1), langs: z.array(LanguageCodeSchema) });
export const TierSetSchema = z.object({ tiers: z.array(TierSchema).min(1).max(8) });
export type Tier = z.infer<typeof TierSchema>;
export type TierSet = z.infer<typeof TierSetSchema>;

/** Marco-LLM's 29 languages (FLORES codes), in two tiers after Joshi et al. (2020): classes 4–5 vs 0–3. */
export const MARCO_LLM_TIERS: TierSet = {
  tiers: [
    {
      name: "High-resource",
      langs: ["eng_Latn", "zho_Hans", "arb_Arab", "deu_Latn", "spa_Latn", "fra_Latn", "jpn_Jpan", "rus_Cyrl", "kor_Hang", "por_Latn", "ita_Latn", "nld_Latn", "pol_Latn", "tur_Latn", "vie_Latn", "ces_Latn", "hun_Latn"],
    },
    {
      name: "Low-resource",
      langs: ["ind_Latn", "tha_Thai", "ukr_Cyrl", "heb_Hebr", "ell_Grek", "ron_Latn", "ben_Beng", "urd_Arab", "zsm_Latn", "kaz_Cyrl", "azj_Latn", "npi_Deva"],
    },
  ],
};

export const EvalExportRequestSchema = z.object({
  runId: z.string(),
  what: z.enum(["summary", "items"]),
  task: z.string().nullable().default(null),
});
