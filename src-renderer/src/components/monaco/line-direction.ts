/**
 * Which lines of a text read right to left: those whose first strong character (a letter) belongs
 * to a right-to-left script, as `dir="auto"` and `unicode-bidi: plaintext` decide it elsewhere in the
 * app. The editor lays those lines out right to left, one by one.
 */
const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

export function isRtlLine(line: string): boolean {
  const letter = FIRST_LETTER.exec(line);
  return letter !== null && RTL_LETTER.test(letter[0]);
}

/** The 1-based numbers of the lines that read right to left. */
export function rtlLineNumbers(lines: readonly string[]): number[] {
  return lines.flatMap((line, index) => (isRtlLine(line) ? [index + 1] : []));
}
