import { describe, expect, it } from "vitest";
import { DEFAULT_PRIOR_TIES, fitBradleyTerry, tallyGames, type Game } from "./bradley-terry";
import { mulberry32, randomIndex } from "../../../contract/seeded-random";

/** `count` copies of one game. */
function repeat(count: number, game: Game): Game[] {
  return Array.from({ length: count }, () => ({ ...game }));
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("fitBradleyTerry", () => {
  it("two models, 3 wins to 1, no prior: the gap is 400·log10(3) and the mean is 1000", () => {
    const games = [...repeat(3, { i: 0, j: 1, score: 1 }), { i: 0, j: 1, score: 0 }];
    const fit = fitBradleyTerry(2, games, { priorTies: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.ratings[0] - fit.ratings[1]).toBeCloseTo(400 * Math.log10(3), 6);
    expect(fit.ratings[0] - fit.ratings[1]).toBeCloseTo(190.849, 3);
    expect(mean(fit.ratings)).toBeCloseTo(1000, 9);
  });

  it("gives the same fit whichever side of a game a model is written on", () => {
    const asWinner = repeat(3, { i: 0, j: 1, score: 1 });
    const asLoser = repeat(3, { i: 1, j: 0, score: 0 });
    const extra = [{ i: 1, j: 0, score: 1 }];
    const a = fitBradleyTerry(2, [...asWinner, ...extra], { priorTies: 0 });
    const b = fitBradleyTerry(2, [...asLoser, ...extra], { priorTies: 0 });
    expect(a.ratings[0]).toBeCloseTo(b.ratings[0], 9);
    expect(a.ratings[1]).toBeCloseTo(b.ratings[1], 9);
  });

  it("three models in a perfect cycle with equal counts all rate 1000", () => {
    const games = [
      ...repeat(4, { i: 0, j: 1, score: 1 }),
      ...repeat(4, { i: 1, j: 2, score: 1 }),
      ...repeat(4, { i: 2, j: 0, score: 1 }),
    ];
    for (const priorTies of [0, DEFAULT_PRIOR_TIES]) {
      const fit = fitBradleyTerry(3, games, { priorTies });
      for (const rating of fit.ratings) expect(rating).toBeCloseTo(1000, 8);
    }
  });

  it("counts a tie as half a win for each side: 2 wins, 1 loss, 2 ties is a score of 3 out of 5", () => {
    const games = [
      ...repeat(2, { i: 0, j: 1, score: 1 }),
      { i: 0, j: 1, score: 0 },
      ...repeat(2, { i: 1, j: 0, score: 0.5 }),
    ];
    const fit = fitBradleyTerry(2, games, { priorTies: 0 });
    expect(fit.ratings[0] - fit.ratings[1]).toBeCloseTo(400 * Math.log10(3 / 2), 6);
  });

  it("adds priorTies virtual ties per pair that met: 3–1 with 0.5 ties is 3.25 to 1.25", () => {
    const games = [...repeat(3, { i: 0, j: 1, score: 1 }), { i: 0, j: 1, score: 0 }];
    const fit = fitBradleyTerry(2, games);
    expect(fit.ratings[0] - fit.ratings[1]).toBeCloseTo(400 * Math.log10(3.25 / 1.25), 6);
  });

  it("recovers a hand-solved three-model MLE: strengths 4 : 2 : 1", () => {
    // Every pair's results match the odds of p = (4, 2, 1) exactly (A–B 2:1, B–C 2:1, A–C 4:1),
    // so each pair's score equation — and hence each model's — holds at that p.
    const games = [
      ...repeat(2, { i: 0, j: 1, score: 1 }), { i: 1, j: 0, score: 1 },
      ...repeat(2, { i: 1, j: 2, score: 1 }), { i: 2, j: 1, score: 1 },
      ...repeat(4, { i: 0, j: 2, score: 1 }), { i: 2, j: 0, score: 1 },
    ];
    const fit = fitBradleyTerry(3, games, { priorTies: 0 });
    const step = 400 * Math.log10(2);
    expect(fit.ratings[0]).toBeCloseTo(1000 + step, 6);
    expect(fit.ratings[1]).toBeCloseTo(1000, 6);
    expect(fit.ratings[2]).toBeCloseTo(1000 - step, 6);
    expect(fit.strengths[0] / fit.strengths[2]).toBeCloseTo(4, 8);
  });

  it("satisfies the MLE score equations Σ_j w_ij = Σ_j n_ij·p_i/(p_i+p_j) on irregular data", () => {
    const random = mulberry32(7);
    const n = 5;
    // Uneven pair counts with ties; every model both wins and loses so the MLE is finite.
    const games: Game[] = [];
    for (let k = 0; k < 120; k++) {
      const i = randomIndex(random, n);
      const j = (i + 1 + randomIndex(random, n - 1)) % n;
      const roll = random();
      games.push({ i, j, score: roll < 0.15 ? 0.5 : roll < 0.15 + 0.85 * (0.3 + 0.1 * i) ? 1 : 0 });
    }
    const fit = fitBradleyTerry(n, games, { priorTies: 0 });
    expect(fit.converged).toBe(true);
    const { wins, games: played } = tallyGames(n, games);
    const p = fit.strengths;
    for (let i = 0; i < n; i++) {
      let observed = 0;
      let expected = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        observed += wins[i][j];
        expected += (played[i][j] * p[i]) / (p[i] + p[j]);
      }
      expect(Math.abs(observed - expected), `model ${i}`).toBeLessThan(1e-8);
    }
    expect(mean(fit.ratings)).toBeCloseTo(1000, 9);
  });

  it("keeps a model that only lost finite with the default prior, and refuses the non-existent MLE without it", () => {
    const games = [...repeat(5, { i: 0, j: 1, score: 1 }), ...repeat(2, { i: 2, j: 1, score: 1 }), { i: 0, j: 2, score: 0.5 }];
    const fit = fitBradleyTerry(3, games);
    for (const rating of fit.ratings) expect(Number.isFinite(rating)).toBe(true);
    expect(fit.ratings[1]).toBeLessThan(fit.ratings[0]);
    expect(fit.ratings[1]).toBeLessThan(fit.ratings[2]);
    expect(fit.converged).toBe(true);
    expect(() => fitBradleyTerry(3, games, { priorTies: 0 })).toThrow(/not finite/);
  });

  it("centres each connected component on 1000 on its own; a model with no games rates 1000", () => {
    const games = [
      ...repeat(3, { i: 0, j: 1, score: 1 }), { i: 1, j: 0, score: 1 },
      // A second group, never compared with the first: 3 is the stronger by 9:1.
      ...repeat(9, { i: 3, j: 2, score: 1 }), { i: 2, j: 3, score: 1 },
    ];
    const fit = fitBradleyTerry(5, games, { priorTies: 0 });
    expect(fit.components[0]).toBe(fit.components[1]);
    expect(fit.components[2]).toBe(fit.components[3]);
    expect(new Set(fit.components).size).toBe(3);
    expect(mean([fit.ratings[0], fit.ratings[1]])).toBeCloseTo(1000, 8);
    expect(mean([fit.ratings[2], fit.ratings[3]])).toBeCloseTo(1000, 8);
    expect(fit.ratings[0] - fit.ratings[1]).toBeCloseTo(400 * Math.log10(3), 6);
    expect(fit.ratings[3] - fit.ratings[2]).toBeCloseTo(400 * Math.log10(9), 6);
    expect(fit.ratings[4]).toBe(1000);
  });

  it("reaches the same fit from any starting strengths", () => {
    const games = [...repeat(3, { i: 0, j: 1, score: 1 }), { i: 1, j: 2, score: 1 }, { i: 2, j: 0, score: 0.5 }];
    const cold = fitBradleyTerry(3, games);
    const warm = fitBradleyTerry(3, games, { initial: [0.01, 50, 3] });
    for (let i = 0; i < 3; i++) expect(warm.ratings[i]).toBeCloseTo(cold.ratings[i], 7);
  });

  it("rejects malformed games instead of fitting nonsense", () => {
    expect(() => fitBradleyTerry(2, [{ i: 0, j: 0, score: 1 }])).toThrow(/itself/);
    expect(() => fitBradleyTerry(2, [{ i: 0, j: 2, score: 1 }])).toThrow(/indices/);
    expect(() => fitBradleyTerry(2, [{ i: 0, j: 1, score: 2 }])).toThrow(/score/);
    expect(() => fitBradleyTerry(2, [], { priorTies: -1 })).toThrow(/priorTies/);
  });
});
