import type { Command } from "commander";
import { AppError } from "../../contract/errors";
import { GenerationRequestSchema, type GenerationDoneEvent, type GeneratedToken, type GenerationStats, type SamplingParams } from "../../contract/generation";
import { action } from "../cli-errors";
import { withModel } from "../ephemeral-workbench";
import { addSamplingFlags, flagError, parseContextSize, parseSamplingFlags, type SamplingFlagOptions } from "../sampling-flags";

interface GenerateOptions extends SamplingFlagOptions {
  model: string;
  prompt: string;
  chat?: boolean;
  json?: boolean;
}

export function registerGenerateCommand(program: Command): void {
  const command = program
    .command("generate")
    .description("Stream a completion (or, with --chat, a chat reply) from a GGUF model")
    .requiredOption("--model <file>", "a .gguf file")
    .requiredOption("--prompt <text>", "the prompt (with --chat: the user's message)")
    .option("--chat", "apply the model's own chat template to the prompt");
  addSamplingFlags(command)
    .option("--json", "one JSON object per token, then a summary object")
    .action(action(async (options: GenerateOptions) => {
      const params = parseSamplingFlags(options);
      const contextSize = parseContextSize(options);
      await withModel(options.model, async (workbench, model) => {
        await workbench.models.load(model.id, contextSize);
        const request = parseRequest(model.id, options, params);
        const print = options.json ? jsonPrinter() : textPrinter();
        // start() emits nothing before it returns, so subscribing right after misses no token.
        const run = workbench.generation.start(request);
        const stop = workbench.bus.on("generation.tokens", ({ runId, tokens }) => {
          if (runId === run.runId) print.tokens(tokens);
        });
        const done = await run.finished;
        stop();
        print.done(done);
        if (done.error) throw new AppError(done.error);
      });
    }));
}

function parseRequest(modelId: string, options: GenerateOptions, params: SamplingParams) {
  const request = options.chat
    ? { mode: "chat", modelId, messages: [{ role: "user", content: options.prompt }], params }
    : { mode: "completion", modelId, prompt: options.prompt, params };
  const parsed = GenerationRequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  throw flagError(parsed.error.issues[0]);
}

interface Printer {
  tokens(tokens: GeneratedToken[]): void;
  done(done: GenerationDoneEvent): void;
}

function jsonPrinter(): Printer {
  return {
    tokens(tokens) {
      process.stdout.write(tokens.map((t) => JSON.stringify({ token: t.text, id: t.id, logprob: t.logprob }) + "\n").join(""));
    },
    done(done) {
      process.stdout.write(JSON.stringify({ done: true, text: done.text, stats: done.stats }) + "\n");
    },
  };
}

function textPrinter(): Printer {
  let streamed = "";
  return {
    tokens(tokens) {
      const text = tokens.map((t) => t.text).join("");
      streamed += text;
      process.stdout.write(text);
    },
    done(done) {
      // Text held back as a possible stop string start is final only now.
      if (done.text.startsWith(streamed)) process.stdout.write(done.text.slice(streamed.length));
      process.stdout.write("\n");
      process.stderr.write(`${statsLine(done.stats)}\n`);
    },
  };
}

/** One line a person reads: "[24 tokens, 310.2 tokens/s, first token after 12 ms, stop: max-tokens]". */
export function statsLine(stats: GenerationStats): string {
  return `[${stats.generatedTokens} tokens, ${stats.tokensPerSecond?.toFixed(1) ?? "–"} tokens/s, ` +
    `first token after ${stats.timeToFirstTokenMs?.toFixed(0) ?? "–"} ms, stop: ${stats.stopReason}]`;
}
