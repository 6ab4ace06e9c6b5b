/** How the Tokenizers view writes its ratios. */

/** A ratio to `digits` decimals; "—" where it has no value (its denominator was 0). */
export function formatRatio(value: number | null, digits = 2): string {
  return value === null ? "—" : value.toFixed(digits);
}

/** A ratio in a CSV file: 4 decimals (enough for any chart, and no 1.2000000000000002); empty where there is none. */
export function csvRatio(value: number | null): string {
  return value === null ? "" : String(Number(value.toFixed(4)));
}
