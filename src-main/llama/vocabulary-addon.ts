import type { LlamaModel, Token } from "node-llama-cpp";

/** The two vocabulary facts llama.cpp has that node-llama-cpp's public API does not give exactly. */
export interface VocabularyAddon {
  /** llama_vocab_get_text: the token as the vocabulary stores it ("▁word", "Ġword", "<0xE3>"). */
  getTokenString(token: Token): string | undefined;
  /** llama_vocab_get_add_eos (node-llama-cpp's `shouldAppendEosToken` answers false when the vocabulary has no BOS). */
  shouldAppendEosToken(): boolean;
}

/**
 * node-llama-cpp's native model object. Its public `detokenize` turns bytes that are not whole
 * UTF-8 characters into U+FFFD and drops SentencePiece's leading space on a lone token, so a
 * token's exact bytes can only be derived from its vocabulary text, which only the addon gives.
 */
export function vocabularyAddon(model: LlamaModel): VocabularyAddon {
  return (model as unknown as { _model: VocabularyAddon })._model;
}
