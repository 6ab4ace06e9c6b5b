import { describe, expect, it } from "vitest";
import { markerRange } from "./editor-marker";

/** Monaco's end column of each line: its length + 1. */
const lines = ["{% for m in messages %}", "{{ m.content }", ""];
const lineEnd = (line: number) => lines[line - 1].length + 1;

describe("markerRange", () => {
  it("marks from the column to the end of the line", () => {
    expect(markerRange({ line: 2, column: 4, message: "x" }, lines.length, lineEnd))
      .toEqual({ startLineNumber: 2, startColumn: 4, endLineNumber: 2, endColumn: 15 });
  });

  it("marks the whole line without a column", () => {
    expect(markerRange({ line: 1, column: null, message: "x" }, lines.length, lineEnd))
      .toEqual({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 24 });
  });

  it("keeps a marker past the text on its last line and character", () => {
    expect(markerRange({ line: 9, column: 3, message: "x" }, lines.length, lineEnd))
      .toEqual({ startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 1 });
    expect(markerRange({ line: 2, column: 40, message: "x" }, lines.length, lineEnd))
      .toEqual({ startLineNumber: 2, startColumn: 14, endLineNumber: 2, endColumn: 15 });
  });
});
