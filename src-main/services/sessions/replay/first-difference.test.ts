import { describe, expect, it } from "vitest";
import { firstDifference } from "./first-difference";

const tokens = (text: string) => [...text].map((char) => ({ id: char.charCodeAt(0), text: char }));

describe("firstDifference", () => {
  it("is null when every token id is the same, in full", () => {
    expect(firstDifference(tokens("river"), tokens("river"))).toBeNull();
    expect(firstDifference([], [])).toBeNull();
  });

  it("names the first differing index with both tokens", () => {
    expect(firstDifference(tokens("river"), tokens("rived"))).toEqual({ index: 4, expected: { id: 114, text: "r" }, actual: { id: 100, text: "d" } });
    expect(firstDifference(tokens("abc"), tokens("xbz"))).toEqual({ index: 0, expected: { id: 97, text: "a" }, actual: { id: 120, text: "x" } });
  });

  it("has a null side where one output ended", () => {
    expect(firstDifference(tokens("river"), tokens("riv"))).toEqual({ index: 3, expected: { id: 101, text: "e" }, actual: null });
    expect(firstDifference(tokens("riv"), tokens("river"))).toEqual({ index: 3, expected: null, actual: { id: 101, text: "e" } });
    expect(firstDifference([], tokens("a"))).toEqual({ index: 0, expected: null, actual: { id: 97, text: "a" } });
  });

  it("compares ids, not texts, and keeps only id and text", () => {
    // The first bytes of a multi-byte character carry no text: two different ones both read "".
    const recorded = [{ id: 0xd0, text: "", logprob: -0.1 }];
    const replayed = [{ id: 0xd1, text: "", logprob: -0.2 }];
    expect(firstDifference(recorded, replayed)).toEqual({ index: 0, expected: { id: 0xd0, text: "" }, actual: { id: 0xd1, text: "" } });
    expect(firstDifference([{ id: 5, text: "a" }], [{ id: 5, text: "b" }])).toBeNull();
  });
});
