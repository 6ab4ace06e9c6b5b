import { z } from "zod";
import { AppErrorDataSchema } from "./errors";

export const SamplingParamsSchema = z.object({
  /** 0 = greedy. */
  temperature: z.number().min(0).max(5).default(0.8),
  topK: z.number().int().min(0).default(40),
  topP: z.number().gt(0).max(1).default(0.95),
  minP: z.number().min(0).max(1).default(0.05),
  /** 1 = off (llama.cpp's default too). */
  repeatPenalty: z.number().min(0.5).max(3).default(1),
  /** How many of the last tokens the repeat penalty looks at. */
  repeatLastN: z.number().int().min(0).default(64),
  maxTokens: z.number().int().min(1).max(32768).default(256),
  stop: z.array(z.string().min(1)).default([]),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(42),
});
export type SamplingParams = z.infer<typeof SamplingParamsSchema>;
export type SamplingParamsInput = z.input<typeof SamplingParamsSchema>;

export const ChatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** The model's own chat template (from its GGUF), or one of these chosen for every model. */
export const ChatTemplateChoiceSchema = z.enum(["model", "chatml", "llama3", "llama2", "gemma", "mistral", "qwen", "general"]);
export type ChatTemplateChoice = z.infer<typeof ChatTemplateChoiceSchema>;

/** Most alternatives a token may carry (the probabilities come from one decoding pass either way). */
export const MAX_TOP_ALTERNATIVES = 20;
const topAlternatives = z.number().int().min(0).max(MAX_TOP_ALTERNATIVES).default(0);

export const GenerationRequestSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("completion"), modelId: z.string().min(1), prompt: z.string(),
    params: SamplingParamsSchema.prefault({}), topAlternatives,
  }),
  z.object({
    mode: z.literal("chat"),
    modelId: z.string().min(1),
    messages: z.array(ChatMessageSchema).min(1),
    chatTemplate: ChatTemplateChoiceSchema.default("model"),
    /** A Jinja chat template (Hugging Face style) used instead of `chatTemplate` when given. */
    customTemplate: z.string().min(1).optional(),
    params: SamplingParamsSchema.prefault({}),
    /** How many of the most likely tokens to report beside each generated one (0 = none). */
    topAlternatives,
  }),
]);
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;
export type GenerationRequestInput = z.input<typeof GenerationRequestSchema>;

/** One of the most likely tokens at a position, from the same distribution as the chosen token. */
export const TokenAlternativeSchema = z.object({
  id: z.number().int(),
  /**
   * The text this token would have added there: "" when it is only part of a UTF-8 character;
   * control tokens (end of text, end of turn) written out, e.g. "</s>".
   */
  text: z.string(),
  logprob: z.number(),
});
export type TokenAlternative = z.infer<typeof TokenAlternativeSchema>;

export const GeneratedTokenSchema = z.object({
  id: z.number().int(),
  /**
   * The text this token adds to the output, decoded as a stream: a token holding the first bytes of a
   * multi-byte character adds "" and the token that completes it adds the whole character, so the
   * texts join to the output and never show a replacement character mid-script. (Text held back
   * because it might begin a stop string arrives only in `generation.done`'s `text`, which is final.)
   */
  text: z.string(),
  /**
   * Natural-log probability of this token in the distribution it was drawn from, from the same
   * decoding pass: the model's own distribution when greedy (temperature 0, no repeat penalty);
   * after temperature, top-k/top-p/min-p and the repeat penalty otherwise.
   */
  logprob: z.number(),
  /** The most likely tokens at this position, best first (present when the request asked for them). */
  top: z.array(TokenAlternativeSchema).optional(),
});
export type GeneratedToken = z.infer<typeof GeneratedTokenSchema>;

export const StopReasonSchema = z.enum(["eos", "stop-string", "max-tokens", "context-full", "cancelled", "error"]);
export type StopReason = z.infer<typeof StopReasonSchema>;

export const GenerationStatsSchema = z.object({
  promptTokens: z.number(),
  generatedTokens: z.number(),
  timeToFirstTokenMs: z.number().nullable(),
  tokensPerSecond: z.number().nullable(),
  totalMs: z.number(),
  stopReason: StopReasonSchema,
});
export type GenerationStats = z.infer<typeof GenerationStatsSchema>;

export const GenerationTokensEventSchema = z.object({
  runId: z.string(),
  tokens: z.array(GeneratedTokenSchema),
});

export const GenerationDoneEventSchema = z.object({
  runId: z.string(),
  text: z.string(),
  stats: GenerationStatsSchema,
  /** The exact prompt the model saw (chat template applied). */
  renderedPrompt: z.string(),
  /** Where special tokens (BOS, turn markers) are in `renderedPrompt`: [start, end) character offsets. */
  promptSpecialRanges: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
  error: AppErrorDataSchema.nullable(),
});
export type GenerationDoneEvent = z.infer<typeof GenerationDoneEventSchema>;
