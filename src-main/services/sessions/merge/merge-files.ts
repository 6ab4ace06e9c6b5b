/** Merging session files into a new one (the CLI's `session merge` and the app's Merge). */
import { existsSync } from "node:fs";
import { LeaderboardRequestSchema, type Leaderboard } from "../../../contract/compare";
import { AppError } from "../../../contract/errors";
import { summarizeComparison, type SessionFile } from "../../../contract/session";
import type { MergeReport } from "../../../contract/sessions";
import { computeLeaderboard } from "../../compare/leaderboard/leaderboard";
import { readExistingSessionFile, writeSessionFile } from "../session-file";
import { mergeSessions } from "./merge-sessions";

export interface MergedFiles {
  session: SessionFile;
  report: MergeReport;
  leaderboard: Leaderboard;
}

/** Absolute paths. `out` may not be an input, and is replaced only with `force`. */
export async function mergeSessionFiles(paths: readonly string[], out: string, force: boolean): Promise<MergedFiles> {
  if (paths.length < 2) throw new AppError({ code: "INVALID_INPUT", message: "Give two session files or more to merge." });
  if (paths.includes(out)) throw new AppError({ code: "INVALID_INPUT", file: out, message: `${out} is one of the inputs: write the merge to a new file.` });
  if (existsSync(out) && !force) {
    throw new AppError({ code: "INVALID_INPUT", file: out, message: `${out} exists; choose another file, or replace it (--force).` });
  }
  const sources = await Promise.all(paths.map(async (file) => ({ file, session: await readExistingSessionFile(file) })));
  const { session, report } = mergeSessions(sources);
  await writeSessionFile(out, session);
  const leaderboard = computeLeaderboard(session.comparisons.map(summarizeComparison), LeaderboardRequestSchema.parse({}));
  return { session, report, leaderboard };
}
