import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ExportRequestSchema, ExportedFileSchema, type ExportRequest } from "../../../contract/compare";
import { AppError } from "../../../contract/errors";
import type { Comparison, PaneRecord, Vote } from "../../../contract/session";
import { makeComparison } from "../../../test-support/comparison-factory";
import { CSV_COLUMNS, exportPreferences } from "./preference-export";

const SHA_A = "a".repeat(64);
const SHA_C = "c".repeat(64);

// Text that breaks naive CSV and JSONL writers: separators, quotes, line breaks of both kinds,
// right-to-left script, CJK, emoji (a surrogate pair) and a JS-only line separator (U+2028).
const TRICKY_PROMPT = 'Translate, "carefully":\nالسلام عليكم, 你好 👋';
const TRICKY_A = 'مرحبا، "صديقي"\r\nكيف حالك؟';
const TRICKY_B = "你好，朋友，\n\"欢迎\" 🎉\u2028end";

/** A completion comparison with three panes and one vote of each verdict, varied metadata. */
function completionComparison(): Comparison {
  return makeComparison({
    id: "cmp-completion",
    language: "arb_Arab",
    prompt: TRICKY_PROMPT,
    panes: [
      { name: "arabic-ft", sha256: SHA_A, text: TRICKY_A, params: { temperature: 0.2, stop: ["\n\n"] } },
      { name: "base, v1", text: TRICKY_B, params: { temperature: 0.9, seed: 7 } },
      { name: "third", sha256: SHA_C, text: "plain text" },
    ],
    votes: [
      { winner: "a", rater: "Amira", note: 'A is better, "much"', responseLanguage: "arb_Arab", blind: true },
      { winner: "b", pair: [2, 1], rater: "Li Wei", language: "zho_Hans", responseLanguage: "zho_Hans" },
      { winner: "tie", pair: [0, 2], rater: "Amira", note: "same" },
      { winner: "both-bad", pair: [1, 0], rater: "Li Wei", note: "both wrong,\nsee log" },
    ],
  });
}

/** A chat comparison whose panes rendered the prompt differently (different chat templates). */
function chatComparison(): Comparison {
  return makeComparison({
    id: "cmp-chat",
    language: "swh_Latn",
    prompt: {
      mode: "chat",
      messages: [
        { role: "system", content: "Jibu kwa Kiswahili." },
        { role: "user", content: "Habari, unaitwa nani?" },
      ],
    },
    panes: [
      { name: "chatml-model", text: "Naitwa Msaidizi.", renderedPrompt: "<|im_start|>system\nJibu kwa Kiswahili.<|im_end|>\n<|im_start|>user\nHabari, unaitwa nani?<|im_end|>\n<|im_start|>assistant\n" },
      { name: "llama3-model", sha256: SHA_C, text: "Jina langu ni Llama.", renderedPrompt: "<|start_header_id|>system<|end_header_id|>\n\nJibu kwa Kiswahili.<|eot_id|>..." },
    ],
    votes: [
      { winner: "b", rater: "Juma", blind: true },
      { winner: "a", rater: "Juma", note: "shorter" },
      { winner: "tie", rater: "Juma" },
    ],
  });
}

const request = (input: { format: ExportRequest["format"]; ties?: ExportRequest["ties"] }) => ExportRequestSchema.parse(input);

/** Parses JSONL, checking the framing: every record one line, each line ending in "\n". */
function readJsonl(content: string): Record<string, unknown>[] {
  if (content === "") return [];
  expect(content.endsWith("\n")).toBe(true);
  return content.slice(0, -1).split("\n").map((line) => JSON.parse(line));
}

/** Every vote of these comparisons, with the panes it compared. */
function allVotes(comparisons: Comparison[]) {
  return comparisons.flatMap((comparison) => comparison.votes.map((vote) => ({
    comparison, vote, a: comparison.panes[vote.pair[0]], b: comparison.panes[vote.pair[1]],
  })));
}

function expectedCommonMetadata(comparison: Comparison, vote: Vote) {
  return {
    comparison_id: comparison.id,
    vote_id: vote.id,
    prompt_language: vote.promptLanguage ?? comparison.language,
    response_language: vote.responseLanguage,
    rater: vote.rater,
    note: vote.note,
    created_at: vote.createdAt,
    blind: vote.blind,
  };
}

