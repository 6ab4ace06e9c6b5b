/**
 * Predicts what the fixture models do, from their bigram tables alone (no inference): the next
 * token depends only on the previous one, so greedy text is an argmax chain through the table.
 */
import type { Token } from "node-llama-cpp";
import { buildBigramModel, type BigramTable } from "../fixtures/bigram-model";
import { BOS_ID, EOS_ID, IM_END_ID, VOCAB_SIZE } from "../fixtures/byte-vocabulary";
import { FIXTURE_CHECKPOINTS } from "../fixtures/fixture-checkpoints";

export type FixtureName = "polyglot-base" | "polyglot-continued";

const tables = new Map<string, BigramTable>();

/** The bigram table a fixture checkpoint was built from. */
export function fixtureTable(name: FixtureName): BigramTable {
  let table = tables.get(name);
  if (!table) {
    const spec = FIXTURE_CHECKPOINTS.find((checkpoint) => checkpoint.name === name);
    if (!spec) throw new Error(`No fixture checkpoint named ${name}`);
    table = buildBigramModel(spec).table;
    tables.set(name, table);
  }
  return table;
}

/** log p(next | previous). */
export function logprob(table: BigramTable, previous: number, next: number): number {
  return table[previous * VOCAB_SIZE + next];
}

/** The table row after `previous`: log-probabilities of every next token. */
export function row(table: BigramTable, previous: number): Float64Array {
  return table.subarray(previous * VOCAB_SIZE, (previous + 1) * VOCAB_SIZE);
}

/** Tokens the fixture models end generation on (llama.cpp treats both as end-of-generation). */
export function isEndOfGeneration(id: number): boolean {
  return id === EOS_ID || id === IM_END_ID;
}

/** The fixture tokenizer is byte-level: a text's token ids are its UTF-8 bytes. */
export function textToIds(text: string): number[] {
  return [...Buffer.from(text, "utf8")];
}

export function bytesToText(ids: number[]): string {
  return Buffer.from(ids).toString("utf8");
}

export interface GreedyPrediction {
  /** The generated token ids (an end-of-generation token is not included). */
  ids: number[];
  /** log p of each generated token, from the table. */
  logprobs: number[];
  /** Whether the chain reached an end-of-generation token before `maxTokens`. */
  endsWithEog: boolean;
  /**
   * The smallest gap between the chosen log-prob and the next lower one over the chain. Near 0,
   * float32 rounding in llama.cpp could pick the other token: tests use prompts whose margin is clear.
   */
  minMargin: number;
}

export interface RepeatPenalty {
  penalty: number;
  /** How many of the last generated tokens are penalised. */
  lastN: number;
}

/**
 * What greedy decoding produces after `prompt` (the model sees BOS first, so "" continues from
 * BOS). Exact ties go to the lowest token id, as llama.cpp's greedy sampler keeps the first maximum.
 * With a repeat penalty, llama.cpp multiplies the (here non-positive) logits of the tokens among
 * the last `lastN` generated ones by `penalty`; the fixtures' logits are their log-probabilities.
 */
export function greedyContinuation(table: BigramTable, prompt: string, maxTokens: number, repeat?: RepeatPenalty): GreedyPrediction {
  let previous = textToIds(prompt).at(-1) ?? BOS_ID;
  const ids: number[] = [];
  const logprobs: number[] = [];
  let minMargin = Infinity;
  while (ids.length < maxTokens) {
    const logits = row(table, previous);
    const penalised = new Set(repeat && repeat.lastN > 0 ? ids.slice(-repeat.lastN) : []);
    const values = logits.map((value, id) => (penalised.has(id) ? value * repeat!.penalty : value));
    let best = 0;
    for (let id = 1; id < VOCAB_SIZE; id++) if (values[id] > values[best]) best = id;
    // The closest value below the best. Exact ties are safe (equal table entries become equal float32
    // weights, hence equal logits, and the lowest id wins); near ties are not.
    let runnerUp = -Infinity;
    for (let id = 0; id < VOCAB_SIZE; id++) if (values[id] < values[best]) runnerUp = Math.max(runnerUp, values[id]);
    minMargin = Math.min(minMargin, values[best] - runnerUp);
    if (isEndOfGeneration(best)) return { ids, logprobs, endsWithEog: true, minMargin };
    ids.push(best);
    logprobs.push(logits[best]);
    previous = best;
  }
  return { ids, logprobs, endsWithEog: false, minMargin };
}

/** Greedy chains closer than this to a tie are not used to predict llama.cpp's float32 choices. */
export const SAFE_MARGIN = 1e-3;

/**
 * The first of `candidates` whose greedy chain ends with end-of-generation within `maxTokens`
 * ("eos"), or runs the full `maxTokens` without ending ("endless"), with a safe margin throughout.
 */
export function findPrompt(table: BigramTable, candidates: string[], maxTokens: number, want: "eos" | "endless"): { prompt: string; prediction: GreedyPrediction } {
  for (const prompt of candidates) {
    const prediction = greedyContinuation(table, prompt, maxTokens);
    if (prediction.minMargin > SAFE_MARGIN && prediction.endsWithEog === (want === "eos")) return { prompt, prediction };
  }
  throw new Error(`None of ${JSON.stringify(candidates)} has a greedy chain that is ${want} within ${maxTokens} tokens`);
}

/** node-llama-cpp brands token ids; the fixtures' ids are plain numbers. */
export function asTokens(ids: readonly number[]): Token[] {
  return ids as Token[];
}
