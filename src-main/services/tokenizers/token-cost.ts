/** What a tokenizer costs on a text or a corpus, from the text's counts and the tokens it made. */
import type { TextCounts, TokenCost } from "../../contract/tokenize";

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

export function tokenCost(counts: TextCounts, tokens: number, byteFallbackTokens: number): TokenCost {
  return {
    tokens,
    tokensPerWord: ratio(tokens, counts.words),
    tokensPerCharacter: ratio(tokens, counts.characters),
    bytesPerToken: ratio(counts.bytes, tokens),
    byteFallbackTokens,
    byteFallbackShare: ratio(byteFallbackTokens, tokens),
  };
}
