/**
 * `polyglot compare`: one prompt on 1–6 models at once, through the app's CompareService, streamed
 * as JSON lines or shown as text; with --session the comparison is appended to a session file.
 */
import { Option, type Command } from "commander";
import { resolve } from "node:path";
import { CompareRequestSchema, DEFAULT_TOP_ALTERNATIVES, type CompareRequest } from "../../contract/compare";
import { AppError, type AppErrorData } from "../../contract/errors";
import type { EventPayload } from "../../contract/api";
import { ChatTemplateChoiceSchema, type GeneratedToken } from "../../contract/generation";
import { MAX_PANES, MIN_PANES, type Comparison, type PaneOutput } from "../../contract/session";
import type { Workbench } from "../../app/workbench";
import { action, EXIT_FAILURE } from "../cli-errors";
import { withModels } from "../ephemeral-workbench";
import { addSamplingFlags, collect, flagError, parseContextSize, parseSamplingFlags, toNumber, type SamplingFlagOptions } from "../sampling-flags";
import { statsLine } from "./generate";

interface CompareOptions extends SamplingFlagOptions {
  model: string[];
  prompt: string;
  chat?: boolean;
  chatTemplate?: string;
  topKAlternatives?: string;
  language?: string;
  session?: string;
  json?: boolean;
}

/** Request fields other than the sampling ones, by the flag that sets them (for error messages). */
const COMPARE_FLAGS = { topAlternatives: "--top-k-alternatives", language: "--language", chatTemplate: "--chat-template", modelId: "--model" };

export function registerCompareCommand(program: Command): void {
  const command = program
    .command("compare")
    .description(`Run one prompt on ${MIN_PANES} to ${MAX_PANES} models at once (a file given twice runs twice on one loaded copy)`)
    .addOption(new Option("--model <file>", "a .gguf file (repeatable, in pane order)").argParser(collect).makeOptionMandatory())
    .requiredOption("--prompt <text>", "the prompt (with --chat: the user's message)")
    .option("--chat", "apply a chat template to the prompt")
    .addOption(new Option("--chat-template <name>", "with --chat: each model's own template, or this one for all").choices(ChatTemplateChoiceSchema.options));
  addSamplingFlags(command)
    .option("--top-k-alternatives <k>", `most likely tokens reported beside each token (default ${DEFAULT_TOP_ALTERNATIVES})`)
    .option("--language <code>", "the prompt's language, a Flores-200 code such as swh_Latn")
    .option("--session <file>", "append the comparison to this session file (created if missing)")
    .option("--json", "one JSON object per token as they arrive, then one per model, then the session entry")
    .action(action(async (options: CompareOptions) => {
      const request = parseRequest(options);
      const contextSize = parseContextSize(options);
      const sessionFile = options.session === undefined ? undefined : resolve(options.session);
      const failures = await withModels(options.model, async (workbench, models) => {
        const panes = request.panes.map((pane, index) => ({ ...pane, backend: { kind: "local" as const, modelId: models[index].id } }));
        const { comparison, saveError } = await runComparison(workbench, { ...request, panes }, options, contextSize);
        if (sessionFile !== undefined) {
          if (saveError) throw new AppError(saveError);
          print(options, { session: sessionFile, comparison: comparison.id }, `Comparison ${comparison.id} saved in ${sessionFile}`);
        }
        return comparison.panes.flatMap((pane, index) => (pane.output.error ? [{ model: options.model[index], error: pane.output.error }] : []));
      }, { hash: sessionFile !== undefined, sessionFile });
      for (const { model, error } of failures) process.stderr.write(`polyglot: error: ${model}: ${error.message}\n`);
      if (failures.length > 0) process.exitCode = EXIT_FAILURE;
    }));
}

/** Every flag checked before anything is loaded; the panes' model ids are the files until they are added. */
function parseRequest(options: CompareOptions): CompareRequest {
  if (options.model.length < MIN_PANES || options.model.length > MAX_PANES) {
    throw new AppError({ code: "INVALID_INPUT", field: "--model", message: `--model: give ${MIN_PANES} to ${MAX_PANES} models, not ${options.model.length}.` });
  }
  if (options.chatTemplate !== undefined && !options.chat) {
    throw new AppError({ code: "INVALID_INPUT", field: "--chat-template", message: "--chat-template applies to chat prompts only: add --chat." });
  }
  const params = parseSamplingFlags(options);
  const topAlternatives = options.topKAlternatives === undefined ? undefined : toNumber(options.topKAlternatives, "--top-k-alternatives");
  const prompt = options.chat
    ? { mode: "chat", messages: [{ role: "user", content: options.prompt }], chatTemplate: options.chatTemplate }
    : { mode: "completion", text: options.prompt };
  const parsed = CompareRequestSchema.safeParse({
    prompt,
    panes: options.model.map((file) => ({ backend: { kind: "local", modelId: file }, params, topAlternatives })),
    language: options.language ?? null,
  });
  if (!parsed.success) throw flagError(parsed.error.issues[0], COMPARE_FLAGS);
  return parsed.data;
}

type TokensEvent = EventPayload<"generation.tokens">;

/** Runs the comparison, printing tokens (with --json) as they arrive and each pane's outcome at the end. */
async function runComparison(workbench: Workbench, request: CompareRequest, options: CompareOptions, contextSize: number | undefined) {
  const paneOfRun = new Map<string, number>();
  const printTokens = ({ runId, tokens }: TokensEvent) => {
    const pane = paneOfRun.get(runId);
    if (pane !== undefined && options.json) process.stdout.write(tokens.map((token) => tokenLine(options.model[pane], token)).join(""));
  };
  // Listen before starting: events that come before start() returns wait until their runs are known.
  let early: TokensEvent[] | null = [];
  const stop = workbench.bus.on("generation.tokens", (event) => (early ? early.push(event) : printTokens(event)));
  try {
    const started = await workbench.compare.start(request, null, contextSize);
    started.panes.forEach(({ runId }, index) => {
      if (runId) paneOfRun.set(runId, index);
    });
    for (const event of early) printTokens(event);
    early = null;
    const finished = await started.finished;
    printPanes(options, finished.comparison);
    return finished;
  } finally {
    stop();
  }
}

function tokenLine(model: string, token: GeneratedToken): string {
  const top = (token.top ?? []).map(({ id, text, logprob }) => ({ token: text, id, logprob }));
  return JSON.stringify({ model, token: token.text, id: token.id, logprob: token.logprob, top }) + "\n";
}

function printPanes(options: CompareOptions, comparison: Comparison): void {
  comparison.panes.forEach(({ output }, index) => {
    const model = options.model[index];
    if (options.json) {
      const error: { error?: AppErrorData } = output.error ? { error: output.error } : {};
      process.stdout.write(JSON.stringify({ model, done: true, text: output.text, stats: output.stats, ...error }) + "\n");
    } else {
      process.stdout.write(`${index > 0 ? "\n" : ""}── ${index + 1}. ${model} ──\n${paneText(output)}\n${statsLine(output.stats)}\n`);
    }
  });
}

function paneText(output: PaneOutput): string {
  return output.error ? `(failed: ${output.error.message})` : output.text;
}

/** A line for the reader: a JSON object with --json, else the text. */
function print(options: CompareOptions, json: object, text: string): void {
  process.stdout.write(options.json ? JSON.stringify(json) + "\n" : `\n${text}\n`);
}
