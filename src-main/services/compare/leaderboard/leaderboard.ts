/**
 * The leaderboard: every vote is one game between the models of its two panes, fitted with
 * Bradley–Terry (see bradley-terry.ts) and given bootstrap intervals (see bootstrap.ts), with the
 * raw counts and head-to-head matrices beside the ratings so a reader can check them.
 */
import type { Leaderboard, LeaderboardRequest, RatedModel } from "../../../contract/compare";
import type { ComparisonSummary, Verdict } from "../../../contract/session";
import { modelKey, voteLanguage, votePanes } from "../vote-panes";
import { bootstrapRatings } from "./bootstrap";
import { DEFAULT_PRIOR_TIES, fitBradleyTerryTally, tallyGames, type Game } from "./bradley-terry";

/** A's score in the game a verdict makes: "both-bad" says nothing about which was better, so it is a tie. */
const SCORE_OF_A: Record<Verdict, number> = { a: 1, b: 0, tie: 0.5, "both-bad": 0.5 };

interface Tallies {
  wins: number[];
  losses: number[];
  ties: number[];
}

export function computeLeaderboard(comparisons: readonly ComparisonSummary[], request: LeaderboardRequest): Leaderboard {
  const names = latestNames(comparisons);
  const keys: string[] = [];
  const indexOf = new Map<string, number>();
  const modelIndex = (key: string) => {
    if (!indexOf.has(key)) {
      indexOf.set(key, keys.length);
      keys.push(key);
    }
    return indexOf.get(key)!;
  };

  const languages = new Set<string>();
  const games: Game[] = [];
  for (const comparison of comparisons) {
    for (const vote of comparison.votes) {
      const language = voteLanguage(comparison, vote);
      if (language !== null) languages.add(language);
      if (request.language !== null && language !== request.language) continue;
      const [a, b] = votePanes(comparison, vote).map((pane) => modelKey(pane.model));
      // The same file in both panes (e.g. two seeds or temperatures of one checkpoint) is a
      // comparison of settings, not of models: a model has no rating relative to itself.
      if (a === b) continue;
      games.push({ i: modelIndex(a), j: modelIndex(b), score: SCORE_OF_A[vote.winner] });
    }
  }

  const n = keys.length;
  const tally = tallyGames(n, games);
  const fit = fitBradleyTerryTally(tally, { priorTies: DEFAULT_PRIOR_TIES });
  const intervals = request.bootstrapRounds > 0
    ? bootstrapRatings(n, games, { rounds: request.bootstrapRounds, seed: request.seed, priorTies: DEFAULT_PRIOR_TIES, initial: fit.strengths })
    : null;
  const counts = countResults(n, games);

  const models: RatedModel[] = keys.map((key, i) => ({
    key,
    name: names.get(key) ?? key,
    rating: fit.ratings[i],
    ciLow: intervals?.[i]?.low ?? null,
    ciHigh: intervals?.[i]?.high ?? null,
    games: counts.wins[i] + counts.losses[i] + counts.ties[i],
    wins: counts.wins[i],
    losses: counts.losses[i],
    ties: counts.ties[i],
  }));
  // Best first; equal ratings fall back to name then key so the order never depends on vote order.
  const order = models
    .map((_, i) => i)
    .sort((x, y) => models[y].rating - models[x].rating || compareText(models[x].name, models[y].name) || compareText(models[x].key, models[y].key));

  return {
    language: request.language,
    votes: games.length,
    models: order.map((i) => models[i]),
    // tally.wins already holds ties as half a win, which is how the contract defines the win rate.
    winRate: order.map((i) => order.map((j) => (tally.games[i][j] > 0 ? tally.wins[i][j] / tally.games[i][j] : null))),
    games: order.map((i) => order.map((j) => tally.games[i][j])),
    languages: [...languages].sort(compareText),
  };
}

/**
 * Display name per model key: the name in the most recent comparison using it. A file may be
 * renamed between sessions; the newest name is the one the user knows it by now. Taken from all
 * comparisons, not only the filtered votes, so a model keeps one name across language views.
 */
function latestNames(comparisons: readonly ComparisonSummary[]): Map<string, string> {
  const latest = new Map<string, { name: string; time: number }>();
  for (const comparison of comparisons) {
    const parsed = Date.parse(comparison.createdAt);
    const time = Number.isNaN(parsed) ? -Infinity : parsed;
    for (const pane of comparison.panes) {
      const key = modelKey(pane.model);
      const seen = latest.get(key);
      // ">=": among comparisons with the same time, the later one in the session wins.
      if (!seen || time >= seen.time) latest.set(key, { name: pane.model.name, time });
    }
  }
  return new Map([...latest].map(([key, { name }]) => [key, name]));
}

function countResults(n: number, games: readonly Game[]): Tallies {
  const counts: Tallies = { wins: new Array(n).fill(0), losses: new Array(n).fill(0), ties: new Array(n).fill(0) };
  for (const { i, j, score } of games) {
    if (score === 1) {
      counts.wins[i]++;
      counts.losses[j]++;
    } else if (score === 0) {
      counts.wins[j]++;
      counts.losses[i]++;
    } else {
      counts.ties[i]++;
      counts.ties[j]++;
    }
  }
  return counts;
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
