/**
 * Bradley–Terry strengths from pairwise games, fitted with Hunter's (2004) MM algorithm
 * ("MM algorithms for generalized Bradley–Terry models", Ann. Statist. 32(1)) and reported on the
 * Elo scale. P(i beats j) = p_i / (p_i + p_j); a tie counts as half a win for each side.
 *
 * Games are first tallied into n×n matrices, so each iteration costs O(n²) however many votes
 * there are.
 *
 * Models split into separate connected components (groups of models never compared with each
 * other, directly or through others) have no common scale: the data says nothing about how one
 * group relates to the other. Each component is therefore centred on its own: its mean rating is
 * 1000. A model with no games at all is a component of one and rates exactly 1000. Ratings from
 * different components should not be compared; `components` says which model is in which.
 */

/** One game between models i and j; score is i's result: 1 i won, 0 j won, 0.5 a tie. */
export interface Game {
  i: number;
  j: number;
  score: number;
}

/**
 * Virtual ties added to every pair of models that met. A weak symmetric prior: it keeps a model
 * with no wins (or no losses) at a finite rating instead of ±∞, and pulls ratings from very few
 * votes a little towards each other; with dozens of votes per pair its effect is negligible.
 */
export const DEFAULT_PRIOR_TIES = 0.5;
/** Elo convention: a 400-point gap means 10:1 odds. */
export const ELO_SCALE = 400;
/** The mean rating of every connected component. */
export const RATING_CENTRE = 1000;
export const DEFAULT_TOLERANCE = 1e-10;
export const DEFAULT_MAX_ITERATIONS = 10_000;

/** Games tallied per ordered pair of models. */
export interface PairTally {
  n: number;
  /** wins[i][j]: i's score against j (each tie adds 0.5 to both wins[i][j] and wins[j][i]). */
  wins: number[][];
  /** games[i][j] = games[j][i]: games played between i and j. */
  games: number[][];
}

export interface BradleyTerryOptions {
  /** Virtual ties per pair that met; 0 gives the plain maximum-likelihood fit. */
  priorTies?: number;
  /** Stop when no strength changes by more than this fraction in one iteration. */
  tolerance?: number;
  maxIterations?: number;
  /** Starting strengths, e.g. the full-data fit when refitting a bootstrap resample (fewer iterations). */
  initial?: readonly number[];
}

export interface BradleyTerryFit {
  /** 1000 + 400·log10(p_i); each component's mean is 1000. */
  ratings: number[];
  /** p_i, scaled so that each component's geometric mean is 1. */
  strengths: number[];
  /** Connected-component id of each model (0, 1, … in order of each component's lowest model index). */
  components: number[];
  iterations: number;
  converged: boolean;
}

export function emptyTally(n: number): PairTally {
  const matrix = () => Array.from({ length: n }, () => new Array<number>(n).fill(0));
  return { n, wins: matrix(), games: matrix() };
}

/** Adds one game to a tally; rejects games that would make the fit meaningless rather than skew it silently. */
export function addGame(tally: PairTally, game: Game): void {
  const { i, j, score } = game;
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= tally.n || j >= tally.n) {
    throw new RangeError(`game between ${i} and ${j}: model indices must be in [0, ${tally.n})`);
  }
  if (i === j) throw new RangeError(`game of model ${i} against itself`);
  if (!(score >= 0 && score <= 1)) throw new RangeError(`game score ${score} is outside [0, 1]`);
  tally.wins[i][j] += score;
  tally.wins[j][i] += 1 - score;
  tally.games[i][j] += 1;
  tally.games[j][i] += 1;
}

export function tallyGames(n: number, games: readonly Game[]): PairTally {
  const tally = emptyTally(n);
  for (const game of games) addGame(tally, game);
  return tally;
}

export function fitBradleyTerry(n: number, games: readonly Game[], options: BradleyTerryOptions = {}): BradleyTerryFit {
  return fitBradleyTerryTally(tallyGames(n, games), options);
}

