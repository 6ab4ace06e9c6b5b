/** An error shown in an editor's text, and the range Monaco underlines for it. */

/** 1-based line and column, as the editor shows them; without a column the whole line is marked. */
export interface EditorMarker {
  line: number;
  column?: number | null;
  message: string;
}

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * From the marker's column (or the line's start) to the end of its line, inside the text: a line
 * past the end marks the last line, and a column past the line's end its last character.
 */
export function markerRange(marker: EditorMarker, lineCount: number, lineEndColumn: (line: number) => number): MarkerRange {
  const line = Math.min(Math.max(Math.trunc(marker.line), 1), Math.max(lineCount, 1));
  const endColumn = lineEndColumn(line);
  const startColumn = Math.min(Math.max(marker.column ?? 1, 1), Math.max(endColumn - 1, 1));
  return { startLineNumber: line, startColumn, endLineNumber: line, endColumn };
}
