/**
 * Counting a text the way the lab's ratios need: words by Unicode word segmentation (ICU's
 * dictionaries find words in Thai, Chinese, Japanese, Khmer, which have no spaces), characters as
 * a reader counts them (grapheme clusters: "क्षि" is one), and UTF-8 bytes.
 */
import type { TextCounts } from "../../contract/tokenize";

// The root locale: ICU's word rules depend on the script, not on a language tag.
const words = new Intl.Segmenter("und", { granularity: "word" });
const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
const encoder = new TextEncoder();

/**
 * V8's segment iterator slows down with the length of the string it walks (100k characters took
 * 18 s in one piece, 0.1 s in lines), so long texts are segmented in pieces of at most this many
 * characters, cut after a line break or else at a word boundary (which never splits a grapheme).
 * Cuts after line breaks change nothing; a cut inside a long line of Thai, Khmer, Chinese or
 * Japanese can move a dictionary word boundary (about 5 words in 10,000 on FLORES).
 */
const PIECE_CHARS = 1000;

export function* textPieces(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > PIECE_CHARS) {
    let end = text.lastIndexOf("\n", start + PIECE_CHARS - 1) + 1;
    if (end <= start) end = start + lastWordBoundary(text.slice(start, start + PIECE_CHARS));
    yield text.slice(start, end);
    start = end;
  }
  if (start < text.length) yield text.slice(start);
}

/** Where the window's last segment starts (a boundary with context on both sides); never 0. */
function lastWordBoundary(window: string): number {
  let last = 0;
  for (const segment of words.segment(window)) last = segment.index;
  if (last > 0) return last;
  // One segment fills the window: cut at its end, but never inside a surrogate pair.
  const code = window.charCodeAt(window.length - 1);
  return code >= 0xd800 && code <= 0xdbff ? window.length - 1 : window.length;
}

export function countWords(text: string): number {
  let count = 0;
  for (const piece of textPieces(text)) for (const segment of words.segment(piece)) if (segment.isWordLike) count++;
  return count;
}

/**
 * Characters that can join a grapheme cluster with a neighbour (UAX #29): marks, format characters
 * (ZWJ, ZWNJ, Prepend), CR (of CR LF), Hangul jamo and syllables, regional indicators, emoji and
 * their modifiers, and the few letters that are Prepend or SpacingMark (Thai and Lao AM, …). Text
 * without any of them is one cluster per code point — most Latin, Cyrillic, Arabic, CJK text — and
 * is counted without the segmenter, which costs about 0.4 µs a cluster (checked against it for
 * every code point in text-counts.test.ts).
 */
const CLUSTER_JOINERS = /[\p{M}\p{Cf}\r\p{Regional_Indicator}\p{Extended_Pictographic}\p{Emoji_Modifier}\u1100-\u11FF\uA960-\uA97F\uAC00-\uD7A3\uD7B0-\uD7FF\u0E33\u0EB3\uFF9E\uFF9F\u0D4E\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}\u{113D1}\u{16D63}\u{16D67}-\u{16D6A}]/u;

export function countCharacters(text: string): number {
  let count = 0;
  for (const piece of textPieces(text)) {
    if (CLUSTER_JOINERS.test(piece)) for (const _segment of graphemes.segment(piece)) count++;
    else for (const _codePoint of piece) count++;
  }
  return count;
}

/** Whether a text is one grapheme cluster per code point for sure (no CLUSTER_JOINERS in it). */
export function isOneClusterPerCodePoint(text: string): boolean {
  return !CLUSTER_JOINERS.test(text);
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

export function countText(text: string): TextCounts {
  return { words: countWords(text), characters: countCharacters(text), bytes: utf8Length(text) };
}

/** Adds counts up (a corpus is the sum of its sentences). */
export function addCounts(a: TextCounts, b: TextCounts): TextCounts {
  return { words: a.words + b.words, characters: a.characters + b.characters, bytes: a.bytes + b.bytes };
}
