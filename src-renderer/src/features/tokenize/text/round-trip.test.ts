import { describe, expect, it } from "vitest";
import { characterPosition, differenceContext, firstDifference } from "./round-trip";

describe("firstDifference", () => {
  it("is null for equal texts", () => {
    expect(firstDifference("Jambo", "Jambo")).toBeNull();
  });

  it("finds the first differing unit, or where the shorter text ends", () => {
    expect(firstDifference("Hi there", "hi there")).toBe(0);
    expect(firstDifference("Jambo!", "Jambo")).toBe(5);
    expect(firstDifference("Jambo", "Jambo sana")).toBe(5);
  });

  it("points at the start of a character whose surrogate pair differs only in its low half", () => {
    // 😀 is D83D DE00, 😁 is D83D DE01: they share the high surrogate at offset 2.
    expect(firstDifference("a 😀", "a 😁")).toBe(2);
  });
});

describe("characterPosition", () => {
  it("counts characters (code points) from 1, not UTF-16 units", () => {
    expect(characterPosition("Hi", 0)).toBe(1);
    expect(characterPosition("😀😀x", 4)).toBe(3);
  });
});

describe("differenceContext", () => {
  it("gives the characters around the difference, clipped with an ellipsis", () => {
    expect(differenceContext("abcdefgh", 4, 2)).toEqual({ before: "…cd", at: "e", after: "fg…" });
    expect(differenceContext("abc", 1, 5)).toEqual({ before: "a", at: "b", after: "c" });
  });

  it("has no character at the end of the text", () => {
    expect(differenceContext("Jambo", 5, 3)).toEqual({ before: "…mbo", at: "", after: "" });
  });
});
