/** The report's tables: a header row of labels and rows of cells already written as HTML. */
import { escapeHtml } from "./html-escape";

/** A cell's HTML and, optionally, its class (e.g. "number" for right-aligned figures). */
export type Cell = string | { html: string; className: string };

export function htmlTable(className: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("\n");
  return `<div class="table-scroll"><table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A right-aligned figure. */
export function numberCell(text: string): Cell {
  return { html: escapeHtml(text), className: "number" };
}

function cell(content: Cell): string {
  return typeof content === "string"
    ? `<td dir="auto">${content}</td>`
    : `<td dir="auto" class="${content.className}">${content.html}</td>`;
}
