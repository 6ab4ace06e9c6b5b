/**
 * Scores a text through a real loaded model: the sum of log p(byte | what came before) over the
 * text's tokens, read from llama.cpp's own next-token distributions (not from the bigram table).
 */
import type { LlamaContextSequence, Token } from "node-llama-cpp";

export interface TextScore {
  /** Sum of natural-log probabilities of every token of the text, given BOS and the tokens before it. */
  logprob: number;
  tokens: number;
  /** `logprob` per token; for the byte-level fixtures, per byte. Higher is better. */
  perToken: number;
}

export async function scoreText(sequence: LlamaContextSequence, text: string): Promise<TextScore> {
  const { model } = sequence;
  const textTokens = model.tokenize(text, false);
  const bos = model.tokens.bos;
  if (bos === null) throw new Error("scoreText expects a model with a BOS token");
  const input: Token[] = [bos, ...textTokens];
  await sequence.clearHistory();
  const results = await sequence.controlledEvaluate(
    input.map((token, index) => (index < input.length - 1 ? [token, { generateNext: { probabilities: true } }] : token)),
  );
  let logprob = 0;
  for (let index = 0; index < textTokens.length; index++) {
    const probability = results[index]?.next.probabilities?.get(textTokens[index]);
    if (probability === undefined) throw new Error(`No probability for token ${index} of ${JSON.stringify(text)}`);
    logprob += Math.log(probability);
  }
  await sequence.clearHistory();
  return { logprob, tokens: textTokens.length, perToken: logprob / textTokens.length };
}
