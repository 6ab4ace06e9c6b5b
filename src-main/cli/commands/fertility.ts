/**
 * `polyglot fertility`: what each language pays in tokens on a parallel corpus (FLORES-style
 * folder), per tokenizer: fertility (tokens per word) and the premium over English, through the
 * app's corpus jobs. Progress on stderr, a table (or the report as JSON) on stdout.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { AppError } from "../../contract/errors";
import { DEFAULT_REFERENCE_LANGUAGE, FertilityRequestSchema, type FertilityReport, type FertilityRequest } from "../../contract/tokenize";
import { action } from "../cli-errors";
import { withModels } from "../ephemeral-workbench";
import { progressPrinter } from "../eval-progress";
import { collect, flagError, toNumber } from "../sampling-flags";

interface FertilityOptions {
  model: string[];
  corpus: string;
  langs?: string;
  limit?: string;
  json?: boolean;
}

const FERTILITY_FLAGS = { modelIds: "--model", corpusDir: "--corpus", languages: "--langs", limit: "--limit" };

/** The CLI runs one job at a time. */
const JOB_ID = "cli";

export function registerFertilityCommand(program: Command): void {
  program
    .command("fertility")
    .description(`Tokens per word and the token premium over ${DEFAULT_REFERENCE_LANGUAGE}, per language and tokenizer, on a parallel corpus`)
    .addOption(new Option("--model <file>", "a .gguf file whose tokenizer is measured (repeatable; read vocab-only)").argParser(collect).makeOptionMandatory())
    .requiredOption("--corpus <dir>", "a folder with one file per language named by its Flores-200 code (eng_Latn.devtest, …), aligned line by line")
    .option("--langs <codes>", "Flores-200 codes, comma-separated (default: every language in the folder)")
    .option("--limit <n>", "only the first n sentences of every file")
    .option("--json", "print the report as one JSON object")
    .action(action(async (options: FertilityOptions) => {
      // Checked before any model is read; the ids are the files' until the workspace names them.
      const request = parseRequest(options);
      const printer = progressPrinter();
      const report = await withModels(options.model, async (workbench, models) => {
        const unsubscribe = workbench.bus.on("tokenize.corpusProgress", (progress) => {
          const { done, total, itemsPerSecond, etaSeconds } = progress;
          printer.update({ done, total, itemsPerSecond: itemsPerSecond ?? 0, etaSeconds, rows: [] });
        });
        const stop = () => workbench.tokenizers.cancelCorpus(JOB_ID);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        try {
          return await workbench.tokenizers.corpus({ ...request, modelIds: models.map((model) => model.id) });
        } finally {
          unsubscribe();
          printer.end();
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
        }
      });
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    }));
}

function parseRequest(options: FertilityOptions): FertilityRequest {
  const languages = options.langs === undefined ? [] : options.langs.split(",").map((code) => code.trim()).filter(Boolean);
  const parsed = FertilityRequestSchema.safeParse({
    jobId: JOB_ID,
    corpusDir: resolve(options.corpus),
    languages,
    modelIds: options.model,
    limit: options.limit === undefined ? undefined : toNumber(options.limit, "--limit"),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.path[0] === "languages" && typeof issue.path[1] === "number") {
    throw new AppError({ code: "INVALID_INPUT", field: "--langs", message: `--langs: "${languages[issue.path[1]]}" is not a Flores-200 code such as swh_Latn.` });
  }
  // The flag is named by the request field (the first element of the issue's path).
  throw flagError({ ...issue, path: issue.path.slice(0, 1) }, FERTILITY_FLAGS);
}

/** One row per tokenizer and language, columns aligned (text left, numbers right). */
export function formatReport(report: FertilityReport): string {
  const titles = ["tokenizer", "language", "sentences", "words", "characters", "bytes", "tokens", "tokens/word", `premium vs ${report.reference}`];
  const ratio = (value: number | null) => (value === null ? "-" : value.toFixed(2));
  const rows = report.rows.map((row) => [
    row.tokenizer, row.language, String(row.sentences), String(row.words), String(row.characters), String(row.bytes), String(row.tokens),
    ratio(row.tokensPerWord), ratio(row.premium),
  ]);
  const widths = titles.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ").trimEnd();
  return [line(titles), ...rows.map(line)].join("\n") + "\n";
}
