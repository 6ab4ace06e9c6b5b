/**
 * The q-th quantile (0 ≤ q ≤ 1) of ascending-sorted values, interpolating linearly between
 * the two nearest ranks (Hyndman & Fan type 7, numpy's default), so intervals read the same as
 * ones computed in Python from the same samples.
 */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
