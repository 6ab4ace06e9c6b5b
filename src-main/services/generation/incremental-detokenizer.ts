/**
 * Turns generated tokens into text as they stream. A token can hold part of a multi-byte UTF-8
 * character (byte-level and byte-fallback vocabularies do this for most non-Latin scripts), so
 * tokens are held until the text they decode to is complete.
 */
import type { LlamaModel, Token } from "node-llama-cpp";

const REPLACEMENT = "\uFFFD";
/** A UTF-8 character has at most 4 bytes: past that, a replacement character is real. */
const MAX_HELD_TOKENS = 4;
/** Earlier tokens given to the detokenizer so tokenizers that depend on context (SPM spaces) decode right. */
const CONTEXT_TOKENS = 4;

export class IncrementalDetokenizer {
  private held: Token[] = [];
  private context: Token[];

  constructor(private readonly model: LlamaModel, promptTokens: readonly Token[]) {
    this.context = promptTokens.slice(-CONTEXT_TOKENS);
  }

  /** The text this token completes ("" while a character is still incomplete). */
  push(token: Token): string {
    this.held.push(token);
    const text = this.model.detokenize(this.held, false, this.context);
    if (text.endsWith(REPLACEMENT) && this.held.length < MAX_HELD_TOKENS) return "";
    this.context = [...this.context, ...this.held].slice(-CONTEXT_TOKENS);
    this.held = [];
    return text;
  }

  /** The text `token` would complete if it came next ("" if it leaves a character unfinished); changes nothing. */
  peek(token: Token): string {
    const text = this.model.detokenize([...this.held, token], false, this.context);
    return text.endsWith(REPLACEMENT) && this.held.length + 1 < MAX_HELD_TOKENS ? "" : text;
  }

  /** Decodes whatever is still held when generation ends. */
  flush(): string {
    if (this.held.length === 0) return "";
    const text = this.model.detokenize(this.held, false, this.context);
    this.held = [];
    return text;
  }
}
