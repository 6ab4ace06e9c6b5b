/**
 * Splits text into the units a diff compares, with Intl.Segmenter. Words for scripts written with
 * spaces between words; user-perceived characters (grapheme clusters) for scripts written without
 * them, where a word segmenter's dictionary guesses would make a diff noisy and unstable.
 *
 * Joining the units of a text always gives back the text exactly: whitespace and punctuation are
 * units of their own, and a grapheme (a letter with its combining marks, an emoji ZWJ sequence)
 * is never split.
 */

export type DiffGranularity = "word" | "grapheme";

/**
 * Scripts written without spaces between words. Script_Extensions, so that marks shared by
 * several of them (the Japanese prolonged sound mark ー, iteration marks) count too.
 */
const NO_SPACE_SCRIPT =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;
const LETTER = /\p{L}/u;

/**
 * "grapheme" when most of the text's letters are in scripts written without spaces (Chinese,
 * Japanese, Thai, Lao, Khmer, Burmese, Tibetan), else "word". Text without letters is "word".
 */
export function diffGranularity(text: string): DiffGranularity {
  let letters = 0;
  let withoutSpaces = 0;
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    letters++;
    if (NO_SPACE_SCRIPT.test(char)) withoutSpaces++;
  }
  return letters > 0 && withoutSpaces * 2 > letters ? "grapheme" : "word";
}

const segmenters = new Map<DiffGranularity, Intl.Segmenter>();

function segmenter(granularity: DiffGranularity): Intl.Segmenter {
  let found = segmenters.get(granularity);
  if (!found) {
    found = new Intl.Segmenter(undefined, { granularity });
    segmenters.set(granularity, found);
  }
  return found;
}

/** The text's diff units at the given granularity (by default the one diffGranularity picks). */
export function segmentText(text: string, granularity: DiffGranularity = diffGranularity(text)): string[] {
  return Array.from(segmenter(granularity).segment(text), (part) => part.segment);
}
