import { describe, expect, it } from "vitest";
import { diffGranularity, segmentText } from "./segment-text";

describe("diffGranularity", () => {
  it("compares words in scripts written with spaces", () => {
    expect(diffGranularity("The cat sat on the mat.")).toBe("word");
    expect(diffGranularity("ذهب الولد إلى المدرسة.")).toBe("word");
    expect(diffGranularity("नमस्ते दुनिया")).toBe("word");
    expect(diffGranularity("Привет, мир")).toBe("word");
    expect(diffGranularity("안녕하세요 세계")).toBe("word");
  });

  it("compares characters in scripts written without spaces", () => {
    expect(diffGranularity("สวัสดีครับ ผมชื่อ")).toBe("grapheme");
    expect(diffGranularity("今天天气很好。")).toBe("grapheme");
    expect(diffGranularity("今日はいい天気ですね。")).toBe("grapheme");
    expect(diffGranularity("コーヒーを飲みます")).toBe("grapheme");
    expect(diffGranularity("ສະບາຍດີ")).toBe("grapheme");
    expect(diffGranularity("សួស្តី")).toBe("grapheme");
    expect(diffGranularity("မင်္ဂလာပါ")).toBe("grapheme");
    expect(diffGranularity("བཀྲ་ཤིས་བདེ་ལེགས།")).toBe("grapheme");
  });

  it("goes by what most of the letters are", () => {
    expect(diffGranularity("我喜欢用 Python 写代码")).toBe("grapheme");
    expect(diffGranularity("用 Python")).toBe("word");
    expect(diffGranularity("The word for cat in Chinese is 猫.")).toBe("word");
  });

  it("treats text without letters as words", () => {
    expect(diffGranularity("")).toBe("word");
    expect(diffGranularity("3.14 + 2 = 5.14 !")).toBe("word");
  });
});

describe("segmentText", () => {
  it("splits English into words, keeping spaces and punctuation as units of their own", () => {
    expect(segmentText("Hello, big world!")).toEqual(["Hello", ",", " ", "big", " ", "world", "!"]);
  });

  it("splits Arabic into words", () => {
    expect(segmentText("ذهب الولد إلى المدرسة.")).toEqual(["ذهب", " ", "الولد", " ", "إلى", " ", "المدرسة", "."]);
  });

  it("splits Thai into characters, each with its vowel and tone marks", () => {
    expect(segmentText("สวัสดีครับ ผมชื่อ")).toEqual(["ส", "วั", "ส", "ดี", "ค", "รั", "บ", " ", "ผ", "ม", "ชื่", "อ"]);
  });

  it("splits Chinese and Japanese into characters", () => {
    expect(segmentText("今天天气很好。")).toEqual(["今", "天", "天", "气", "很", "好", "。"]);
    expect(segmentText("コーヒーを飲む")).toEqual(["コ", "ー", "ヒ", "ー", "を", "飲", "む"]);
  });

  it("never splits a letter from its combining marks", () => {
    expect(segmentText("e\u0301te\u0301 cafe\u0301", "grapheme")).toEqual(["e\u0301", "t", "e\u0301", " ", "c", "a", "f", "e\u0301"]);
    const devanagari = segmentText("नमस्ते", "grapheme");
    expect(devanagari.slice(0, 2)).toEqual(["न", "म"]);
    for (const unit of devanagari) expect(unit, `unit ${JSON.stringify(unit)}`).not.toMatch(/^[\p{M}\u094D]/u);
    expect(devanagari.join("")).toBe("नमस्ते");
    expect(segmentText("नमस्ते दुनिया")).toEqual(["नमस्ते", " ", "दुनिया"]);
  });

  it("keeps emoji sequences whole", () => {
    expect(segmentText("👩‍👩‍👧", "grapheme")).toEqual(["👩‍👩‍👧"]);
    expect(segmentText("hi 👩‍👩‍👧 🇰🇪", "grapheme")).toEqual(["h", "i", " ", "👩‍👩‍👧", " ", "🇰🇪"]);
    expect(segmentText("family 👩‍👩‍👧")).toEqual(["family", " ", "👩‍👩‍👧"]);
  });

  it("gives back the text exactly when the units are joined", () => {
    const texts = [
      "",
      "  leading and trailing  ",
      "line one\n\nline two\r\n\ttabbed",
      "Hello, world! It's 3.14 — isn't it?",
      "ذهب الولد إلى المدرسة.\nשלום עולם",
      "สวัสดีครับ ผมชื่อ",
      "今日はいい天気ですね。English mixed in.",
      "नमस्ते दुनिया 👩‍👩‍👧 e\u0301",
      "নমস্কার, বিশ্ব। வணக்கம் ሰላም ዓለም",
    ];
    for (const text of texts) {
      for (const granularity of ["word", "grapheme"] as const) {
        expect(segmentText(text, granularity).join(""), `${granularity}: ${JSON.stringify(text)}`).toBe(text);
      }
      expect(segmentText(text).join("")).toBe(text);
    }
  });
});
