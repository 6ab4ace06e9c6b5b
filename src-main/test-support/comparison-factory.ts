/**
 * Builds valid Comparison objects for tests from only the fields a test cares about. Everything
 * else gets a plausible default, and the result is parsed with ComparisonSchema, so a test can
 * never run on a comparison the app itself could not have saved.
 */
import type { z } from "zod";
import type { SamplingParamsInput } from "../contract/generation";
import { ComparisonSchema, type Comparison, type PromptSpecSchema, type Verdict } from "../contract/session";

export interface PaneFixture {
  name: string;
  /** null (the default) when the file "could not be hashed": the model then goes by its name. */
  sha256?: string | null;
  /** The pane's output; defaults to `<name>'s answer`. */
  text?: string;
  /** The prompt as the model saw it; defaults to the completion text, or a ChatML rendering of the messages. */
  renderedPrompt?: string;
  params?: SamplingParamsInput;
  path?: string;
}

export interface VoteFixture {
  /** Pane indices of A and B; defaults to [0, 1]. */
  pair?: [number, number];
  winner: Verdict;
  /** Defaults to "rater". */
  rater?: string;
  /** The vote's prompt language (null by default: the comparison's language applies). */
  language?: string | null;
  responseLanguage?: string | null;
  note?: string;
  blind?: boolean;
  id?: string;
  createdAt?: string;
}

export interface ComparisonFixture {
  panes: PaneFixture[];
  votes?: VoteFixture[];
  /** A completion prompt as a plain string, or a full prompt spec; defaults to a short completion prompt. */
  prompt?: string | z.input<typeof PromptSpecSchema>;
  /** The comparison's prompt language; null by default. */
  language?: string | null;
  id?: string;
  createdAt?: string;
}

let made = 0;
/** A fixed start so ids and times are the same on every run; each comparison is a minute after the last. */
const EPOCH = Date.UTC(2025, 0, 1);

export function makeComparison(fixture: ComparisonFixture): Comparison {
  made++;
  const id = fixture.id ?? `comparison-${made}`;
  const createdAt = fixture.createdAt ?? new Date(EPOCH + made * 60_000).toISOString();
  const prompt = typeof fixture.prompt === "string" || fixture.prompt === undefined
    ? { mode: "completion" as const, text: fixture.prompt ?? "Translate into French: good morning" }
    : fixture.prompt;
  const defaultRendering = prompt.mode === "completion"
    ? prompt.text
    : prompt.messages.map((message) => `<|im_start|>${message.role}\n${message.content}<|im_end|>\n`).join("") + "<|im_start|>assistant\n";

  return ComparisonSchema.parse({
    id,
    createdAt,
    prompt,
    language: fixture.language ?? null,
    origin: null,
    panes: fixture.panes.map((pane) => ({
      backend: "local",
      model: {
        name: pane.name,
        path: pane.path ?? `/models/${pane.name}.gguf`,
        sha256: pane.sha256 ?? null,
        quantization: "Q4_K_M",
        architecture: "llama",
        parameterCount: 1_000_000,
      },
      params: pane.params ?? {},
      topAlternatives: 0,
      output: {
        text: pane.text ?? `${pane.name}'s answer`,
        tokens: [],
        stats: { promptTokens: 8, generatedTokens: 4, timeToFirstTokenMs: 10, tokensPerSecond: 40, totalMs: 110, stopReason: "eos" },
        renderedPrompt: pane.renderedPrompt ?? defaultRendering,
        error: null,
      },
    })),
    votes: (fixture.votes ?? []).map((vote, index) => ({
      id: vote.id ?? `${id}-vote-${index + 1}`,
      createdAt: vote.createdAt ?? new Date(Date.parse(createdAt) + (index + 1) * 1000).toISOString(),
      rater: vote.rater ?? "rater",
      pair: vote.pair ?? [0, 1],
      winner: vote.winner,
      note: vote.note ?? "",
      promptLanguage: vote.language ?? null,
      responseLanguage: vote.responseLanguage ?? null,
      blind: vote.blind ?? false,
    })),
  });
}
