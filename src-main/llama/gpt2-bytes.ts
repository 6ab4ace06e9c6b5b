/**
 * GPT-2's bytes_to_unicode, the table byte-level BPE vocabularies (GPT-2, Llama-3, Qwen2, …) write
 * their tokens with: printable bytes stand for themselves, the rest for U+0100 onwards, so every
 * byte sequence is a printable string.
 */

export function byteToUnicodeTable(): string[] {
  const table: string[] = new Array(256);
  const isPrintable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  let next = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = String.fromCodePoint(isPrintable(b) ? b : 256 + next++);
  }
  return table;
}

/** The inverse table: a code point of a byte-level token's text → the byte it stands for. */
export function unicodeToByteTable(): Map<number, number> {
  return new Map(byteToUnicodeTable().map((char, byte) => [char.codePointAt(0)!, byte]));
}
