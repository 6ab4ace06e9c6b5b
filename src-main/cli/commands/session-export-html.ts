/**
 * `polyglot session export-html FILE [--out F]`: the session as one self-contained HTML page
 * (docs/session-report.md), written atomically beside the session file unless --out says where.
 * The session file itself is never written.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import writeFileAtomic from "write-file-atomic";
import { AppError } from "../../contract/errors";
import { renderSessionReport } from "../../services/sessions/report/html-report";
import { readExistingSessionFile } from "../../services/sessions/session-file";
import { action } from "../cli-errors";
import { plural } from "../../contract/plural";

export function registerSessionExportHtml(session: Command): void {
  session
    .command("export-html")
    .description("Write the session as one self-contained HTML report (panes, token probabilities, votes, leaderboard, eval charts)")
    .argument("<file>", "a session file")
    .option("--out <file>", "the HTML file to write (default: the session file's name ending in .html)")
    .action(action(async (file: string, options: { out?: string }) => {
      const path = resolve(file);
      const out = resolve(options.out ?? reportPathFor(path));
      const session = await readExistingSessionFile(path);
      if (await sameFile(path, out)) {
        throw new AppError({ code: "INVALID_INPUT", file: out, field: "--out", message: `--out ${out} is the session file itself: give another file for the report.` });
      }
      const html = renderSessionReport(session);
      try {
        await writeFileAtomic(out, html);
      } catch (error) {
        throw new AppError({ code: "IO_ERROR", file: out, message: `The report cannot be written to ${out}: ${(error as Error).message}` });
      }
      const megabytes = (Buffer.byteLength(html) / 1e6).toFixed(1);
      process.stderr.write(`Wrote the report of ${plural(session.comparisons.length, "comparison")} to ${out} (${megabytes} MB).\n`);
    }));
}

/** "greetings.polyglot-session.json" → "greetings.html"; any other name gets ".html" added. */
export function reportPathFor(sessionFile: string): string {
  return `${sessionFile.replace(/(\.polyglot-session)?\.json$/i, "")}.html`;
}

/** The same path, or two names of one file (a link): writing one would replace the other. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [first, second] = await Promise.all([a, b].map((path) => stat(path).catch(() => null)));
  return first !== null && second !== null && first.dev === second.dev && first.ino === second.ino;
}
