/**
 * `polyglot session replay FILE --model …`: a shared session rerun on this machine's copies of its
 * models (docs/session-replay.md). The session's models are matched to the given files (sha256
 * first, then name); each matched pane is regenerated with its recorded prompt and parameters and
 * reported as exact or diverged at its first differing token.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { AppError } from "../../contract/errors";
import { plural } from "../../contract/plural";
import type { ModelMatch, ReplayReport, ReplayRow } from "../../contract/sessions";
import { matchModels } from "../../services/sessions/replay/model-matching";
import { ReplayJobs, unknownComparison } from "../../services/sessions/replay/replay-jobs";
import { formatParameterCount } from "../../services/sessions/report/report-format";
import { readExistingSessionFile } from "../../services/sessions/session-file";
import { action, EXIT_FAILURE } from "../cli-errors";
import { withModels } from "../ephemeral-workbench";
import { progressPrinter } from "../eval-progress";
import { collect } from "../sampling-flags";

interface ReplayOptions {
  model: string[];
  comparison: string[];
  json?: boolean;
}

/** The CLI's one "connection": Ctrl-C cancels its replay through it. */
const CLI_CONNECTION = "cli";

export function registerSessionReplay(session: Command): void {
  session
    .command("replay")
    .description("Rerun a session's comparisons on local model files: which outputs reproduce exactly, and where the others diverge")
    .argument("<file>", "a session file")
    .addOption(new Option("--model <file>", "a local .gguf file (or folder) the session's models are looked for in (repeatable)").argParser(collect).makeOptionMandatory())
    .addOption(new Option("--comparison <id>", "replay only this comparison (repeatable; default: all)").argParser(collect).default([]))
    .option("--json", "print the replay report and the model matches as one JSON object")
    .action(action(async (file: string, options: ReplayOptions) => {
      const path = resolve(file);
      const read = await readExistingSessionFile(path);
      const unknown = unknownComparison(read, options.comparison);
      if (unknown !== undefined) {
        throw new AppError({ code: "INVALID_INPUT", field: "--comparison", file: path, message: `--comparison: ${path} has no comparison ${unknown}.` });
      }
      const printer = progressPrinter();
      const { matches, report } = await withModels(options.model, async (workbench) => {
        const found = await matchModels(read, workbench.models);
        if (!options.json) process.stdout.write(describeMatches(found));
        const replays = new ReplayJobs(workbench.models, workbench.generation, workbench.bus);
        const unsubscribe = workbench.bus.on("session.replayProgress", ({ done, total, panesPerSecond, etaSeconds }) => {
          printer.update({ done, total, itemsPerSecond: panesPerSecond, etaSeconds, rows: [] });
        });
        const stop = () => replays.cancelOfConnection(CLI_CONNECTION);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        try {
          return { matches: found, report: await replays.run(read, { comparisonIds: options.comparison }, CLI_CONNECTION) };
        } finally {
          unsubscribe();
          printer.end();
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          await replays.dispose();
        }
      }, { hash: true });
      process.stdout.write(options.json ? `${JSON.stringify({ ...report, matches })}\n` : describeReport(report));
      // Divergences and missing models are findings, not errors; a pane that could not run is one.
      const failed = report.rows.filter((row) => row.status === "failed");
      for (const row of failed) process.stderr.write(`polyglot: error: ${row.comparisonId} pane ${row.pane + 1} (${row.model}): ${row.error?.message}\n`);
      if (failed.length > 0 || report.cancelled) process.exitCode = EXIT_FAILURE;
    }));
}

/** Each of the session's models and where it was found; a missing one with all the session says about it. */
function describeMatches(matches: ModelMatch[]): string {
  const lines = ["Models:"];
  for (const { identity, panes, match } of matches) {
    const used = plural(panes, "pane");
    if (match === null) {
      lines.push(
        `  ${identity.name} (${used}): MISSING`,
        `      sha256 ${identity.sha256 ?? "unknown"}`,
        `      quantization ${identity.quantization ?? "unknown"}, architecture ${identity.architecture ?? "unknown"}, ${formatParameterCount(identity.parameterCount)} parameters`,
        `      originally at ${identity.path}`,
      );
    } else {
      lines.push(`  ${identity.name} (${used}): found ${howFound(match)}: ${match.path}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function howFound(match: NonNullable<ModelMatch["match"]>): string {
  if (match.by === "sha256") return "by sha256 (the same file)";
  return match.sameFile === false ? "by name only (another file: its sha256 differs)" : "by name only (sha256 not compared)";
}

/** A line per pane, then the totals. */
function describeReport(report: ReplayReport): string {
  const lines = ["Replay:", ...report.rows.map((row) => `  ${row.comparisonId} pane ${row.pane + 1} ${row.model}: ${describeRow(row)}`)];
  const count = (status: ReplayRow["status"]) => report.rows.filter((row) => row.status === status).length;
  const totals = [`${count("exact")} exact`, `${count("diverged")} diverged`, `${count("missing-model")} missing model`, `${count("failed")} failed`];
  if (report.cancelled) totals.push(`${count("cancelled")} cancelled`);
  lines.push(`Total: ${report.rows.length} panes: ${totals.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function describeRow(row: ReplayRow): string {
  switch (row.status) {
    case "exact":
      return `exact (${row.replayedTokens} tokens)`;
    case "diverged": {
      const { index, expected, actual } = row.firstDifference!;
      return `diverged at token ${index}: expected ${tokenText(expected)} got ${tokenText(actual)}`;
    }
    case "missing-model":
      return "missing model";
    case "failed":
      return `failed: ${row.error?.message ?? "unknown error"}`;
    case "cancelled":
      return "cancelled";
  }
}

/** `"x" (id 120)`, the text JSON-quoted so spaces and newlines show; "the end" where an output ended. */
function tokenText(token: { id: number; text: string } | null): string {
  return token === null ? "the end" : `${JSON.stringify(token.text)} (id ${token.id})`;
}
