/**
 * The eval runs the session refers to, from the results stored in the session (the run's folder
 * need not exist here): per task a chart of the headline metric by language and model, then a
 * table of every row and metric with its interval.
 */
import { metricInfo, type SummaryRow } from "../../../contract/eval";
import type { EvalRunRef } from "../../../contract/session";
import { evalTaskChart, headlineMetric } from "./eval-chart";
import { escapeHtml } from "./html-escape";
import { htmlTable, numberCell } from "./html-table";
import { formatMetric, formatTime, languageLabel } from "./report-format";
import { seriesColor } from "./svg-chart";

export function evalRunsSection(runs: readonly EvalRunRef[]): string {
  if (runs.length === 0) return "";
  return `<section id="eval-runs"><h2>Eval runs</h2>\n${runs.map(evalRunBlock).join("\n")}</section>`;
}

function evalRunBlock(run: EvalRunRef): string {
  // The run's own model order, then any model only its rows name: colours stay put across tasks.
  const models = [...new Set([...run.models, ...run.rows.map((row) => row.model)])];
  const tasks = [...new Set([...run.tasks, ...run.rows.map((row) => row.task)])];
  const charts = tasks.flatMap((task) => {
    const rows = run.rows.filter((row) => row.task === task);
    const metric = headlineMetric(task, rows);
    if (metric === null) return [];
    const info = metricInfo(metric);
    const caption = `${task}: ${info.label}${info.higherIsBetter ? "" : " (lower is better)"}, by language; whiskers are 95% intervals`;
    return [`<figure class="eval-figure"><figcaption dir="auto">${escapeHtml(caption)}</figcaption>` +
      `<div class="chart-scroll">${evalTaskChart(task, metric, rows, models)}</div></figure>`];
  });
  const legend = models.map((model, index) =>
    `<li><span class="swatch" style="background:${seriesColor(index)}"></span><span dir="auto">${escapeHtml(model)}</span></li>`).join("");
  const facts = `run ${run.runId} · added ${formatTime(run.addedAt)} · tasks: ${tasks.join(", ") || "none"}`;
  return [
    '<article class="eval-run">',
    `<h3 dir="auto">${escapeHtml(run.name)}</h3>`,
    `<p class="facts" dir="auto">${escapeHtml(facts)}</p>`,
    run.rows.length === 0 ? '<p class="muted">No results were stored with this run.</p>' : `<ul class="legend">${legend}</ul>`,
    ...charts,
    run.rows.length === 0 ? "" : rowsTable(run.rows),
    "</article>",
  ].join("\n");
}

function rowsTable(rows: readonly SummaryRow[]): string {
  const metrics = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))];
  const body = rows.map((row) => [
    escapeHtml(row.task), escapeHtml(languageLabel(row.lang)), escapeHtml(row.model), numberCell(String(row.n)),
    ...metrics.map((metric) => {
      const value = row.metrics[metric];
      if (!value) return numberCell("—");
      const interval = value.ci ? ` [${formatMetric(metric, value.ci[0])}, ${formatMetric(metric, value.ci[1])}]` : "";
      return numberCell(`${formatMetric(metric, value.value)}${interval}`);
    }),
  ]);
  return htmlTable("eval-table", ["Task", "Language", "Model", "n", ...metrics.map((metric) => metricInfo(metric).label)], body);
}
