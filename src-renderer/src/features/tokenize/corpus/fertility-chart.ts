/**
 * The fertility chart's layout: grouped bars, one group per language (sorted by premium), one bar
 * per tokenizer, on a value axis with round ticks. Pure, so the figures a bar shows are tested here.
 */
import type { FertilityReport, FertilityRow } from "@contract/tokenize";
import { languageLabel } from "../../../lib/format";
import { formatRatio } from "../tokenize-format";

export type ChartMetric = "fertility" | "premium";

export const CHART_METRICS: readonly { id: ChartMetric; label: string }[] = [
  { id: "fertility", label: "Tokens per word" },
  { id: "premium", label: "Token premium" },
];

/** Okabe–Ito's colour-blind-safe palette (black swapped for grey, which both themes show): one per tokenizer, at most 8. */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8C8C8C"];

/** Sizes in SVG units: the plot's margins, bars, the space under it for language labels, the legend's rows. */
export const PLOT = { left: 64, top: 16, height: 240, right: 12, barWidth: 16, groupGap: 18, labelSpace: 64, legendRow: 22, legendItem: 220, legendColumns: 3 } as const;

export interface ChartBar {
  language: string;
  modelId: string;
  tokenizer: string;
  value: number;
  x: number;
  y: number;
  height: number;
  colour: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot's bottom edge (value 0). */
  baseline: number;
  languages: { code: string; label: string; centre: number }[];
  /** One entry per tokenizer, placed in the legend under the plot. */
  series: { modelId: string; name: string; colour: string; x: number; y: number }[];
  bars: ChartBar[];
  ticks: { value: number; y: number; label: string }[];
  /** Where the premium's 1.0 (as many tokens as the reference) is drawn; null for fertility. */
  parityY: number | null;
  /** Where the legend explains that line (the slot after the tokenizers'); null for fertility. */
  parityLegend: { x: number; y: number } | null;
  axisLabel: string;
  /** What a screen reader says of the chart. */
  summary: string;
}

export function metricValue(row: FertilityRow, metric: ChartMetric): number | null {
  return metric === "fertility" ? row.tokensPerWord : row.premium;
}

export function axisLabel(metric: ChartMetric, reference: string): string {
  return metric === "fertility" ? "Tokens per word" : `Token premium vs ${languageLabel(reference)}`;
}

/** A round step near `span / count`: 1, 2 or 5 × a power of ten. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0)) return 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factor = [1, 2, 5, 10].find((candidate) => candidate * power >= rough)!;
  return factor * power;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The report's languages, cheapest first: by their mean premium over the tokenizers (the mean
 * fertility where no premium is known), then by code.
 */
export function languagesByPremium(report: Pick<FertilityReport, "languages" | "rows">): string[] {
  const key = (language: string): number => {
    const rows = report.rows.filter((row) => row.language === language);
    return mean(rows.flatMap((row) => (row.premium === null ? [] : [row.premium])))
      ?? mean(rows.flatMap((row) => (row.tokensPerWord === null ? [] : [row.tokensPerWord])))
      ?? Infinity;
  };
  const keys = new Map(report.languages.map((language) => [language, key(language)]));
  return [...report.languages].sort((a, b) => keys.get(a)! - keys.get(b)! || a.localeCompare(b));
}

export function chartLayout(report: FertilityReport, metric: ChartMetric): ChartLayout {
  const baseline = PLOT.top + PLOT.height;
  const legendTop = baseline + PLOT.labelSpace + 12;
  const legendSlot = (index: number) => ({
    x: PLOT.left + (index % PLOT.legendColumns) * PLOT.legendItem,
    y: legendTop + Math.floor(index / PLOT.legendColumns) * PLOT.legendRow,
  });
  const series = report.tokenizers.map((tokenizer, index) => ({
    modelId: tokenizer.modelId, name: tokenizer.name, colour: SERIES_COLOURS[index % SERIES_COLOURS.length], ...legendSlot(index),
  }));
  const legendEntries = series.length + (metric === "premium" ? 1 : 0);
  const languages = languagesByPremium(report);
  const groupWidth = series.length * PLOT.barWidth + PLOT.groupGap;
  const values = report.rows.flatMap((row) => (metricValue(row, metric) === null ? [] : [metricValue(row, metric)!]));
  const step = niceStep(Math.max(metric === "premium" ? 1 : 0, ...values));
  const top = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
  const yOf = (value: number) => baseline - (value / top) * PLOT.height;

  const bars: ChartBar[] = [];
  languages.forEach((language, group) => {
    series.forEach((tokenizer, index) => {
      const row = report.rows.find((candidate) => candidate.language === language && candidate.modelId === tokenizer.modelId);
      const value = row ? metricValue(row, metric) : null;
      if (value === null) return;
      const x = PLOT.left + group * groupWidth + PLOT.groupGap / 2 + index * PLOT.barWidth;
      bars.push({ language, modelId: tokenizer.modelId, tokenizer: tokenizer.name, value, x, y: yOf(value), height: baseline - yOf(value), colour: tokenizer.colour });
    });
  });

  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => ({ value: index * step, y: yOf(index * step), label: (index * step).toFixed(digits) }));
  const label = axisLabel(metric, report.reference);
  return {
    width: PLOT.left + Math.max(languages.length * groupWidth, Math.min(legendEntries, PLOT.legendColumns) * PLOT.legendItem) + PLOT.right,
    height: legendTop + Math.ceil(legendEntries / PLOT.legendColumns) * PLOT.legendRow,
    baseline,
    languages: languages.map((code, group) => ({ code, label: languageLabel(code), centre: PLOT.left + group * groupWidth + groupWidth / 2 })),
    series,
    bars,
    ticks,
    parityY: metric === "premium" ? yOf(1) : null,
    parityLegend: metric === "premium" ? legendSlot(series.length) : null,
    axisLabel: label,
    summary: chartSummary(bars, label, languages.length, series.length),
  };
}

function chartSummary(bars: ChartBar[], label: string, languages: number, tokenizers: number): string {
  const head = `Bar chart of ${label.toLowerCase()} for ${languages} language${languages === 1 ? "" : "s"} and ${tokenizers} tokenizer${tokenizers === 1 ? "" : "s"}`;
  if (bars.length === 0) return `${head}: no values.`;
  const describe = (bar: ChartBar) => `${languageLabel(bar.language)} with ${bar.tokenizer}, ${formatRatio(bar.value)}`;
  const highest = bars.reduce((best, bar) => (bar.value > best.value ? bar : best));
  const lowest = bars.reduce((best, bar) => (bar.value < best.value ? bar : best));
  return `${head}. Highest: ${describe(highest)}. Lowest: ${describe(lowest)}. The results table lists every value.`;
}