export function fitBradleyTerryTally(tally: PairTally, options: BradleyTerryOptions = {}): BradleyTerryFit {
  const priorTies = options.priorTies ?? DEFAULT_PRIOR_TIES;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!(priorTies >= 0) || !Number.isFinite(priorTies)) throw new RangeError(`priorTies ${priorTies} must be a finite number ≥ 0`);
  const { n } = tally;
  const { wins, games } = withPrior(tally, priorTies);
  const components = connectedComponents(games);
  const members = membersOf(components);
  if (priorTies === 0) requireFiniteMle(wins, members);

  // W_i: i's total score; the numerator of every MM update, fixed across iterations.
  const totalWins = wins.map((row) => row.reduce((sum, value) => sum + value, 0));
  let strengths = startingStrengths(n, options.initial);
  normalise(strengths, members);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // Hunter's MM step: p_i ← W_i / Σ_j n_ij / (p_i + p_j), all models at once.
    const next = strengths.map((p, i) => {
      let denominator = 0;
      for (let j = 0; j < n; j++) if (games[i][j] > 0) denominator += games[i][j] / (p + strengths[j]);
      return denominator > 0 ? totalWins[i] / denominator : 1;
    });
    normalise(next, members);
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] / strengths[i] - 1));
    strengths = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const ratings = strengths.map((p) => RATING_CENTRE + ELO_SCALE * Math.log10(p));
  return { ratings, strengths, components, iterations, converged };
}

/** The tally plus `priorTies` virtual ties (half a win each way) on every pair that met. */
function withPrior(tally: PairTally, priorTies: number): { wins: number[][]; games: number[][] } {
  const wins = tally.wins.map((row) => [...row]);
  const games = tally.games.map((row) => [...row]);
  if (priorTies > 0) {
    for (let i = 0; i < tally.n; i++) {
      for (let j = 0; j < tally.n; j++) {
        if (i === j || tally.games[i][j] === 0) continue;
        wins[i][j] += priorTies / 2;
        games[i][j] += priorTies;
      }
    }
  }
  return { wins, games };
}

/** Component id per model, linking models that played each other. */
function connectedComponents(games: number[][]): number[] {
  const n = games.length;
  const component = new Array<number>(n).fill(-1);
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (component[root] !== -1) continue;
    component[root] = next;
    const stack = [root];
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let j = 0; j < n; j++) {
        if (games[i][j] > 0 && component[j] === -1) {
          component[j] = next;
          stack.push(j);
        }
      }
    }
    next++;
  }
  return component;
}

/**
 * Without a prior the MLE is finite only if, within each component, every model can be reached
 * from every other along "scored against" edges (Ford 1957) — e.g. not when a model never lost.
 * MM would then drive a strength to 0 or ∞; say so instead of returning ±Infinity or NaN.
 */
function requireFiniteMle(wins: number[][], members: readonly number[][]): void {
  const n = wins.length;
  const reach = (from: number, edge: (a: number, b: number) => boolean) => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      const a = stack.pop()!;
      for (let b = 0; b < n; b++) {
        if (!seen.has(b) && edge(a, b)) {
          seen.add(b);
          stack.push(b);
        }
      }
    }
    return seen;
  };
  for (const models of members) {
    const root = models[0];
    const forward = reach(root, (a, b) => wins[a][b] > 0);
    const backward = reach(root, (a, b) => wins[b][a] > 0);
    if (forward.size < models.length || backward.size < models.length) {
      throw new RangeError(
        "the maximum-likelihood fit is not finite (some models never won or never lost against the rest); use priorTies > 0",
      );
    }
  }
}

function startingStrengths(n: number, initial: readonly number[] | undefined): number[] {
  if (initial === undefined) return new Array<number>(n).fill(1);
  if (initial.length !== n || initial.some((p) => !(p > 0) || !Number.isFinite(p))) {
    throw new RangeError(`initial strengths must be ${n} finite positive numbers`);
  }
  return [...initial];
}

/**
 * Scales each component to geometric mean 1 (mean log-strength 0), in place. Strengths are only
 * defined up to a factor per component; fixing it keeps numbers in range and centres the ratings.
 */
function normalise(strengths: number[], members: readonly number[][]): void {
  for (const models of members) {
    let logSum = 0;
    for (const i of models) logSum += Math.log(strengths[i]);
    const scale = Math.exp(logSum / models.length);
    for (const i of models) strengths[i] /= scale;
  }
}

/** Model indices per component id. */
function membersOf(components: readonly number[]): number[][] {
  const members: number[][] = [];
  components.forEach((c, i) => (members[c] ??= []).push(i));
  return members;
}
