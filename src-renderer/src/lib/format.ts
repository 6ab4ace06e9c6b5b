/** Human-readable numbers for model facts. Binary units for bytes, as RAM is counted that way. */
import { languageName } from "@contract/languages";

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** 7_241_732_096 → "7.24B", 1_234_567 → "1.23M", 66_000 → "66K", 512 → "512". */
export function formatParameterCount(count: number): string {
  const scales: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  for (const [scale, suffix] of scales) {
    if (Math.abs(count) >= scale) return `${trimZeros((count / scale).toPrecision(3))}${suffix}`;
  }
  return String(count);
}

export function formatPercent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString("en-US");
}

/** A span of time for people, to the second: 45 → "45 s", 200 → "3 min 20 s", 7_500 → "2 h 5 min". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}

/** "Swahili (swh_Latn)"; the code alone when it has no known name. */
export function languageLabel(code: string): string {
  const name = languageName(code);
  return name === code ? code : `${name} (${code})`;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
