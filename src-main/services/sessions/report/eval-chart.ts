/**
 * One eval task's headline metric as grouped bars: a group per language, a bar per model (in the
 * run's model order, coloured as in the legend), with the 95 % bootstrap interval as a whisker.
 */
import { TASKS, metricInfo, type EvalTaskName, type SummaryRow } from "../../../contract/eval";
import { escapeHtml } from "./html-escape";
import { formatMetric } from "./report-format";
import { linearScale, niceTicks, px, seriesColor, svgOpen, svgText } from "./svg-chart";

const BAR_WIDTH = 14;
const GROUP_GAP = 16;
const LEFT = 56;
const RIGHT = 16;
const TOP = 12;
const PLOT_HEIGHT = 200;
/** Room under the plot for the slanted language codes. */
const BOTTOM = 64;
const MIN_WIDTH = 320;

/** The metric a task is judged by: its first (contract/eval.ts TASKS); for imported tasks, the first the rows have. */
export function headlineMetric(task: string, rows: readonly SummaryRow[]): string | null {
  const known = Object.hasOwn(TASKS, task) ? TASKS[task as EvalTaskName].metrics.find((metric) => rows.some((row) => metric in row.metrics)) : undefined;
  return known ?? rows.flatMap((row) => Object.keys(row.metrics))[0] ?? null;
}

/** The chart of one task's rows, with `models` giving the bar order and colours. */
export function evalTaskChart(task: string, metric: string, rows: readonly SummaryRow[], models: readonly string[]): string {
  const languages = [...new Set(rows.map((row) => row.lang))].sort();
  const info = metricInfo(metric);
  const highest = Math.max(0, ...rows.flatMap((row) => {
    const value = row.metrics[metric];
    return value ? [value.value, value.ci?.[1] ?? value.value] : [];
  }));
  const ticks = info.percent ? [0, 0.2, 0.4, 0.6, 0.8, 1] : niceTicks(0, highest || 1, 5);
  const top = ticks[ticks.length - 1];
  const groupWidth = models.length * BAR_WIDTH + GROUP_GAP;
  const width = Math.max(MIN_WIDTH, LEFT + languages.length * groupWidth + RIGHT);
  const y = linearScale(0, top, TOP + PLOT_HEIGHT, TOP);
  const base = TOP + PLOT_HEIGHT;

  const label = `${task}: ${info.label} by language and model${info.higherIsBetter ? "" : " (lower is better)"}`;
  const parts = [svgOpen(width, base + BOTTOM, label, "chart eval-chart")];
  for (const tick of ticks) {
    parts.push(`<line class="grid" x1="${LEFT}" x2="${px(width - RIGHT)}" y1="${px(y(tick))}" y2="${px(y(tick))}"/>`);
    parts.push(svgText(LEFT - 6, y(tick) + 4, info.percent ? `${Math.round(tick * 100)}%` : String(tick), "end", 'class="tick"'));
  }
  languages.forEach((language, group) => {
    const groupLeft = LEFT + group * groupWidth + GROUP_GAP / 2;
    models.forEach((model, index) => {
      const row = rows.find((candidate) => candidate.lang === language && candidate.model === model);
      const value = row?.metrics[metric];
      if (!row || !value) return;
      const left = groupLeft + index * BAR_WIDTH;
      const centre = left + BAR_WIDTH / 2;
      const interval = value.ci ? ` [${formatMetric(metric, value.ci[0])}, ${formatMetric(metric, value.ci[1])}]` : "";
      parts.push(`<g class="bar"><title>${escapeHtml(`${model}, ${language}: ${info.label} ${formatMetric(metric, value.value)}${interval}, n = ${row.n}`)}</title>`);
      parts.push(`<rect x="${px(left + 1)}" y="${px(y(value.value))}" width="${BAR_WIDTH - 2}" height="${px(Math.max(0, base - y(value.value)))}" fill="${seriesColor(index)}"/>`);
      if (value.ci) {
        const [low, high] = [y(value.ci[0]), y(value.ci[1])];
        parts.push(`<path class="whisker" d="M${px(centre)} ${px(low)}V${px(high)}M${px(centre - 3)} ${px(low)}H${px(centre + 3)}M${px(centre - 3)} ${px(high)}H${px(centre + 3)}"/>`);
      }
      parts.push("</g>");
    });
    const middle = groupLeft + (models.length * BAR_WIDTH) / 2;
    parts.push(svgText(middle, base + 14, language, "end", `class="tick" transform="rotate(-40 ${px(middle)} ${px(base + 14)})"`));
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${px(width - RIGHT)}" y1="${px(base)}" y2="${px(base)}"/>`);
  parts.push("</svg>");
  return parts.join("");
}
