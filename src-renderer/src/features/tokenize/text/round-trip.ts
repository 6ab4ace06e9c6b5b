/** Where a detokenized text first parts from its input, and the text around that point. */

/**
 * The UTF-16 offset of the first character (code point) that differs, or null when the texts are
 * equal. When one text is the other plus more, it is where the shorter one ends.
 */
export function firstDifference(input: string, output: string): number | null {
  if (input === output) return null;
  let index = 0;
  while (index < input.length && index < output.length && input[index] === output[index]) index++;
  // Inside a surrogate pair whose low halves differ: the character starts one unit back.
  if (index > 0 && isHighSurrogate(input.charCodeAt(index - 1))) index--;
  return index;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Characters (code points) before a UTF-16 offset, plus one: the position a person counts. */
export function characterPosition(text: string, offset: number): number {
  return [...text.slice(0, offset)].length + 1;
}

export interface DifferenceContext {
  /** Up to `radius` characters before the difference, "…" in front when cut. */
  before: string;
  /** The first differing character; "" when the text ends there. */
  at: string;
  after: string;
}

/** The text around a difference, for showing the differing character marked in its context. */
export function differenceContext(text: string, offset: number, radius = 16): DifferenceContext {
  const before = [...text.slice(0, offset)];
  const rest = [...text.slice(offset)];
  return {
    before: (before.length > radius ? "…" : "") + before.slice(-radius).join(""),
    at: rest[0] ?? "",
    after: rest.slice(1, radius + 1).join("") + (rest.length > radius + 1 ? "…" : ""),
  };
}
