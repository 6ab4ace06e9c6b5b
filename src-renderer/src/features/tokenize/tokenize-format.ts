/** How the Tokenizers view writes its ratios. */

/** A ratio to `digits` decimals; "—" where it has no value (its denominator was 0). */
export function formatRatio(value: number | null, digits = 2): string {
  return value === null ? "—" : value.toFixed(digits);
}
