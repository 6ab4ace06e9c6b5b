import { describe, expect, it } from "vitest";
import { StopStringMatcher } from "./stop-string-matcher";

/** Feeds pieces in order; returns what was shown, whether it stopped, and what flush released. */
function feed(stops: string[], pieces: string[]) {
  const matcher = new StopStringMatcher(stops);
  const shown: string[] = [];
  for (const piece of pieces) {
    const { text, stopped } = matcher.push(piece);
    shown.push(text);
    if (stopped) return { shown, stopped: true, flushed: matcher.flush() };
  }
  return { shown, stopped: false, flushed: matcher.flush() };
}

/** What a user should see: the text up to the earliest occurrence of any stop string. */
function expectedOutput(text: string, stops: string[]): { text: string; stopped: boolean } {
  const indexes = stops.map((stop) => text.indexOf(stop)).filter((index) => index !== -1);
  return indexes.length === 0 ? { text, stopped: false } : { text: text.slice(0, Math.min(...indexes)), stopped: true };
}

describe("StopStringMatcher", () => {
  it("passes text through when there are no stop strings", () => {
    expect(feed([], ["Hello", ", ", "world"])).toEqual({ shown: ["Hello", ", ", "world"], stopped: false, flushed: "" });
  });

  it("holds back a possible start of a stop string until the next piece decides", () => {
    const matcher = new StopStringMatcher(["</end>"]);
    expect(matcher.push("Hello </e")).toEqual({ text: "Hello ", stopped: false });
    expect(matcher.push("xtra")).toEqual({ text: "</extra", stopped: false });
    expect(matcher.push(" <")).toEqual({ text: " ", stopped: false });
    expect(matcher.push("/")).toEqual({ text: "", stopped: false });
    expect(matcher.push("end> more")).toEqual({ text: "", stopped: true });
  });

  it("finds a stop string split over many pieces, and never shows any of it", () => {
    const result = feed(["<|end|>"], ["answer", "<", "|", "en", "d", "|", "> ignored"]);
    expect(result.stopped).toBe(true);
    expect(result.shown.join("")).toBe("answer");
  });

  it("stops at the earliest of several stop strings", () => {
    expect(feed(["world", "lo"], ["hello world"]).shown).toEqual(["hel"]);
    expect(feed(["STOP", "\n\n"], ["one\n", "\ntwo STOP"]).shown.join("")).toBe("one");
  });

  it("handles overlapping partial matches", () => {
    expect(feed(["aab"], ["a", "a", "a", "a", "b", "c"])).toMatchObject({ shown: ["", "", "a", "a", ""], stopped: true });
  });

  it("flush releases what was held back when generation ends for another reason", () => {
    const matcher = new StopStringMatcher(["###"]);
    expect(matcher.push("Done ##")).toEqual({ text: "Done ", stopped: false });
    expect(matcher.flush()).toBe("##");
    expect(matcher.flush()).toBe("");
  });

  it("works on any script", () => {
    expect(feed(["мир"], ["Привет, м", "и", "р!"]).shown.join("")).toBe("Привет, ");
    expect(feed(["。"], ["你好", "。再见"]).shown.join("")).toBe("你好");
  });

  it("shows exactly the text before the earliest stop, however the text is split into pieces", () => {
    const text = "La rivière passe <|im_end|> devant le moulin\n\nEnd";
    const stopSets = [["<|im_end|>"], ["\n\n", "moulin"], ["ière", "passe"], ["absent"], ["End"]];
    for (const stops of stopSets) {
      const expected = expectedOutput(text, stops);
      for (let size = 1; size <= 7; size++) {
        const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
        const result = feed(stops, pieces);
        expect(result.stopped, `${JSON.stringify(stops)} in pieces of ${size}`).toBe(expected.stopped);
        expect(result.shown.join("") + (result.stopped ? "" : result.flushed), `${JSON.stringify(stops)} in pieces of ${size}`).toBe(expected.text);
      }
    }
  });
});
