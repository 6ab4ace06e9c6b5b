/**
 * The leaderboard over every vote of the session (Bradley–Terry with bootstrap intervals, the
 * app's defaults), as a chart and tables, and how far the raters agree, with their conflicts.
 */
import { LeaderboardRequestSchema, type Leaderboard } from "../../../contract/compare";
import { AppError } from "../../../contract/errors";
import { summarizeComparison, type Comparison } from "../../../contract/session";
import type { AgreementReport } from "../../../contract/sessions";
import { computeLeaderboard } from "../../compare/leaderboard/leaderboard";
import { agreementReport } from "../merge/merge-sessions";
import { comparisonAnchor, paneName, verdictText } from "./comparison-labels";
import { escapeHtml } from "./html-escape";
import { htmlTable, numberCell } from "./html-table";
import { leaderboardChart } from "./leaderboard-chart";
import { plural } from "../../../contract/plural";

export function leaderboardSection(comparisons: readonly Comparison[]): string {
  const request = LeaderboardRequestSchema.parse({});
  let body: string;
  try {
    const leaderboard = computeLeaderboard(comparisons.map(summarizeComparison), request);
    body = leaderboard.models.length === 0
      ? '<p class="muted">No votes between two different models yet.</p>'
      : [
        `<p>${plural(leaderboard.votes, "vote")} between two different models. Bradley–Terry ratings on the Elo scale (mean 1000), ` +
          `with 95% intervals from ${request.bootstrapRounds} bootstrap rounds. Votes between two panes of one model are not counted.</p>`,
        `<figure>${leaderboardChart(leaderboard.models)}</figure>`,
        ratingsTable(leaderboard),
        headToHead(leaderboard),
      ].join("\n");
  } catch (error) {
    // A hand-edited file may hold a vote on a pane that does not exist: say which, show the rest.
    body = `<p class="error">The leaderboard cannot be computed: ${escapeHtml(AppError.from(error).message)}</p>`;
  }
  return `<section id="leaderboard"><h2>Leaderboard</h2>\n${body}\n${agreementBlock(comparisons, agreementReport(comparisons))}</section>`;
}

function ratingsTable(leaderboard: Leaderboard): string {
  const rows = leaderboard.models.map((model, index) => [
    numberCell(String(index + 1)),
    escapeHtml(model.name),
    numberCell(model.rating.toFixed(0)),
    numberCell(model.ciLow !== null && model.ciHigh !== null ? `${model.ciLow.toFixed(0)} – ${model.ciHigh.toFixed(0)}` : "—"),
    numberCell(String(model.games)), numberCell(String(model.wins)), numberCell(String(model.losses)), numberCell(String(model.ties)),
  ]);
  return htmlTable("leaderboard-table", ["Rank", "Model", "Rating", "95% interval", "Games", "Wins", "Losses", "Ties"], rows);
}

/** Each row model's share of its games against each column model (ties count half), and how many. */
function headToHead(leaderboard: Leaderboard): string {
  if (leaderboard.models.length < 2) return "";
  const rows = leaderboard.models.map((model, i) => [
    escapeHtml(model.name),
    ...leaderboard.models.map((_, j) => {
      const rate = leaderboard.winRate[i][j];
      return numberCell(rate === null ? "—" : `${(rate * 100).toFixed(0)}% of ${leaderboard.games[i][j]}`);
    }),
  ]);
  return `<h3>Head to head</h3><p>Each row's share of wins against each column (ties count half), of so many votes.</p>` +
    htmlTable("head-to-head", ["", ...leaderboard.models.map((model) => model.name)], rows);
}

function agreementBlock(comparisons: readonly Comparison[], report: AgreementReport): string {
  const { agreement, raters, conflicts } = report;
  const measure = agreement.method === null
    ? "Agreement needs two raters or more."
    : `${agreement.method === "cohen" ? "Cohen's" : "Fleiss'"} kappa ${agreement.kappa === null ? "undefined" : agreement.kappa.toFixed(3)} ` +
      `on ${agreement.items} items every rater judged.`;
  const positions = new Map(comparisons.map((comparison, index) => [comparison.id, index]));
  const rows = conflicts.map((item) => {
    const index = positions.get(item.comparisonId)!;
    const comparison = comparisons[index];
    return [
      `<a href="#${comparisonAnchor(index)}">${escapeHtml(`Comparison ${index + 1}`)}</a>`,
      escapeHtml(`${paneName(comparison, item.pair[0])} vs ${paneName(comparison, item.pair[1])}`),
      escapeHtml(Object.entries(item.verdicts).sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([rater, verdict]) => `${rater}: ${verdictText(comparison, item.pair, verdict)}`).join("; ")),
    ];
  });
  return [
    '<section id="agreement"><h3>Raters\' agreement</h3>',
    `<p dir="auto">Raters (${raters.length}): ${raters.length === 0 ? "none" : raters.map((rater) => `<span class="rater">${escapeHtml(rater)}</span>`).join(", ")}.</p>`,
    `<p class="agreement" data-method="${agreement.method ?? "none"}">${escapeHtml(measure)}</p>`,
    conflicts.length === 0
      ? "<p>No conflicts: raters who judged the same panes gave the same verdict.</p>"
      : `<h4>Conflicts (${conflicts.length})</h4>${htmlTable("conflicts", ["Comparison", "Panes (A vs B)", "Verdicts"], rows)}`,
    "</section>",
  ].join("\n");
}
