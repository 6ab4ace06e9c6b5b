/**
 * Reads a real loaded model's next-token distributions (llama.cpp's own, not the bigram table)
 * and scores texts with them.
 */
import type { LlamaContextSequence, Token } from "node-llama-cpp";

export interface Distributions {
  /** BOS, then the text's tokens. */
  tokens: Token[];
  /** `distributions[i]`: the probability of each next token after `tokens[0..i]`. */
  distributions: Map<Token, number>[];
}

/** Evaluates BOS + `text` on a cleared sequence, asking for the full distribution after every token. */
export async function nextTokenDistributions(sequence: LlamaContextSequence, text: string): Promise<Distributions> {
  const { model } = sequence;
  const bos = model.tokens.bos;
  if (bos === null) throw new Error("nextTokenDistributions expects a model with a BOS token");
  const tokens: Token[] = [bos, ...model.tokenize(text, false)];
  await sequence.clearHistory();
  const results = await sequence.controlledEvaluate(tokens.map((token) => [token, { generateNext: { probabilities: true } }]));
  await sequence.clearHistory();
  const distributions = results.map((result, index) => {
    const probabilities = result?.next.probabilities;
    if (!probabilities) throw new Error(`No distribution after token ${index} of ${JSON.stringify(text)}`);
    return probabilities;
  });
  return { tokens, distributions };
}

export interface TextScore {
  /** Sum of natural-log probabilities of every token of the text, given BOS and the tokens before it. */
  logprob: number;
  tokens: number;
  /** `logprob` per token; for the byte-level fixtures, per byte. Higher is better. */
  perToken: number;
}

export async function scoreText(sequence: LlamaContextSequence, text: string): Promise<TextScore> {
  const { tokens, distributions } = await nextTokenDistributions(sequence, text);
  let logprob = 0;
  for (let index = 1; index < tokens.length; index++) logprob += Math.log(distributions[index - 1].get(tokens[index]) ?? 0);
  const count = tokens.length - 1;
  return { logprob, tokens: count, perToken: logprob / count };
}
