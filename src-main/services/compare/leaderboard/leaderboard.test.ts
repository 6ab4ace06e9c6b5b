import { describe, expect, it } from "vitest";
import { LeaderboardRequestSchema, LeaderboardSchema, type Leaderboard } from "../../../contract/compare";
import { AppError } from "../../../contract/errors";
import type { Verdict } from "../../../contract/session";
import { makeComparison, type VoteFixture } from "../../../test-support/comparison-factory";
import { computeLeaderboard } from "./leaderboard";

const NO_BOOTSTRAP = LeaderboardRequestSchema.parse({ bootstrapRounds: 0 });
const SHA_X = "1".repeat(64);
const SHA_Y = "2".repeat(64);

/** `count` identical votes. */
function votes(count: number, vote: VoteFixture): VoteFixture[] {
  return Array.from({ length: count }, () => ({ ...vote }));
}

function byName(board: Leaderboard, name: string) {
  const index = board.models.findIndex((model) => model.name === name);
  expect(index, `model ${name} on the board`).not.toBe(-1);
  return { index, model: board.models[index] };
}

/** Two models with `w` wins and `l` losses: under the default prior of 0.5 ties they score w + ¼ and l + ¼. */
const twoModelGap = (w: number, l: number) => 400 * Math.log10((w + 0.25) / (l + 0.25));

