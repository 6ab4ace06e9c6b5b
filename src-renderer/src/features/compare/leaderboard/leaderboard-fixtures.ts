import { LeaderboardSchema, RatedModelSchema, type Leaderboard, type RatedModel } from "@contract/compare";
import type { EventPayload } from "@contract/api";

/** Test data for the leaderboard; parsed so fixtures that drift from the contract fail loudly. */
export function ratedModel(overrides: Partial<RatedModel> = {}): RatedModel {
  return RatedModelSchema.parse({
    key: "sha-a", name: "polyglot-sw", rating: 1000, ciLow: 950, ciHigh: 1050, games: 0, wins: 0, losses: 0, ties: 0, ...overrides,
  });
}

/** Three models, best first: "polyglot-sw" beat "base" 2–1, drew "مترجم" once; "base" beat "مترجم" once. */
export function leaderboard(overrides: Partial<Leaderboard> = {}): Leaderboard {
  return LeaderboardSchema.parse({
    language: null,
    votes: 5,
    models: [
      ratedModel({ key: "sha-a", name: "polyglot-sw", rating: 1062.4, ciLow: 1001.2, ciHigh: 1130.7, games: 4, wins: 2, losses: 1, ties: 1 }),
      ratedModel({ key: "sha-b", name: "base", rating: 987.6, ciLow: 920.1, ciHigh: 1049.5, games: 4, wins: 2, losses: 2, ties: 0 }),
      ratedModel({ key: "مترجم", name: "مترجم", rating: 950, ciLow: 870.5, ciHigh: 1020, games: 2, wins: 0, losses: 1, ties: 1 }),
    ],
    winRate: [
      [null, 2 / 3, 0.5],
      [1 / 3, null, 1],
      [0.5, 0, null],
    ],
    games: [
      [0, 3, 1],
      [3, 0, 1],
      [1, 1, 0],
    ],
    languages: ["fra_Latn", "swh_Latn"],
    ...overrides,
  });
}

export const EMPTY_LEADERBOARD: Leaderboard = leaderboard({ votes: 0, models: [], winRate: [], games: [], languages: [] });

export function votedEvent(comparisonId = "cmp-1"): EventPayload<"compare.voted"> {
  return {
    comparisonId,
    vote: {
      id: `vote-${Math.random().toString(36).slice(2)}`, createdAt: "2025-01-01T00:00:00.000Z", rater: "ana", pair: [0, 1], winner: "a",
      note: "", promptLanguage: "swh_Latn", responseLanguage: "swh_Latn", blind: true,
    },
  };
}
