/**
 * `polyglot session …` on session files (docs/session-format.md): `validate` checks one; `vote`
 * adds a rater's verdict (scripted rating); `merge` pools several raters' copies of one session,
 * with their agreement (Cohen's or Fleiss' kappa), the items they disagree on and the leaderboard
 * recomputed; `export-dpo` writes the votes as TRL preference data; `replay` (session-replay.ts)
 * reruns it on local models; `export-html` (session-export-html.ts) writes the HTML report.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { VoteRequestSchema, type Leaderboard } from "../../contract/compare";
import { AppError } from "../../contract/errors";
import type { MergeReport } from "../../contract/sessions";
import { mergeSessionFiles } from "../../services/sessions/merge/merge-files";
import { exportPreferences } from "../../services/compare/export/preference-export";
import { newVote } from "../../services/sessions/new-vote";
import { openExistingSessionFile, readExistingSessionFile } from "../../services/sessions/session-file";
import { SessionStore } from "../../services/sessions/session-store";
import { action } from "../cli-errors";
import { registerSessionExportHtml } from "./session-export-html";
import { registerSessionReplay } from "./session-replay";

export function registerSessionCommand(program: Command): void {
  const session = program.command("session").description("Check and combine comparison session files");

  session
    .command("validate")
    .description("Check a session file against its format; exit 1 naming the file, field and problem if it is not valid")
    .argument("<file>", "a .polyglot-session.json file")
    .action(action(async (file: string) => {
      const path = resolve(file);
      const { session: read, migratedFrom } = await openExistingSessionFile(path);
      const votes = read.comparisons.flatMap((comparison) => comparison.votes);
      const raters = new Set(votes.map((vote) => vote.rater)).size;
      const version = migratedFrom === null
        ? `version ${read.version}`
        : `version ${migratedFrom} (read as version ${read.version}; rewritten as ${read.version} on its first change, the original kept)`;
      process.stdout.write(`${path}: a valid ${read.format} file, ${version}: ` +
        `${read.comparisons.length} comparisons, ${votes.length} votes by ${raters} raters.\n`);
    }));

  session
    .command("vote")
    .description("Add a rater's verdict on two panes of a comparison (the first two unless --pair)")
    .argument("<file>", "a session file")
    .requiredOption("--comparison <id>", "the comparison's id")
    .requiredOption("--winner <verdict>", "a, b, tie or both-bad")
    .requiredOption("--rater <name>", "who is rating")
    .option("--pair <i,j>", "the panes compared, A first (0-based)", "0,1")
    .option("--note <text>", "a note kept with the vote", "")
    .action(action(async (file: string, options: { comparison: string; winner: string; rater: string; pair: string; note: string }) => {
      const path = resolve(file);
      const parsed = VoteRequestSchema.safeParse({
        comparisonId: options.comparison, winner: options.winner, rater: options.rater, note: options.note,
        pair: options.pair.split(",").map((index) => Number(index.trim())),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError({ code: "INVALID_INPUT", message: `--${issue.path[0] === "comparisonId" ? "comparison" : String(issue.path[0])}: ${issue.message}` });
      }
      await readExistingSessionFile(path); // a vote goes into an existing session only
      const store = await SessionStore.open(path);
      const vote = newVote(store.current, parsed.data);
      await store.addVote(parsed.data.comparisonId, vote);
      process.stdout.write(`${JSON.stringify(vote)}\n`);
    }));

  session
    .command("export-dpo")
    .description("The votes as preference data for TRL's DPOTrainer (JSONL: prompt, chosen, rejected)")
    .argument("<file>", "a session file")
    .option("--out <file>", "write here instead of standard output")
    .option("--chat", "TRL's conversational format (prompt as messages) instead of plain strings")
    .action(action(async (file: string, options: { out?: string; chat?: boolean }) => {
      const read = await readExistingSessionFile(resolve(file));
      // Ties and both-bad votes have no chosen answer: they are left out.
      const [dpo] = exportPreferences(read.comparisons, { format: options.chat ? "dpo-chat" : "dpo", ties: "exclude" });
      if (options.out) {
        await writeFile(resolve(options.out), dpo.content);
        process.stderr.write(`Wrote ${dpo.records} preference pairs to ${resolve(options.out)}.\n`);
      } else {
        process.stdout.write(dpo.content);
      }
    }));

  registerSessionReplay(session);
  registerSessionExportHtml(session);

  session
    .command("merge")
    .description("Pool several raters' copies of a session: votes with their raters, agreement, conflicts, leaderboard")
    .argument("<files...>", "session files (two or more)")
    .requiredOption("--out <file>", "the merged session file to write (not one of the inputs)")
    .option("--force", "overwrite --out if it exists")
    .option("--json", "print the report as JSON")
    .action(action(async (files: string[], options: { out: string; force?: boolean; json?: boolean }) => {
      const out = resolve(options.out);
      const { report, leaderboard } = await mergeSessionFiles(files.map((file) => resolve(file)), out, options.force ?? false);
      process.stdout.write(options.json ? `${JSON.stringify({ out, ...report, leaderboard: leaderboard.models })}\n` : describe(out, report, leaderboard));
    }));
}

function describe(out: string, report: MergeReport, leaderboard: Leaderboard): string {
  const { agreement } = report;
  const kappa = agreement.kappa === null ? "undefined" : agreement.kappa.toFixed(3);
  const lines = [
    `Wrote ${out}: ${report.comparisons} comparisons, ${report.votes} votes by ${report.raters.length} raters (${report.raters.join(", ")}).`,
    agreement.method === null
      ? "Agreement: needs two raters or more."
      : `Agreement: ${agreement.method === "cohen" ? "Cohen's" : "Fleiss'"} kappa ${kappa} on ${agreement.items} items every rater judged.`,
    `Conflicts: ${report.conflicts.length}`,
    ...report.conflicts.map((item) => `  ${item.comparisonId} panes ${item.pair.join(" vs ")}: ` +
      Object.entries(item.verdicts).map(([rater, verdict]) => `${rater} ${verdict}`).join(", ")),
    "Leaderboard:",
    ...leaderboard.models.map((model) => `  ${model.name}  ${model.rating.toFixed(0)}` +
      (model.ciLow !== null && model.ciHigh !== null ? ` [${model.ciLow.toFixed(0)}, ${model.ciHigh.toFixed(0)}]` : "") +
      `  (${model.wins}–${model.losses}–${model.ties})`),
  ];
  return `${lines.join("\n")}\n`;
}
