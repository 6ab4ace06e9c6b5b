/**
 * Where each token of a text is in it: the tokens' bytes are laid over the text's UTF-8 bytes and
 * byte positions turned into UTF-16 offsets (what an editor or the DOM counts). A token that is
 * only part of a character (a byte-fallback or partial token) gets the whole character's range.
 */
import type { TokenKind } from "../../contract/tokenize";

export interface TokenBytes {
  bytes: Uint8Array;
  kind: TokenKind;
}

/** A [start, end) range in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

const encoder = new TextEncoder();
const SPACE = 0x20;

/**
 * The range of each token, null for a token that covers no text (SentencePiece's added space on
 * its own); null for all when the tokens' bytes do not spell the text (unknown tokens,
 * normalisation). SentencePiece adds a space before every stretch of text ("fragment") that
 * starts the input or follows a special token; that space is not in the text and is skipped.
 * With `prefix`, the tokens are the first of the text's tokens only: they must spell the text's
 * beginning, and only what they cover is mapped (a long text's first thousands of tokens).
 */
export function tokenOffsets(text: string, tokens: readonly TokenBytes[], { prefix = false } = {}): (TextRange | null)[] | null {
  const textBytes = encoder.encode(text);
  const coveredBytes = prefix ? Math.min(textBytes.length, tokens.reduce((sum, token) => sum + token.bytes.length, 0)) : textBytes.length;
  const { charStart, charEnd } = utf16Offsets(text, coveredBytes);
  const spells = (index: number, from: number, cursor: number) => spellsFragment(textBytes, tokens, index, from, cursor);
  const ranges: (TextRange | null)[] = [];
  let cursor = 0;
  let fragmentStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const { bytes, kind } = tokens[i];
    const special = kind === "control" || kind === "user-defined";
    const skip = fragmentStart && !special && bytes[0] === SPACE && !spells(i, 0, cursor) && spells(i, 1, cursor) ? 1 : 0;
    fragmentStart = special;
    const length = bytes.length - skip;
    if (!matchesAt(textBytes, cursor, bytes, skip)) return null;
    ranges.push(length === 0 ? null : { start: charStart[cursor], end: charEnd[cursor + length - 1] });
    cursor += length;
  }
  return prefix || cursor === textBytes.length ? ranges : null;
}

/** Whether the fragment starting at token `index` (its first `from` bytes left out) spells the text at `cursor`. */
function spellsFragment(textBytes: Uint8Array, tokens: readonly TokenBytes[], index: number, from: number, cursor: number): boolean {
  for (let i = index; i < tokens.length; i++) {
    const { bytes, kind } = tokens[i];
    if (i > index && (kind === "control" || kind === "user-defined")) return true;
    const skip = i === index ? from : 0;
    if (!matchesAt(textBytes, cursor, bytes, skip)) return false;
    cursor += bytes.length - skip;
  }
  return true;
}

function matchesAt(textBytes: Uint8Array, cursor: number, bytes: Uint8Array, from: number): boolean {
  if (cursor + bytes.length - from > textBytes.length) return false;
  for (let i = from; i < bytes.length; i++) if (textBytes[cursor + i - from] !== bytes[i]) return false;
  return true;
}

/** For every UTF-8 byte of the text: the UTF-16 start and end of the character it belongs to. */
function utf16Offsets(text: string, byteLength: number): { charStart: Uint32Array; charEnd: Uint32Array } {
  const charStart = new Uint32Array(byteLength);
  const charEnd = new Uint32Array(byteLength);
  let byte = 0;
  let unit = 0;
  for (const char of text) {
    if (byte >= byteLength) break;
    const codePoint = char.codePointAt(0)!;
    // A lone surrogate is encoded as U+FFFD (3 bytes), as TextEncoder and llama.cpp's input both do.
    const bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    charStart.fill(unit, byte, Math.min(byte + bytes, byteLength));
    charEnd.fill(unit + char.length, byte, Math.min(byte + bytes, byteLength));
    byte += bytes;
    unit += char.length;
  }
  return { charStart, charEnd };
}
