/**
 * Preference data from votes, for training and for analysis elsewhere:
 *  - "dpo": JSONL in the standard (non-conversational) preference format of Hugging Face TRL's
 *    DPOTrainer — `prompt`, `chosen`, `rejected` as strings;
 *  - "dpo-chat": TRL's conversational preference format — `prompt` a list of messages, `chosen`
 *    and `rejected` one assistant message each, for the trainer to apply its own chat template;
 *  - "csv": one row per vote, every verdict, for spreadsheets and pandas.
 * Every DPO record carries a `metadata` object (ids, languages, models, sampling parameters, rater)
 * so a dataset can be filtered or audited later; DPOTrainer drops columns it does not use
 * (remove_unused_columns, on by default).
 */
import { stringify } from "csv-stringify/sync";
import type { ExportedFile, ExportRequest } from "../../../contract/compare";
import type { ChatMessage, SamplingParams } from "../../../contract/generation";
import type { Comparison, ModelIdentity, PaneRecord, PromptSpec, Vote } from "../../../contract/session";
import { voteLanguage, votePanes } from "../vote-panes";

export const DPO_FILE = "preferences.dpo.jsonl";
export const DPO_CHAT_FILE = "preferences.dpo-chat.jsonl";
export const TIES_FILE = "preferences.ties.jsonl";
export const CSV_FILE = "votes.csv";
export const JSONL_MEDIA_TYPE = "application/jsonl";
export const CSV_MEDIA_TYPE = "text/csv";

export const CSV_COLUMNS = [
  "comparison_id", "vote_id", "created_at", "rater", "prompt_language", "response_language", "prompt",
  "model_a", "sha256_a", "model_b", "sha256_b", "output_a", "output_b", "winner", "winner_model", "note", "blind",
] as const;

type Format = ExportRequest["format"];
type DpoFormat = Exclude<Format, "csv">;
type Message = Pick<ChatMessage, "role" | "content">;

/** A vote read against its comparison: the two panes it compared. */
interface VoteContext {
  comparison: Comparison;
  vote: Vote;
  a: PaneRecord;
  b: PaneRecord;
}

export function exportPreferences(comparisons: readonly Comparison[], request: ExportRequest): ExportedFile[] {
  const votes = comparisons.flatMap((comparison) =>
    comparison.votes.map((vote): VoteContext => {
      const [a, b] = votePanes(comparison, vote);
      return { comparison, vote, a, b };
    }));
  // A CSV row can hold any verdict in its `winner` column, so ties stay in the one file and the
  // `ties` option (which exists because DPO records need a chosen answer) does not apply.
  if (request.format === "csv") return [csvFile(votes)];
  const format = request.format;

  const decided = votes.filter(({ vote }) => vote.winner === "a" || vote.winner === "b");
  const files = [jsonlFile(format === "dpo" ? DPO_FILE : DPO_CHAT_FILE, decided.map((context) => preferenceRecord(context, format)))];
  if (request.ties === "separate") {
    // Always present when asked for, even with no ties, so callers need not special-case it.
    const undecided = votes.filter(({ vote }) => vote.winner === "tie" || vote.winner === "both-bad");
    files.push(jsonlFile(TIES_FILE, undecided.map((context) => tieRecord(context, format))));
  }
  return files;
}

/** prompt / chosen / rejected for a vote with a winner. */
function preferenceRecord(context: VoteContext, format: DpoFormat) {
  const { vote, a, b } = context;
  const [chosen, rejected] = vote.winner === "a" ? [a, b] : [b, a];
  return {
    prompt: format === "dpo" ? promptText(context.comparison.prompt, chosen) : promptMessages(context.comparison.prompt),
    chosen: response(chosen, format),
    rejected: response(rejected, format),
    metadata: {
      ...voteMetadata(context),
      chosen_model: modelSummary(chosen.model),
      rejected_model: modelSummary(rejected.model),
      chosen_params: chosen.params satisfies SamplingParams,
      rejected_params: rejected.params satisfies SamplingParams,
      ...raterMetadata(vote),
    },
  };
}

/**
 * A tie or both-bad vote: both responses and the verdict, with no chosen side (for trainers that
 * take unpaired or graded feedback, or for review). In the standard format a chat prompt is pane A's
 * rendering — A stands in for "chosen", as the file needs one prompt string.
 */
