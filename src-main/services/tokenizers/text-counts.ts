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

export function countCharacters(text: string): number {
  let count = 0;
  for (const piece of textPieces(text)) for (const _segment of graphemes.segment(piece)) count++;
  return count;
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
