/**
 * What the report's inline SVG charts share: scales, tick values, the model colours and number
 * formatting for coordinates. The charts are plain markup (no script), sized in user units and
 * scaled by the page to its width.
 */
import { escapeHtml } from "./html-escape";

/** Colours told apart with the common colour-vision deficiencies (Okabe & Ito's palette). */
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** A map from [domainLow, domainHigh] onto [rangeLow, rangeHigh]. */
export function linearScale(domainLow: number, domainHigh: number, rangeLow: number, rangeHigh: number): (value: number) => number {
  const span = domainHigh - domainLow || 1;
  return (value) => rangeLow + ((value - domainLow) / span) * (rangeHigh - rangeLow);
}

/**
 * Round tick values covering [low, high], about `count` of them, spaced 1, 2 or 5 × a power of
 * ten; the first at or below `low` and the last at or above `high`, so the axis spans the data.
 */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  return Array.from({ length: last - first + 1 }, (_, index) => cleanNumber((first + index) * step));
}

/** 0.30000000000000004 → 0.3: ticks made by multiplying keep their round value. */
function cleanNumber(value: number): number {
  return Number(value.toPrecision(12));
}

/** A coordinate with at most one decimal: smaller markup, no visible difference. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** An SVG <text>; `anchor` is text-anchor. The text is escaped. */
export function svgText(x: number, y: number, text: string, anchor: "start" | "middle" | "end", extra = ""): string {
  return `<text x="${px(x)}" y="${px(y)}" text-anchor="${anchor}"${extra ? ` ${extra}` : ""}>${escapeHtml(text)}</text>`;
}

/** The opening tag of a chart: scales with the page, labelled for screen readers. */
export function svgOpen(width: number, height: number, label: string, className: string): string {
  return `<svg class="${className}" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${escapeHtml(label)}">`;
}
