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

export const GenerationRequestSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("completion"), modelId: z.string().min(1), prompt: z.string(), params: SamplingParamsSchema.prefault({}) }),
  z.object({
    mode: z.literal("chat"),
    modelId: z.string().min(1),
    messages: z.array(ChatMessageSchema).min(1),
    params: SamplingParamsSchema.prefault({}),
  }),
]);
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;
export type GenerationRequestInput = z.input<typeof GenerationRequestSchema>;

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
  error: AppErrorDataSchema.nullable(),
});
export type GenerationDoneEvent = z.infer<typeof GenerationDoneEventSchema>;
