/**
 * Inter-rater agreement beyond chance: Cohen's kappa for two raters, Fleiss' kappa for more.
 * κ = (observed agreement − chance agreement) / (1 − chance agreement); 1 is full agreement, 0 what
 * chance alone gives, below 0 worse than chance. null when it is undefined (no items, or every
 * label the same category, where chance agreement is already 1).
 */

/** Cohen (1960): two raters' labels on the same items, one [first, second] pair per item. */
export function cohensKappa(labels: readonly (readonly [string, string])[]): number | null {
  if (labels.length === 0) return null;
  const n = labels.length;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of labels) {
    if (a === b) agreed++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreed / n;
  let chance = 0;
  for (const [category, count] of first) chance += (count / n) * ((second.get(category) ?? 0) / n);
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/**
 * Fleiss (1971): for each item, how many raters put it in each category; every item rated by the
 * same number of raters (at least two).
 */
export function fleissKappa(items: readonly Readonly<Record<string, number>>[]): number | null {
  if (items.length === 0) return null;
  const raters = sum(Object.values(items[0]));
  if (raters < 2 || items.some((item) => sum(Object.values(item)) !== raters)) {
    throw new Error("Fleiss' kappa needs every item rated by the same number of raters, at least two.");
  }
  const totals = new Map<string, number>();
  let observed = 0;
  for (const item of items) {
    let agreeingPairs = 0;
    for (const [category, count] of Object.entries(item)) {
      totals.set(category, (totals.get(category) ?? 0) + count);
      agreeingPairs += count * (count - 1);
    }
    observed += agreeingPairs / (raters * (raters - 1));
  }
  observed /= items.length;
  let chance = 0;
  for (const total of totals.values()) chance += (total / (items.length * raters)) ** 2;
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