function tieRecord(context: VoteContext, format: DpoFormat) {
  const { vote, a, b } = context;
  return {
    prompt: format === "dpo" ? promptText(context.comparison.prompt, a) : promptMessages(context.comparison.prompt),
    response_a: response(a, format),
    response_b: response(b, format),
    verdict: vote.winner,
    metadata: {
      ...voteMetadata(context),
      model_a: modelSummary(a.model),
      model_b: modelSummary(b.model),
      params_a: a.params satisfies SamplingParams,
      params_b: b.params satisfies SamplingParams,
      ...raterMetadata(vote),
    },
  };
}

function voteMetadata({ comparison, vote }: VoteContext) {
  return {
    comparison_id: comparison.id,
    vote_id: vote.id,
    prompt_language: voteLanguage(comparison, vote),
    response_language: vote.responseLanguage,
  };
}

function raterMetadata(vote: Vote) {
  return { rater: vote.rater, note: vote.note, created_at: vote.createdAt, blind: vote.blind };
}

function modelSummary(model: ModelIdentity) {
  return { name: model.name, sha256: model.sha256 };
}

/**
 * The prompt as one string. For a chat comparison that is the chosen pane's rendered prompt: the
 * exact text (chat template applied) its model continued, so `prompt + chosen` is what that
 * model produced. The rejected pane's model may have used another template; its rendering is not
 * in this format (use "dpo-chat" to let the trainer apply one template to both).
 */
function promptText(prompt: PromptSpec, pane: PaneRecord): string {
  return prompt.mode === "completion" ? prompt.text : pane.output.renderedPrompt;
}

/** The prompt as chat messages; a completion prompt becomes a single user message. */
function promptMessages(prompt: PromptSpec): Message[] {
  return prompt.mode === "completion"
    ? [{ role: "user", content: prompt.text }]
    : prompt.messages.map(({ role, content }) => ({ role, content }));
}

function response(pane: PaneRecord, format: DpoFormat): string | Message[] {
  return format === "dpo" ? pane.output.text : [{ role: "assistant", content: pane.output.text }];
}

/** One JSON object per line; JSON.stringify escapes newlines inside strings, so a record is one line. */
function jsonlFile(name: string, records: unknown[]): ExportedFile {
  return {
    name,
    mediaType: JSONL_MEDIA_TYPE,
    content: records.map((record) => `${JSON.stringify(record)}\n`).join(""),
    records: records.length,
  };
}

/**
 * csv-stringify quotes fields holding commas, quotes or line breaks (RFC 4180). The content is a JS
 * string, written as UTF-8 without a byte-order mark: pandas and csv readers take it as is (Excel
 * needs "Data → From Text" with UTF-8 to show non-Latin scripts).
 */
function csvFile(votes: VoteContext[]): ExportedFile {
  const rows = votes.map(({ comparison, vote, a, b }): Record<(typeof CSV_COLUMNS)[number], string> => ({
    comparison_id: comparison.id,
    vote_id: vote.id,
    created_at: vote.createdAt,
    rater: vote.rater,
    prompt_language: voteLanguage(comparison, vote) ?? "",
    response_language: vote.responseLanguage ?? "",
    prompt: comparison.prompt.mode === "completion"
      ? comparison.prompt.text
      : comparison.prompt.messages.map(({ role, content }) => `${role}: ${content}`).join("\n"),
    model_a: a.model.name,
    sha256_a: a.model.sha256 ?? "",
    model_b: b.model.name,
    sha256_b: b.model.sha256 ?? "",
    output_a: a.output.text,
    output_b: b.output.text,
    winner: vote.winner,
    winner_model: vote.winner === "a" ? a.model.name : vote.winner === "b" ? b.model.name : "",
    note: vote.note,
    // Spelled out: csv-stringify would write booleans as "1" and "".
    blind: vote.blind ? "true" : "false",
  }));
  return {
    name: CSV_FILE,
    mediaType: CSV_MEDIA_TYPE,
    content: stringify(rows, { header: true, columns: [...CSV_COLUMNS] }),
    records: rows.length,
  };
}
