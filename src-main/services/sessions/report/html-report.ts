/**
 * The session as one self-contained HTML file (docs/session-report.md): no script, nothing loaded
 * from anywhere (a CSP that forbids it), so it opens the same in any browser, offline, forever.
 * Built by joining strings: a big session's report is tens of megabytes.
 */
import { promptFirstLine, type SessionFile } from "../../../contract/session";
import { comparisonAnchor } from "./comparison-labels";
import { comparisonSection } from "./comparison-section";
import { evalRunsSection } from "./eval-section";
import { escapeHtml } from "./html-escape";
import { leaderboardSection } from "./leaderboard-section";
import { modelsSection } from "./models-section";
import { PAGE_STYLE } from "./page-style";
import { formatTime } from "./report-format";
import { PROBABILITY_CLASSES, probabilityClass } from "./token-spans";
import { plural } from "../../../contract/plural";

/** Nothing but the page's own inline styles and data: images; no script, font, frame or connection. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderSessionReport(session: SessionFile): string {
  const votes = session.comparisons.flatMap((comparison) => comparison.votes);
  const raters = new Set(votes.map((vote) => vote.rater));
  const summary = `${plural(session.comparisons.length, "comparison")} · ${plural(votes.length, "vote")} by ${plural(raters.size, "rater")} · ` +
    `created ${formatTime(session.createdAt)} · updated ${formatTime(session.updatedAt)}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Polyglot Workbench">',
    `<title>${escapeHtml(session.title || "Session")} — Polyglot session report</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1 dir="auto">${escapeHtml(session.title || "Untitled session")}</h1>`,
    `<p class="facts">${escapeHtml(summary)}</p>`,
    session.notes ? `<div class="notes" dir="auto">${escapeHtml(session.notes)}</div>` : "",
    "</header>",
    contents(session),
    modelsSection(session),
    leaderboardSection(session.comparisons),
    evalRunsSection(session.evalRuns),
    '<section id="comparisons"><h2>Comparisons</h2>',
    probabilityLegend(),
    ...session.comparisons.map(comparisonSection),
    "</section>",
    `<footer>Polyglot Workbench session report · session ${escapeHtml(session.id)} · format version ${session.version}. ` +
      "This page holds no script and loads nothing from anywhere.</footer>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function contents(session: SessionFile): string {
  const links = session.comparisons.map((comparison, index) =>
    `<li><a href="#${comparisonAnchor(index)}" dir="auto">${escapeHtml(shortened(promptFirstLine(comparison.prompt)))}</a></li>`);
  const sections = [
    session.comparisons.length > 0 ? '<a href="#models">Models</a>' : "",
    '<a href="#leaderboard">Leaderboard</a>', '<a href="#agreement">Raters\' agreement</a>',
    session.evalRuns.length > 0 ? '<a href="#eval-runs">Eval runs</a>' : "",
    '<a href="#comparisons">Comparisons</a>',
  ].filter(Boolean);
  return `<nav aria-label="Contents"><p>${sections.join(" · ")}</p>${links.length > 0 ? `<ol>${links.join("")}</ol>` : ""}</nav>`;
}

/** A line cut to a length a list of contents can show (by code points: no half characters). */
function shortened(text: string): string {
  const characters = [...text];
  return characters.length > 80 ? `${characters.slice(0, 79).join("")}…` : text;
}

/** What the token colours mean; each token's exact probability is in its tooltip. */
function probabilityLegend(): string {
  const steps = Array.from({ length: PROBABILITY_CLASSES }, (_, bucket) => {
    const low = (bucket * 100) / PROBABILITY_CLASSES;
    return `<span class="${probabilityClass(bucket / PROBABILITY_CLASSES)}">${low}–${low + 100 / PROBABILITY_CLASSES}%</span>`;
  });
  return `<p class="probability-legend">Each token of an output is coloured by its probability; point at it for the exact figure and its top alternatives: ${steps.join(" ")}</p>`;
}
