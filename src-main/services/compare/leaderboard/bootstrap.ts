/**
 * Percentile-bootstrap intervals for Bradley–Terry ratings: resample the games with replacement,
 * refit, and read each model's 2.5th and 97.5th percentile across rounds. It is how uncertain a
 * rating is given how many votes stand behind it — wide with 10 votes, narrow with 1,000.
 *
 * A seeded PRNG makes the intervals reproducible: the same games, rounds and seed give the same
 * numbers. Two effects of resampling to be aware of: a model that drew no games in a round has no
 * rating there and that round is left out of its interval; and a resample that happens to split
 * the models into separate components centres each on 1000 (see bradley-terry.ts), which can
 * widen intervals when the comparison graph hangs together by a few votes only.
 */
import { emptyTally, fitBradleyTerryTally, tallyGames, type Game } from "./bradley-terry";
import { quantileOfSorted } from "./percentile";
import { mulberry32, randomIndex } from "../../../contract/seeded-random";

/**
 * Refits stop at this relative change, looser than the point fit's: it moves a rating by well
 * under 0.001 Elo points, far below the resampling noise an interval measures, and saves about a
 * third of the iterations of a thousand refits (the leaderboard is computed on the main process).
 */
export const BOOTSTRAP_TOLERANCE = 1e-7;
/** Central 95 % interval. */
export const INTERVAL_LOW = 0.025;
export const INTERVAL_HIGH = 0.975;

export interface BootstrapOptions {
  rounds: number;
  seed: number;
  /** Passed to every refit (see DEFAULT_PRIOR_TIES). */
  priorTies?: number;
  /** Warm start for every refit, normally the full-data strengths: refits then converge in fewer iterations. */
  initial?: readonly number[];
}

export interface RatingInterval {
  low: number;
  high: number;
}

/** One interval per model; null for a model that had no games in any round (or when rounds is 0). */
export function bootstrapRatings(n: number, games: readonly Game[], options: BootstrapOptions): (RatingInterval | null)[] {
  const { rounds, seed } = options;
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`bootstrap rounds ${rounds} must be a whole number ≥ 0`);
  const samples: number[][] = Array.from({ length: n }, () => []);
  if (games.length > 0) {
    tallyGames(n, games); // validates every game once, so the hot loop below need not
    const random = mulberry32(seed);
    for (let round = 0; round < rounds; round++) {
      const tally = emptyTally(n);
      for (let k = 0; k < games.length; k++) {
        const { i, j, score } = games[randomIndex(random, games.length)];
        tally.wins[i][j] += score;
        tally.wins[j][i] += 1 - score;
        tally.games[i][j]++;
        tally.games[j][i]++;
      }
      const fit = fitBradleyTerryTally(tally, { priorTies: options.priorTies, initial: options.initial, tolerance: BOOTSTRAP_TOLERANCE });
      for (let i = 0; i < n; i++) {
        if (tally.games[i].some((count) => count > 0)) samples[i].push(fit.ratings[i]);
      }
    }
  }
  return samples.map((values) => {
    if (values.length === 0) return null;
    values.sort((a, b) => a - b);
    return { low: quantileOfSorted(values, INTERVAL_LOW), high: quantileOfSorted(values, INTERVAL_HIGH) };
  });
}
