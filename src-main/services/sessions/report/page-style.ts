/**
 * The report's only styles, inline in the page (the CSP allows inline styles and nothing else).
 * System fonts that cover the world's scripts, no downloads; light and dark; tidy in print, where
 * the probability colours are kept.
 */
import { PROBABILITY_CLASSES } from "./token-spans";

const FONTS = [
  "system-ui", "-apple-system", '"Segoe UI"', '"Noto Sans"', "Roboto", '"Helvetica Neue"', "Arial",
  // Scripts the first fonts may lack, by the names their usual system fonts go by.
  '"Noto Sans Arabic"', '"Geeza Pro"', '"Noto Sans Hebrew"', '"Noto Sans Devanagari"', '"Nirmala UI"', '"Noto Sans Bengali"',
  '"Noto Sans Thai"', '"Leelawadee UI"', '"Noto Sans Ethiopic"', '"Ebrima"', '"Noto Sans CJK SC"', '"PingFang SC"',
  '"Microsoft YaHei"', '"Noto Sans CJK JP"', '"Hiragino Sans"', '"Yu Gothic"', '"Noto Sans CJK KR"', '"Malgun Gothic"',
  "sans-serif", '"Apple Color Emoji"', '"Segoe UI Emoji"', '"Noto Color Emoji"',
].join(", ");

/** p0 (unlikely) red through amber to p9 (likely) green, as the app's token view colours them. */
function probabilityColors(): string {
  return Array.from({ length: PROBABILITY_CLASSES }, (_, bucket) => {
    const hue = Math.round(((bucket + 0.5) / PROBABILITY_CLASSES) * 120);
    return `.p${bucket}{background:hsl(${hue} 85% 50% / 0.3)}`;
  }).join("\n");
}

export const PAGE_STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b6470; --bg: #ffffff; --panel: #f5f7fa; --border: #d5dae1; --accent: #0b61c2; --error: #b42318; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ee; --muted: #9aa4b1; --bg: #14171c; --panel: #1d2128; --border: #353b45; --accent: #6cb0ff; --error: #ff8a7a; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; font-family: ${FONTS}; line-height: 1.5; color: var(--fg); background: var(--bg); }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.2em 0 0.5em; }
h1 { margin-top: 0; }
h2 { border-bottom: 1px solid var(--border); padding-bottom: 0.25em; }
a { color: var(--accent); }
code, .sha256 { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "Noto Sans Mono", monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.muted, .facts, .params, .stats { color: var(--muted); font-size: 0.9em; }
.error { color: var(--error); }
.notes, .text, .output { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.notes { background: var(--panel); border-inline-start: 3px solid var(--accent); padding: 0.5rem 0.75rem; }
.text { background: var(--panel); border-radius: 4px; padding: 0.5rem 0.75rem; }
nav ol { columns: 16rem; padding-inline-start: 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92em; }
th, td { border: 1px solid var(--border); padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
th { background: var(--panel); }
td.number { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-scroll, .chart-scroll { overflow-x: auto; }
figure { margin: 0.5rem 0 1rem; }
figcaption { color: var(--muted); font-size: 0.9em; }
.comparison { border-top: 1px solid var(--border); padding-top: 0.5rem; margin-top: 2rem; }
.messages { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.4rem; }
.role { font-size: 0.8em; text-transform: uppercase; color: var(--muted); }
.panes { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.pane { border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.75rem; min-width: 0; }
.pane h4 { margin-top: 0.25rem; }
.output { border-radius: 4px; padding: 0.5rem 0; }
.output span[title]:hover { outline: 1px solid var(--fg); cursor: help; }
${probabilityColors()}
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-inline-end: 0.35em; vertical-align: -0.1em; border-radius: 2px; }
.chart { max-width: 100%; height: auto; font-size: 12px; font-family: ${FONTS}; }
.chart-scroll .chart { max-width: none; }
.chart text { fill: var(--fg); unicode-bidi: plaintext; }
.chart .tick, .chart .axis-title { fill: var(--muted); }
.chart .grid { stroke: var(--border); stroke-width: 1; }
.chart .axis { stroke: var(--muted); stroke-width: 1; }
.chart .reference { stroke: var(--muted); stroke-dasharray: 4 3; }
.chart .whisker { stroke: var(--fg); stroke-width: 1.5; fill: none; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--border); padding-top: 0.5rem; }
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --panel: #f3f3f3; --border: #bbb; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav { display: none; }
  figure, tr, .pane { break-inside: avoid-page; }
  .table-scroll, .chart-scroll { overflow: visible; }
  details > summary { list-style: none; }
  a { color: inherit; text-decoration: none; }
}
`;