/** A parsed standard-format record, typed only as far as the spot checks need. */
interface DpoRecord {
  prompt: string;
  chosen: string;
  rejected: string;
  metadata: Record<string, unknown> & { vote_id: string };
}

const model = (pane: PaneRecord) => ({ name: pane.model.name, sha256: pane.model.sha256 });

describe("exportPreferences, dpo", () => {
  const comparisons = [completionComparison(), chatComparison()];

  it("writes one TRL standard-format record per vote with a winner, every field from the source", () => {
    const files = exportPreferences(comparisons, request({ format: "dpo" }));
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(ExportedFileSchema.parse(file)).toEqual(file);
    expect(file).toMatchObject({ name: "preferences.dpo.jsonl", mediaType: "application/jsonl" });
    const records = readJsonl(file.content);
    const decided = allVotes(comparisons).filter(({ vote }) => vote.winner === "a" || vote.winner === "b");
    expect(file.records).toBe(decided.length);
    expect(records).toHaveLength(4);

    records.forEach((record, index) => {
      const { comparison, vote, a, b } = decided[index];
      const [chosen, rejected] = vote.winner === "a" ? [a, b] : [b, a];
      expect(Object.keys(record).sort()).toEqual(["chosen", "metadata", "prompt", "rejected"]);
      expect(record.prompt).toBe(comparison.prompt.mode === "completion" ? comparison.prompt.text : chosen.output.renderedPrompt);
      expect(record.chosen).toBe(chosen.output.text);
      expect(record.rejected).toBe(rejected.output.text);
      expect(record.metadata).toStrictEqual({
        ...expectedCommonMetadata(comparison, vote),
        chosen_model: model(chosen),
        rejected_model: model(rejected),
        chosen_params: chosen.params,
        rejected_params: rejected.params,
      });
    });
  });

  it("spot-checks the records by hand: texts, winners, languages and the chosen pane's rendered prompt", () => {
    const records = readJsonl(exportPreferences(comparisons, request({ format: "dpo" }))[0].content) as unknown as DpoRecord[];
    expect(records.map((record) => record.metadata.vote_id)).toEqual([
      "cmp-completion-vote-1", "cmp-completion-vote-2", "cmp-chat-vote-1", "cmp-chat-vote-2",
    ]);
    expect(records[0]).toMatchObject({ prompt: TRICKY_PROMPT, chosen: TRICKY_A, rejected: TRICKY_B });
    expect(records[0].metadata).toMatchObject({
      prompt_language: "arb_Arab", response_language: "arb_Arab", rater: "Amira", note: 'A is better, "much"', blind: true,
      chosen_model: { name: "arabic-ft", sha256: SHA_A }, rejected_model: { name: "base, v1", sha256: null },
    });
    expect(records[0].metadata.chosen_params).toMatchObject({ temperature: 0.2, stop: ["\n\n"] });
    expect(records[0].metadata.rejected_params).toMatchObject({ temperature: 0.9, seed: 7 });
    // pair [2, 1], winner b: pane 1 ("base, v1") was chosen over pane 2 ("third"); the vote's language wins.
    expect(records[1]).toMatchObject({ chosen: TRICKY_B, rejected: "plain text" });
    expect(records[1].metadata).toMatchObject({ prompt_language: "zho_Hans", chosen_model: { name: "base, v1" }, rejected_model: { name: "third", sha256: SHA_C } });
    // Chat: the prompt is the rendering of the pane that won.
    expect(records[2].prompt).toMatch(/^<\|start_header_id\|>system/);
    expect(records[2]).toMatchObject({ chosen: "Jina langu ni Llama.", rejected: "Naitwa Msaidizi." });
    expect(records[3].prompt).toMatch(/^<\|im_start\|>system/);
    expect(records[3].metadata).toMatchObject({ prompt_language: "swh_Latn", response_language: null, note: "shorter", blind: false });
  });

  it("keeps each record on one line even when texts hold line breaks and U+2028", () => {
    const { content } = exportPreferences(comparisons, request({ format: "dpo" }))[0];
    expect(content.split("\n")).toHaveLength(4 + 1);
    expect(readJsonl(content)[0].rejected).toBe(TRICKY_B);
  });
});

