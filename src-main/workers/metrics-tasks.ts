/**
 * CPU-heavy computations that run off the main thread (in the metrics worker), by name. Each takes
 * and returns plain data that structured clone can carry.
 */
import type { Leaderboard, LeaderboardRequest } from "../contract/compare";
import type { ComparisonSummary } from "../contract/session";
import { computeLeaderboard } from "../services/compare/leaderboard/leaderboard";

export const metricsTasks = {
  leaderboard: (input: { comparisons: ComparisonSummary[]; request: LeaderboardRequest }): Leaderboard =>
    computeLeaderboard(input.comparisons, input.request),
};

export type MetricsTasks = typeof metricsTasks;
export type MetricsTask = keyof MetricsTasks;
