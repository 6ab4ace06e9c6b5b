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

export function countWords(text: string): number {
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) count++;
  return count;
}

export function countCharacters(text: string): number {
  let count = 0;
  for (const _segment of graphemes.segment(text)) count++;
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
