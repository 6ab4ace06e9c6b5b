import { mulberry32 } from "@contract/seeded-random";
import { describe, expect, it } from "vitest";
import { diffSegments, firstDifference, MAX_DIFF_EDITS, otherSideParts, pairGranularity, type DiffPart } from "./segment-diff";
import { segmentText } from "./segment-text";

const changed = (parts: DiffPart[], kind: "added" | "removed") => parts.filter((part) => part.kind === kind).map((part) => part.text);
const referenceSide = (parts: DiffPart[]) => parts.filter((part) => part.kind !== "added").map((part) => part.text).join("");
const otherSide = (parts: DiffPart[]) => parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("");

describe("diffSegments", () => {
  it("marks exactly the English word that changed", () => {
    const parts = diffSegments("The cat sat on the mat.", "The dog sat on the mat.");
    expect(changed(parts, "removed")).toEqual(["cat"]);
    expect(changed(parts, "added")).toEqual(["dog"]);
    expect(parts).toEqual([
      { text: "The ", kind: "same" },
      { text: "cat", kind: "removed" },
      { text: "dog", kind: "added" },
      { text: " sat on the mat.", kind: "same" },
    ]);
  });

  it("marks whole words, not the letters they share", () => {
    const parts = diffSegments("I like reading books.", "I like writing books.");
    expect(changed(parts, "removed")).toEqual(["reading"]);
    expect(changed(parts, "added")).toEqual(["writing"]);
  });

  it("marks exactly the Chinese character that changed", () => {
    const parts = diffSegments("今天天气很好。", "今天天气不好。");
    expect(changed(parts, "removed")).toEqual(["很"]);
    expect(changed(parts, "added")).toEqual(["不"]);
  });

  it("marks Thai characters whole, never a tone or vowel mark on its own", () => {
    // "ค" and "ค่" are different characters: the tone mark belongs to its consonant.
    const parts = diffSegments("สวัสดีครับ", "สวัสดีค่ะ");
    expect(parts[0]).toEqual({ text: "สวัสดี", kind: "same" });
    expect(changed(parts, "removed")).toEqual(["ครับ"]);
    expect(changed(parts, "added")).toEqual(["ค่ะ"]);
  });

  it("marks an Arabic word that was inserted", () => {
    const parts = diffSegments("ذهب الولد إلى المدرسة.", "ذهب الولد الصغير إلى المدرسة.");
    expect(changed(parts, "removed")).toEqual([]);
    expect(changed(parts, "added").join("").trim()).toBe("الصغير");
  });

  it("compares at grapheme level when either text needs it", () => {
    expect(pairGranularity("hello", "你好")).toBe("grapheme");
    expect(pairGranularity("hello", "hallo")).toBe("word");
    const parts = diffSegments("Answer: 猫", "Answer: 狗");
    expect(changed(parts, "removed")).toEqual(["猫"]);
    expect(changed(parts, "added")).toEqual(["狗"]);
  });

  it("marks nothing when the texts are the same", () => {
    expect(diffSegments("Same text.", "Same text.")).toEqual([{ text: "Same text.", kind: "same" }]);
    expect(diffSegments("同じ文章です。", "同じ文章です。")).toEqual([{ text: "同じ文章です。", kind: "same" }]);
    expect(diffSegments("", "")).toEqual([]);
  });

  it("handles one side empty", () => {
    expect(diffSegments("", "new text")).toEqual([{ text: "new text", kind: "added" }]);
    expect(diffSegments("old text", "")).toEqual([{ text: "old text", kind: "removed" }]);
  });

  it("treats texts too different to diff cheaply as entirely different", () => {
    const reference = Array.from({ length: MAX_DIFF_EDITS }, (_, i) => `alpha${i}`).join(" ");
    const other = Array.from({ length: MAX_DIFF_EDITS }, (_, i) => `beta${i}`).join(" ");
    expect(diffSegments(reference, other)).toEqual([
      { text: reference, kind: "removed" },
      { text: other, kind: "added" },
    ]);
  });

  it("gives back both texts from its parts, for many multilingual edits", () => {
    const random = mulberry32(20240611);
    const bases = [
      "The quick brown fox jumps over the lazy dog.\nA second line, with punctuation!",
      "ذهب الولد إلى المدرسة في الصباح الباكر.",
      "שלום עולם, מה שלומך היום?",
      "今天天气很好，我们去公园散步吧。",
      "今日はいい天気ですね。コーヒーを飲みましょう。",
      "สวัสดีครับ ผมชื่อสมชาย ยินดีที่ได้รู้จัก",
      "नमस्ते दुनिया, आप कैसे हैं?",
      "Привет, мир! Как дела?",
      "안녕하세요, 만나서 반갑습니다.",
      "Family: 👩‍👩‍👧 and flags 🇰🇪🇯🇵 e\u0301te\u0301",
    ];
    const pool = bases.flatMap((base) => segmentText(base, "grapheme"));
    const mutate = (text: string) => {
      const units = segmentText(text, "grapheme");
      const edits = 1 + Math.floor(random() * 4);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(random() * (units.length + 1));
        const choice = random();
        if (choice < 0.33) units.splice(at, 1 + Math.floor(random() * 3));
        else if (choice < 0.66) units.splice(at, 0, ...Array.from({ length: 1 + Math.floor(random() * 4) }, () => pool[Math.floor(random() * pool.length)]));
        else units.splice(at, 1, pool[Math.floor(random() * pool.length)]);
      }
      return units.join("");
    };
    let checked = 0;
    for (let round = 0; round < 20; round++) {
      for (const base of bases) {
        const reference = random() < 0.5 ? base : mutate(base);
        const other = random() < 0.3 ? bases[Math.floor(random() * bases.length)] : mutate(base);
        const parts = diffSegments(reference, other);
        const label = JSON.stringify({ reference, other });
        expect(referenceSide(parts), label).toBe(reference);
        expect(otherSide(parts), label).toBe(other);
        expect(parts.every((part) => part.text !== ""), label).toBe(true);
        if (reference !== other) expect(parts.some((part) => part.kind !== "same"), label).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(200);
  });
});

describe("firstDifference", () => {
  it("is null for identical texts", () => {
    expect(firstDifference("Same text.", "Same text.")).toBeNull();
    expect(firstDifference("", "")).toBeNull();
  });

  it("is the index of the first differing unit in the other text", () => {
    // Units: "The", " ", "dog", ...
    expect(firstDifference("The cat sat.", "The dog sat.")).toBe(2);
    // Units: "今", "天", "天", "气", "不", ...
    expect(firstDifference("今天天气很好。", "今天天气不好。")).toBe(4);
    expect(firstDifference("cat", "dog")).toBe(0);
  });

  it("points past the end when the other text is the reference cut short", () => {
    expect(firstDifference("The cat sat.", "The cat")).toBe(3);
  });
});

describe("otherSideParts", () => {
  it("keeps what the other pane shows, merging the text around removals", () => {
    const parts = diffSegments("The big cat sat.", "The cat sat down.");
    expect(otherSideParts(parts)).toEqual([
      { text: "The cat sat", kind: "same" },
      { text: " down", kind: "added" },
      { text: ".", kind: "same" },
    ]);
  });

  it("does not change the parts it is given", () => {
    const parts: DiffPart[] = [
      { text: "a", kind: "same" },
      { text: "x", kind: "removed" },
      { text: "b", kind: "same" },
    ];
    expect(otherSideParts(parts)).toEqual([{ text: "ab", kind: "same" }]);
    expect(parts[0]).toEqual({ text: "a", kind: "same" });
  });
});

