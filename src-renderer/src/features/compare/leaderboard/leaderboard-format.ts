import type { RatedModel } from "@contract/compare";

export function formatRating(rating: number): string {
  return String(Math.round(rating));
}

/** The 95 % interval as "low – high", or "—" without one (no bootstrap rounds). */
export function formatInterval(model: Pick<RatedModel, "ciLow" | "ciHigh">): string {
  return model.ciLow === null || model.ciHigh === null ? "—" : `${formatRating(model.ciLow)} – ${formatRating(model.ciHigh)}`;
}

/** 0.666… with 3 games → "67 % (3)"; "—" when the two never met. */
export function formatWinRate(rate: number | null, games: number): string {
  return rate === null ? "—" : `${Math.round(rate * 100)} % (${games})`;
}
