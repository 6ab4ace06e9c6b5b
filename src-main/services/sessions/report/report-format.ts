/**
 * How the report writes numbers, times, languages and tokens. Every function is deterministic
 * (no locale, no time zone): the same session gives the same bytes on every machine.
 */
import { metricInfo } from "../../../contract/eval";
import { languageName } from "../../../contract/languages";

/** A probability as a percentage: one decimal from 0.1 % up, two significant digits below. */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  return `${percent >= 0.1 ? percent.toFixed(1) : percent.toPrecision(2)}%`;
}

/** An ISO time to the minute, in UTC: "2025-01-01 10:05 UTC" (the text as it is when it is not a time). */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** 7e9 → "7.0 B", 1.5e6 → "1.5 M", 124000 → "124.0 K". */
export function formatParameterCount(count: number | null): string {
  if (count === null) return "unknown";
  const units: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  const [size, unit] = units.find(([threshold]) => count >= threshold) ?? [1, ""];
  return unit ? `${(count / size).toFixed(1)} ${unit}` : String(count);
}

/** "Swahili (swh_Latn)"; a code the list does not know as it is; "unknown" for none. */
export function languageLabel(code: string | null): string {
  if (code === null) return "unknown";
  const name = languageName(code);
  return name === code ? code : `${name} (${code})`;
}

/** A metric's value as the Eval view shows it: percentages for shares, three decimals otherwise. */
export function formatMetric(metric: string, value: number): string {
  return metricInfo(metric).percent ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
}

/** Milliseconds for people: "850 ms", "3.2 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