describe("computeLeaderboard", () => {
  it("rates two models from their votes, best first, with counts that add up", () => {
    const comparison = makeComparison({
      panes: [{ name: "weak" }, { name: "strong" }],
      votes: [...votes(3, { winner: "b" }), { winner: "a" }, { winner: "tie" }, { winner: "both-bad" }],
    });
    const board = computeLeaderboard([comparison], NO_BOOTSTRAP);
    expect(LeaderboardSchema.parse(board)).toEqual(board);
    expect(board.votes).toBe(6);
    expect(board.language).toBeNull();
    expect(board.models.map((model) => model.name)).toEqual(["strong", "weak"]);
    const [strong, weak] = board.models;
    expect(strong).toMatchObject({ key: "strong", wins: 3, losses: 1, ties: 2, games: 6, ciLow: null, ciHigh: null });
    expect(weak).toMatchObject({ key: "weak", wins: 1, losses: 3, ties: 2, games: 6 });
    // Tie and both-bad each count half: strong scores 4 of 6.
    expect(strong.rating - weak.rating).toBeCloseTo(twoModelGap(4, 2), 6);
    expect((strong.rating + weak.rating) / 2).toBeCloseTo(1000, 8);
    expect(board.winRate).toEqual([[null, 4 / 6], [2 / 6, null]]);
    expect(board.games).toEqual([[0, 6], [6, 0]]);
  });

  it("fills the matrices in the order of models, across several pairs and pane positions", () => {
    // Three panes; votes on every pair, with the models on either side of the pair.
    const comparison = makeComparison({
      panes: [{ name: "x" }, { name: "y" }, { name: "z" }],
      votes: [
        ...votes(4, { pair: [0, 1], winner: "a" }), // x beats y ×4
        { pair: [1, 0], winner: "a" }, // y beats x
        ...votes(2, { pair: [2, 1], winner: "b" }), // y beats z ×2
        { pair: [1, 2], winner: "tie" },
        { pair: [2, 0], winner: "a" }, // z beats x
        { pair: [0, 2], winner: "a" }, // x beats z
        { pair: [0, 2], winner: "a" }, // x beats z
      ],
    });
    const board = computeLeaderboard([comparison], NO_BOOTSTRAP);
    const x = byName(board, "x");
    const y = byName(board, "y");
    const z = byName(board, "z");
    expect(board.models.map((model) => model.name)).toEqual(["x", "y", "z"]);
    expect(board.models[0].rating).toBeGreaterThan(board.models[1].rating);
    expect(board.models[1].rating).toBeGreaterThan(board.models[2].rating);
    expect(board.winRate[x.index][y.index]).toBeCloseTo(4 / 5, 12);
    expect(board.winRate[y.index][x.index]).toBeCloseTo(1 / 5, 12);
    expect(board.winRate[y.index][z.index]).toBeCloseTo(2.5 / 3, 12);
    expect(board.winRate[z.index][y.index]).toBeCloseTo(0.5 / 3, 12);
    expect(board.winRate[x.index][z.index]).toBeCloseTo(2 / 3, 12);
    expect(board.games[x.index][y.index]).toBe(5);
    expect(board.games[y.index][z.index]).toBe(3);
    expect(board.games[z.index][x.index]).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(board.winRate[i][i]).toBeNull();
      expect(board.games[i][i]).toBe(0);
    }
    expect(x.model).toMatchObject({ wins: 6, losses: 2, ties: 0, games: 8 });
    expect(y.model).toMatchObject({ wins: 3, losses: 4, ties: 1, games: 8 });
    expect(z.model).toMatchObject({ wins: 1, losses: 4, ties: 1, games: 6 });
  });

  it("pools the same file across comparisons by sha256 and shows its latest name", () => {
    const older = makeComparison({
      createdAt: "2025-03-01T10:00:00.000Z",
      panes: [{ name: "checkpoint-old-name", sha256: SHA_X }, { name: "rival", sha256: SHA_Y }],
      votes: votes(2, { winner: "a" }),
    });
    const newer = makeComparison({
      createdAt: "2025-03-02T10:00:00.000Z",
      panes: [{ name: "rival", sha256: SHA_Y }, { name: "checkpoint-v2", sha256: SHA_X }],
      votes: [{ winner: "b" }, { winner: "a" }],
    });
    // The newer comparison comes first in the list: the name follows time, not position.
    const board = computeLeaderboard([newer, older], NO_BOOTSTRAP);
    expect(board.models).toHaveLength(2);
    const pooled = board.models.find((model) => model.key === SHA_X)!;
    expect(pooled).toMatchObject({ name: "checkpoint-v2", wins: 3, losses: 1, games: 4 });
    const rival = board.models.find((model) => model.key === SHA_Y)!;
    expect(pooled.rating - rival.rating).toBeCloseTo(twoModelGap(3, 1), 6);
  });

  it("tells apart unhashed models by name, and a hashed file from an unhashed one of the same name", () => {
    const comparison = makeComparison({
      panes: [{ name: "same-name" }, { name: "same-name", sha256: SHA_X }, { name: "other" }],
      votes: [{ pair: [0, 1], winner: "a" }, { pair: [0, 2], winner: "b" }],
    });
    const board = computeLeaderboard([comparison], NO_BOOTSTRAP);
    expect(board.models.map((model) => model.key).sort()).toEqual([SHA_X, "other", "same-name"].sort());
  });

  it("skips votes between two panes of the same model", () => {
    const comparison = makeComparison({
      panes: [{ name: "m", sha256: SHA_X, params: { temperature: 0 } }, { name: "m", sha256: SHA_X, params: { temperature: 1 } }, { name: "n" }],
      votes: [...votes(5, { pair: [0, 1], winner: "a" }), { pair: [1, 2], winner: "a" }],
    });
    const board = computeLeaderboard([comparison], NO_BOOTSTRAP);
    expect(board.votes).toBe(1);
    expect(board.models.find((model) => model.key === SHA_X)).toMatchObject({ wins: 1, losses: 0, games: 1 });
  });

  it("filters by the vote's language, falling back to the comparison's, and lists every language", () => {
    const swahili = makeComparison({
      language: "swh_Latn",
      panes: [{ name: "p" }, { name: "q" }],
      votes: [...votes(3, { winner: "a" }), { winner: "b", language: "zho_Hans" }],
    });
    const arabic = makeComparison({
      language: "arb_Arab",
      panes: [{ name: "q" }, { name: "r" }],
      votes: votes(2, { winner: "a" }),
    });
    const unknown = makeComparison({ panes: [{ name: "p" }, { name: "r" }], votes: [{ winner: "a" }] });
    const all = [swahili, arabic, unknown];

    const everything = computeLeaderboard(all, NO_BOOTSTRAP);
    expect(everything.votes).toBe(7);
    expect(everything.languages).toEqual(["arb_Arab", "swh_Latn", "zho_Hans"]);

    const sw = computeLeaderboard(all, { ...NO_BOOTSTRAP, language: "swh_Latn" });
    expect(sw.language).toBe("swh_Latn");
    expect(sw.votes).toBe(3);
    expect(sw.languages).toEqual(everything.languages);
    expect(sw.models.map((model) => [model.name, model.wins, model.losses])).toEqual([["p", 3, 0], ["q", 0, 3]]);

    const zh = computeLeaderboard(all, { ...NO_BOOTSTRAP, language: "zho_Hans" });
    expect(zh.votes).toBe(1);
    expect(zh.models.map((model) => [model.name, model.wins])).toEqual([["q", 1], ["p", 0]]);

    const none = computeLeaderboard(all, { ...NO_BOOTSTRAP, language: "fra_Latn" });
    expect(none).toEqual({ language: "fra_Latn", votes: 0, models: [], winRate: [], games: [], languages: everything.languages });
  });

  it("adds reproducible bootstrap intervals around each rating", () => {
    const winners: Verdict[] = ["a", "a", "b", "a", "tie", "a", "b", "a", "both-bad", "a"];
    const comparisons = [
      makeComparison({ panes: [{ name: "u" }, { name: "v" }], votes: winners.map((winner) => ({ winner })) }),
      makeComparison({ panes: [{ name: "v" }, { name: "w" }], votes: winners.map((winner) => ({ winner })) }),
    ];
    const request = LeaderboardRequestSchema.parse({ bootstrapRounds: 300, seed: 11 });
    const board = computeLeaderboard(comparisons, request);
    expect(LeaderboardSchema.parse(board)).toEqual(board);
    for (const model of board.models) {
      expect(model.ciLow).not.toBeNull();
      expect(model.ciLow!).toBeLessThanOrEqual(model.rating);
      expect(model.ciHigh!).toBeGreaterThanOrEqual(model.rating);
      expect(model.ciHigh! - model.ciLow!).toBeGreaterThan(0);
    }
    expect(computeLeaderboard(comparisons, request)).toEqual(board);
    // Bootstrap rounds only add intervals; the ratings are the full-data fit either way.
    const plain = computeLeaderboard(comparisons, NO_BOOTSTRAP);
    expect(plain.models.map((model) => model.rating)).toEqual(board.models.map((model) => model.rating));
  });

  it("is empty without votes, and refuses a vote that points past the panes", () => {
    expect(computeLeaderboard([makeComparison({ panes: [{ name: "solo" }] })], NO_BOOTSTRAP)).toEqual({
      language: null, votes: 0, models: [], winRate: [], games: [], languages: [],
    });
    const broken = makeComparison({ id: "broken", panes: [{ name: "a" }, { name: "b" }], votes: [{ pair: [0, 2], winner: "a" }] });
    expect(() => computeLeaderboard([broken], NO_BOOTSTRAP)).toThrow(AppError);
    expect(() => computeLeaderboard([broken], NO_BOOTSTRAP)).toThrow(/broken/);
  });
});