describe("exportPreferences, dpo-chat", () => {
  const comparisons = [completionComparison(), chatComparison()];

  it("writes TRL conversational records: prompt messages, one assistant message per side", () => {
    const [file] = exportPreferences(comparisons, request({ format: "dpo-chat" }));
    expect(file).toMatchObject({ name: "preferences.dpo-chat.jsonl", mediaType: "application/jsonl", records: 4 });
    const records = readJsonl(file.content);
    const decided = allVotes(comparisons).filter(({ vote }) => vote.winner === "a" || vote.winner === "b");
    records.forEach((record, index) => {
      const { comparison, vote, a, b } = decided[index];
      const [chosen, rejected] = vote.winner === "a" ? [a, b] : [b, a];
      expect(record.chosen).toStrictEqual([{ role: "assistant", content: chosen.output.text }]);
      expect(record.rejected).toStrictEqual([{ role: "assistant", content: rejected.output.text }]);
      expect(record.metadata).toStrictEqual({
        ...expectedCommonMetadata(comparison, vote),
        chosen_model: model(chosen), rejected_model: model(rejected), chosen_params: chosen.params, rejected_params: rejected.params,
      });
    });
    // A completion prompt becomes one user message; a chat prompt keeps its messages (without the template).
    expect(records[0].prompt).toStrictEqual([{ role: "user", content: TRICKY_PROMPT }]);
    expect(records[2].prompt).toStrictEqual([
      { role: "system", content: "Jibu kwa Kiswahili." },
      { role: "user", content: "Habari, unaitwa nani?" },
    ]);
  });
});

describe("exportPreferences, ties", () => {
  const comparisons = [completionComparison(), chatComparison()];
  const undecided = allVotes(comparisons).filter(({ vote }) => vote.winner === "tie" || vote.winner === "both-bad");

  it("leaves ties and both-bad votes out by default", () => {
    const files = exportPreferences(comparisons, request({ format: "dpo" }));
    expect(files.map((file) => file.name)).toEqual(["preferences.dpo.jsonl"]);
    const verdicts = readJsonl(files[0].content).map((record) => (record.metadata as { vote_id: string }).vote_id);
    for (const { vote } of undecided) expect(verdicts).not.toContain(vote.id);
  });

  it("writes them to a file of their own with both responses and the verdict when asked", () => {
    for (const format of ["dpo", "dpo-chat"] as const) {
      const files = exportPreferences(comparisons, request({ format, ties: "separate" }));
      expect(files.map((file) => file.name)).toEqual([format === "dpo" ? "preferences.dpo.jsonl" : "preferences.dpo-chat.jsonl", "preferences.ties.jsonl"]);
      expect(files[0].records).toBe(4);
      const ties = files[1];
      expect(ties).toMatchObject({ mediaType: "application/jsonl", records: undecided.length });
      const records = readJsonl(ties.content);
      expect(records).toHaveLength(3);
      records.forEach((record, index) => {
        const { comparison, vote, a, b } = undecided[index];
        expect(Object.keys(record).sort()).toEqual(["metadata", "prompt", "response_a", "response_b", "verdict"]);
        expect(record.verdict).toBe(vote.winner);
        if (format === "dpo") {
          expect(record.prompt).toBe(comparison.prompt.mode === "completion" ? comparison.prompt.text : a.output.renderedPrompt);
          expect(record.response_a).toBe(a.output.text);
          expect(record.response_b).toBe(b.output.text);
        } else {
          expect(record.prompt).toStrictEqual(comparison.prompt.mode === "completion"
            ? [{ role: "user", content: comparison.prompt.text }]
            : comparison.prompt.messages);
          expect(record.response_a).toStrictEqual([{ role: "assistant", content: a.output.text }]);
          expect(record.response_b).toStrictEqual([{ role: "assistant", content: b.output.text }]);
        }
        expect(record.metadata).toStrictEqual({
          ...expectedCommonMetadata(comparison, vote),
          model_a: model(a), model_b: model(b), params_a: a.params, params_b: b.params,
        });
      });
      expect(records.map((record) => record.verdict)).toEqual(["tie", "both-bad", "tie"]);
      // both-bad on pair [1, 0]: A is pane 1.
      expect(records[1]).toMatchObject({ response_a: format === "dpo" ? TRICKY_B : [{ role: "assistant", content: TRICKY_B }] });
    }
  });

  it("still writes an empty ties file when there are no ties", () => {
    const decisive = makeComparison({ panes: [{ name: "x" }, { name: "y" }], votes: [{ winner: "a" }] });
    const files = exportPreferences([decisive], request({ format: "dpo", ties: "separate" }));
    expect(files[1]).toEqual({ name: "preferences.ties.jsonl", mediaType: "application/jsonl", content: "", records: 0 });
  });
});

