/**
 * One generation: evaluates the prompt, then samples token after token on one context sequence,
 * reporting each token with its log-probability from the same decoding pass, until a stop
 * condition. Deterministic for a given seed (and always for temperature 0).
 */
import type { LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";
import type { GeneratedToken, GenerationStats, SamplingParams, StopReason, TokenAlternative } from "../../contract/generation";
import { IncrementalDetokenizer } from "./incremental-detokenizer";
import { AppError } from "../../contract/errors";
import type { RenderedPrompt } from "./prompt-renderer";
import { StopStringMatcher } from "./stop-string-matcher";

/** How many prompt tokens go in between two looks at the cancel signal. */
const PROMPT_CHUNK_TOKENS = 512;

export interface RunOutcome {
  text: string;
  stats: GenerationStats;
}

export async function runGeneration(options: {
  model: LlamaModel;
  sequence: LlamaContextSequence;
  prompt: RenderedPrompt;
  params: SamplingParams;
  /** How many of the most likely tokens to report with each generated one (0 = none). */
  topAlternatives: number;
  signal: AbortSignal;
  onToken: (token: GeneratedToken) => void;
}): Promise<RunOutcome> {
  const { model, sequence, prompt, params, topAlternatives, signal, onToken } = options;
  const started = performance.now();
  const detokenizer = new IncrementalDetokenizer(model, prompt.tokens);
  const stops = new StopStringMatcher([...params.stop, ...prompt.templateStops]);
  const generated: Token[] = [];
  let text = "";
  let firstTokenAt: number | null = null;
  let stopReason: StopReason | null = null;

  const emit = (token: Token, piece: string, probability: number, top: TokenAlternative[] | undefined) => {
    text += piece;
    onToken({ id: token, text: piece, logprob: logOf(probability), ...(top && { top }) });
  };

  if (prompt.tokens.length >= sequence.contextSize) {
    throw new AppError({
      code: "INVALID_INPUT", field: "prompt",
      message: `The prompt is ${prompt.tokens.length} tokens long but the model's context holds ${sequence.contextSize}. Shorten it or load the model with a larger context.`,
    });
  }
  // The prompt goes in by chunks so a cancel is heard between them, not only after a long prompt.
  const lastPromptToken = prompt.tokens.slice(-1);
  for (let start = 0; start < prompt.tokens.length - 1 && !signal.aborted; start += PROMPT_CHUNK_TOKENS) {
    await sequence.evaluateWithoutGeneratingNewTokens(prompt.tokens.slice(start, Math.min(start + PROMPT_CHUNK_TOKENS, prompt.tokens.length - 1)));
  }
  if (signal.aborted) {
    stopReason = "cancelled";
  } else {
    // The whole distribution crosses from C++ only when alternatives are asked for: with a large
    // vocabulary that is the costliest part of a token. (Typed as always present; it is not.)
    const metadata = { confidence: true, probabilities: topAlternatives > 0 } as { confidence: true; probabilities: true };
    const evaluation = sequence.evaluateWithMetadata(lastPromptToken, metadata, {
      temperature: params.temperature,
      topK: params.topK,
      topP: params.topP,
      minP: params.minP,
      seed: params.seed,
      // Without this, node-llama-cpp ends the iteration silently at end-of-generation and the
      // run would be reported as "max-tokens" instead of "eos".
      yieldEogToken: true,
      // repeatLastN 0 looks at no tokens (slice(-0) would be all of them).
      repeatPenalty: params.repeatPenalty === 1 || params.repeatLastN === 0 ? undefined : {
        penalty: params.repeatPenalty,
        punishTokens: () => generated.slice(-params.repeatLastN),
      },
    });
    for await (const { token, confidence, probabilities } of evaluation) {
      firstTokenAt ??= performance.now();
      if (signal.aborted) {
        stopReason = "cancelled";
        break;
      }
      if (model.isEogToken(token)) {
        stopReason = "eos";
        break;
      }
      // Read before push(): an alternative's text depends on the bytes still held before this token.
      const top = topAlternatives > 0 ? topAlternativesOf(model, detokenizer, probabilities, topAlternatives) : undefined;
      generated.push(token);
      const matched = stops.push(detokenizer.push(token));
      emit(token, matched.text, confidence, top);
      if (matched.stopped) {
        stopReason = "stop-string";
        break;
      }
      if (generated.length >= params.maxTokens) {
        stopReason = "max-tokens";
        break;
      }
      if (sequence.nextTokenIndex >= sequence.contextSize - 1) {
        stopReason = "context-full";
        break;
      }
    }
    if (stopReason !== "stop-string") text += stops.push(detokenizer.flush()).text + stops.flush();
  }
  // node-llama-cpp ends the evaluation by itself when the model emits an end-of-generation token.
  stopReason ??= "eos";

  const ended = performance.now();
  const decodeMs = firstTokenAt === null ? 0 : ended - firstTokenAt;
  return {
    text,
    stats: {
      promptTokens: prompt.tokens.length,
      generatedTokens: generated.length,
      timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - started,
      tokensPerSecond: generated.length > 1 && decodeMs > 0 ? ((generated.length - 1) * 1000) / decodeMs : null,
      totalMs: ended - started,
      stopReason,
    },
  };
}

/** A probability that underflowed to 0 still needs a finite log for JSON: the smallest double's. */
function logOf(probability: number): number {
  return Math.log(Math.max(probability, Number.MIN_VALUE));
}

/**
 * The k most likely tokens of the distribution node-llama-cpp returns (not in rank order when
 * greedy, so picked here: one pass keeping the best k, not a sort of the whole vocabulary).
 */
function topAlternativesOf(
  model: LlamaModel, detokenizer: IncrementalDetokenizer, probabilities: Map<Token, number>, k: number,
): TokenAlternative[] {
  // Ties rank by id, as llama.cpp's greedy sampler keeps the first maximum: the chosen token leads.
  const better = (a: [Token, number], b: [Token, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  const best: Array<[Token, number]> = [];
  for (const entry of probabilities) {
    if (best.length === k && !better(entry, best[k - 1])) continue;
    let at = best.length;
    while (at > 0 && better(entry, best[at - 1])) at--;
    best.splice(at, 0, entry);
    if (best.length > k) best.pop();
  }
  return best.map(([id, probability]) => ({
    id,
    text: model.isEogToken(id) ? model.detokenize([id], true) : detokenizer.peek(id),
    logprob: logOf(probability),
  }));
}
