/**
 * Words, characters and bytes, checked by hand: the word splits are the ones a speaker makes (and
 * the dictionary-based segmenter finds), characters are what a reader counts as one letter.
 */
import { describe, expect, it } from "vitest";
import { addCounts, countCharacters, countText, countWords, isOneClusterPerCodePoint, textPieces, utf8Length } from "./text-counts";

describe("countWords in scripts without spaces between words", () => {
  it.each([
    // ฉัน I | กิน eat | ข้าว rice
    ["Thai", "ฉันกินข้าว", 3],
    // แมว cat | นอน sleeps | บน on | โต๊ะ table
    ["Thai", "แมวนอนบนโต๊ะ", 4],
    // 我 I | 喜欢 like | 吃 eat | 苹果 apples
    ["Chinese", "我喜欢吃苹果", 4],
    // 我们 we | 在 at | 学校 school | 学习 study
    ["Chinese", "我们在学校学习", 4],
    // 私 I | は (topic) | 学生 student | です is
    ["Japanese", "私は学生です", 4],
    // 東京 Tokyo | は (topic) | 大きい big | です is
    ["Japanese", "東京は大きいです", 4],
    // ខ្ញុំ I | ស្រឡាញ់ love | អ្នក you
    ["Khmer", "ខ្ញុំស្រឡាញ់អ្នក", 3],
    // ខ្ញុំ I | ទៅ go | ផ្សារ market
    ["Khmer", "ខ្ញុំទៅផ្សារ", 3],
  ])("%s %s has %i words", (_script, text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe("countWords in spaced scripts", () => {
  it.each([
    // Punctuation is no word; a number and a contraction are one each.
    ["Hello, world! It's 3.5 km.", 5],
    ["Habari za asubuhi?", 3],
    ["Jambo   dunia .", 2],
    ["مرحبا بالعالم", 2],
    ["الكتاب على الطاولة.", 3],
    // The danda (।) ends the sentence; it is no word.
    ["मैं घर जा रहा हूँ।", 5],
    // Scripts mixed in one sentence; the emoji is no word.
    ["我 ate 苹果 🍎", 3],
    ["", 0],
    ["👨‍👩‍👧 🇰🇪", 0],
  ])("%s has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe("countCharacters counts what a reader sees as one character", () => {
  it.each([
    // Vowel and tone marks sit on their consonant: ฉั น กิ น ข้ า ว.
    ["Thai", "ฉันกินข้าว", 7],
    // One character per ideograph.
    ["Chinese", "我喜欢吃苹果", 6],
    // A subscript consonant (coeng) and vowel signs stay with their base: ខ្ញុំ ស្រ ឡា ញ់ អ្ន ក.
    ["Khmer", "ខ្ញុំស្រឡាញ់អ្នក", 6],
    // Letters, and the space.
    ["Arabic", "مرحبا بالعالم", 13],
    // Short-vowel marks (harakat) sit on their letter: كَ تَ بَ.
    ["Arabic with harakat", "كَتَبَ", 3],
    // A conjunct with a virama is one: न म स्ते ␠ दु नि या.
    ["Devanagari", "नमस्ते दुनिया", 7],
    ["Devanagari conjunct", "क्षि", 1],
    // man ZWJ woman ZWJ girl: one family.
    ["emoji ZWJ sequence", "👨‍👩‍👧", 1],
    ["emoji with skin tone", "👍🏽", 1],
    ["flag (two regional indicators)", "🇰🇪", 1],
    // e + combining acute accent.
    ["combining accent", "e\u0301", 1],
  ])("%s %s has %i characters", (_script, text, characters) => {
    expect(countCharacters(text)).toBe(characters);
  });
});

describe("utf8Length", () => {
  it.each([
    ["ASCII", "Hello, world! It's 3.5 km.", 26],
    // 10 code points of the Thai block, 3 bytes each.
    ["Thai", "ฉันกินข้าว", 30],
    // 12 letters of 2 bytes and a space.
    ["Arabic", "مرحبا بالعالم", 25],
    // Three 4-byte emoji and two 3-byte ZWJs.
    ["emoji ZWJ sequence", "👨‍👩‍👧", 18],
    ["combining accent", "e\u0301", 3],
  ])("%s %s is %i bytes", (_script, text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });
});

describe("countText and addCounts", () => {
  it("counts a text's words, characters and bytes at once", () => {
    // न म स ् त े ␠ द ु न ि य ा: 12 code points of 3 bytes and a space.
    expect(countText("नमस्ते दुनिया")).toEqual({ words: 2, characters: 7, bytes: 37 });
    expect(countText("Ich mag Äpfel 🍎.")).toEqual({ words: 3, characters: 16, bytes: 20 });
  });

  it("adds counts up, so a corpus is the sum of its sentences", () => {
    expect(addCounts(countText("ฉันกินข้าว"), countText("我喜欢吃苹果"))).toEqual({ words: 7, characters: 13, bytes: 48 });
  });
});

describe("long texts, segmented in pieces", () => {
  const lines = ["Habari ya leo, rafiki?", "ฉันกินข้าวที่บ้าน", "我喜欢吃苹果。", "مرحبا بالعالم 👨‍👩‍👧", "नमस्ते दुनिया"];

  it("cut after line breaks, count exactly what the lines count one by one", () => {
    const text = Array.from({ length: 400 }, (_, index) => lines[index % lines.length]).join("\r\n");
    expect(text.length).toBeGreaterThan(5000);
    const byLine = lines.map((line) => countText(line));
    const perCycle = byLine.reduce(addCounts);
    // Each CRLF is one character, two bytes, no word.
    expect(countText(text)).toEqual({
      words: perCycle.words * 80, characters: perCycle.characters * 80 + 399, bytes: perCycle.bytes * 80 + 399 * 2,
    });
    for (const piece of textPieces(text)) expect(piece.length).toBeLessThanOrEqual(1000);
    expect([...textPieces(text)].join("")).toBe(text);
  });

  it("cut at word boundaries inside a long line, never inside a word or a surrogate pair", () => {
    const text = "Habari ya leo rafiki 🍎 ".repeat(300);
    const pieces = [...textPieces(text)];
    expect(pieces.length).toBeGreaterThan(6);
    expect(pieces.join("")).toBe(text);
    expect(countWords(text)).toBe(4 * 300);
    expect(countCharacters(text)).toBe(23 * 300);
    // A line of one unbroken "word" is cut at the window, but not between a surrogate pair's halves.
    const emoji = "🍎".repeat(1500);
    for (const piece of textPieces(emoji)) expect(piece.codePointAt(0)).toBe(0x1f34e);
    expect(countCharacters(emoji)).toBe(1500);
  });
});

describe("counting characters without the segmenter", () => {
  it("is right for every code point it takes: each is a cluster of its own, beside itself and the next", () => {
    // Every such code point twice, all in a row, in blocks; a block that miscounts is checked one by one.
    const wrong: string[] = [];
    const block: string[] = [];
    const checkBlock = () => {
      const text = block.map((char) => char + char).join("");
      if (countClustersBySegmenter(text) !== 2 * block.length) {
        wrong.push(...block.filter((char) => countClustersBySegmenter(`a${char}${char}a`) !== 4).map((char) => char.codePointAt(0)!.toString(16)));
      }
      block.length = 0;
    };
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue; // surrogates are not characters
      const char = String.fromCodePoint(codePoint);
      if (!isOneClusterPerCodePoint(char)) continue;
      block.push(char);
      if (block.length === 500) checkBlock();
    }
    checkBlock();
    expect(wrong).toEqual([]);
  });

  it("sends text with joining characters to the segmenter", () => {
    for (const text of ["e\u0301", "क्षि", "👩‍👩‍👧", "🇰🇪", "\r\n", "한국어", "ำ", "👍🏽"]) {
      expect(isOneClusterPerCodePoint(text), text).toBe(false);
      expect(countCharacters(text)).toBe(countClustersBySegmenter(text));
    }
  });
});

const graphemeSegmenter = new Intl.Segmenter("und", { granularity: "grapheme" });
function countClustersBySegmenter(text: string): number {
  let count = 0;
  for (const _segment of graphemeSegmenter.segment(text)) count++;
  return count;
}