describe("exportPreferences, csv", () => {
  const comparisons = [completionComparison(), chatComparison()];

  it("writes every vote, every verdict, and reads back column by column with csv-parse", () => {
    for (const ties of ["exclude", "separate"] as const) {
      const files = exportPreferences(comparisons, request({ format: "csv", ties }));
      // Ties live in the `winner` column: one file whatever the ties option says.
      expect(files).toHaveLength(1);
      const [file] = files;
      expect(file).toMatchObject({ name: "votes.csv", mediaType: "text/csv", records: 7 });
      const rows: string[][] = parse(file.content, { relax_column_count: false });
      expect(rows[0]).toEqual([
        "comparison_id", "vote_id", "created_at", "rater", "prompt_language", "response_language", "prompt",
        "model_a", "sha256_a", "model_b", "sha256_b", "output_a", "output_b", "winner", "winner_model", "note", "blind",
      ]);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      const records: Record<string, string>[] = parse(file.content, { columns: true });
      const votes = allVotes(comparisons);
      expect(records).toHaveLength(votes.length);
      records.forEach((row, index) => {
        const { comparison, vote, a, b } = votes[index];
        expect(row).toStrictEqual({
          comparison_id: comparison.id,
          vote_id: vote.id,
          created_at: vote.createdAt,
          rater: vote.rater,
          prompt_language: vote.promptLanguage ?? comparison.language ?? "",
          response_language: vote.responseLanguage ?? "",
          prompt: comparison.prompt.mode === "completion"
            ? comparison.prompt.text
            : comparison.prompt.messages.map((message) => `${message.role}: ${message.content}`).join("\n"),
          model_a: a.model.name,
          sha256_a: a.model.sha256 ?? "",
          model_b: b.model.name,
          sha256_b: b.model.sha256 ?? "",
          output_a: a.output.text,
          output_b: b.output.text,
          winner: vote.winner,
          winner_model: vote.winner === "a" ? a.model.name : vote.winner === "b" ? b.model.name : "",
          note: vote.note,
          blind: String(vote.blind),
        });
      });
    }
  });

  it("keeps commas, quotes, line breaks, Arabic, Chinese and emoji intact (spot checks)", () => {
    const records: Record<string, string>[] = parse(exportPreferences(comparisons, request({ format: "csv" }))[0].content, { columns: true });
    expect(records[0]).toMatchObject({
      prompt: TRICKY_PROMPT, output_a: TRICKY_A, output_b: TRICKY_B, model_b: "base, v1", sha256_a: SHA_A, sha256_b: "",
      winner: "a", winner_model: "arabic-ft", note: 'A is better, "much"', blind: "true", prompt_language: "arb_Arab",
    });
    expect(records[1]).toMatchObject({ winner: "b", winner_model: "base, v1", prompt_language: "zho_Hans", model_a: "third" });
    expect(records[2]).toMatchObject({ winner: "tie", winner_model: "" });
    expect(records[3]).toMatchObject({ winner: "both-bad", winner_model: "", note: "both wrong,\nsee log", model_a: "base, v1" });
    expect(records[4].prompt).toBe("system: Jibu kwa Kiswahili.\nuser: Habari, unaitwa nani?");
    expect(records[4]).toMatchObject({ prompt_language: "swh_Latn", response_language: "", blind: "true" });
  });

  it("writes only the header when there are no votes", () => {
    const [file] = exportPreferences([makeComparison({ panes: [{ name: "x" }, { name: "y" }] })], request({ format: "csv" }));
    expect(file.records).toBe(0);
    expect(parse(file.content)).toEqual([[...CSV_COLUMNS]]);
  });
});

describe("exportPreferences, edge cases", () => {
  it("exports nothing from no comparisons", () => {
    expect(exportPreferences([], request({ format: "dpo-chat" }))).toEqual([
      { name: "preferences.dpo-chat.jsonl", mediaType: "application/jsonl", content: "", records: 0 },
    ]);
  });

  it("refuses a vote that points past the panes instead of exporting the wrong texts", () => {
    const broken = makeComparison({ id: "broken", panes: [{ name: "x" }, { name: "y" }], votes: [{ pair: [3, 0], winner: "a" }] });
    for (const format of ["dpo", "dpo-chat", "csv"] as const) {
      expect(() => exportPreferences([broken], request({ format }))).toThrow(AppError);
    }
  });
});
