import { Option, type Command } from "commander";
import { AppError } from "../../contract/errors";
import { GenerationRequestSchema, type GenerationDoneEvent, type GeneratedToken } from "../../contract/generation";
import { action } from "../cli-errors";
import { withModel } from "../ephemeral-workbench";

interface GenerateOptions {
  model: string;
  prompt: string;
  chat?: boolean;
  json?: boolean;
  maxTokens?: string;
  temperature?: string;
  topK?: string;
  topP?: string;
  minP?: string;
  repeatPenalty?: string;
  seed?: string;
  stop: string[];
  contextSize?: string;
}

/** Sampling flags and the request fields they set (for error messages that name the flag). */
const SAMPLING_FLAGS = {
  maxTokens: "--max-tokens",
  temperature: "--temperature",
  topK: "--top-k",
  topP: "--top-p",
  minP: "--min-p",
  repeatPenalty: "--repeat-penalty",
  seed: "--seed",
} as const;

export function registerGenerateCommand(program: Command): void {
  program
    .command("generate")
    .description("Stream a completion (or, with --chat, a chat reply) from a GGUF model")
    .requiredOption("--model <file>", "a .gguf file")
    .requiredOption("--prompt <text>", "the prompt (with --chat: the user's message)")
    .option("--chat", "apply the model's own chat template to the prompt")
    .option("--max-tokens <n>", "most tokens to generate (default 256)")
    .option("--temperature <t>", "sampling temperature; 0 = greedy (default 0.8)")
    .option("--top-k <k>", "top-k sampling (default 40)")
    .option("--top-p <p>", "nucleus sampling (default 0.95)")
    .option("--min-p <p>", "min-p sampling (default 0.05)")
    .option("--repeat-penalty <r>", "repeat penalty, 1 = off (default 1)")
    .option("--seed <s>", "random seed (default 42)")
    .addOption(new Option("--stop <text>", "stop when this text appears (repeatable)").argParser(collect).default([]))
    .option("--context-size <n>", "context size in tokens (default: the model's, at most 4096)")
    .option("--json", "one JSON object per token, then a summary object")
    .action(action(async (options: GenerateOptions) => {
      await withModel(options.model, async (workbench, model) => {
        await workbench.models.load(model.id, options.contextSize ? toNumber(options.contextSize, "--context-size") : undefined);
        const request = parseRequest(model.id, options);
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

function parseRequest(modelId: string, options: GenerateOptions) {
  const params: Record<string, unknown> = { stop: options.stop };
  for (const [field, flag] of Object.entries(SAMPLING_FLAGS)) {
    const value = options[field as keyof typeof SAMPLING_FLAGS];
    if (value !== undefined) params[field] = toNumber(value, flag);
  }
  const request = options.chat
    ? { mode: "chat", modelId, messages: [{ role: "user", content: options.prompt }], params }
    : { mode: "completion", modelId, prompt: options.prompt, params };
  const parsed = GenerationRequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = SAMPLING_FLAGS[issue.path.at(-1) as keyof typeof SAMPLING_FLAGS] ?? issue.path.join(".");
  throw new AppError({ code: "INVALID_INPUT", field: flag, message: `${flag}: ${issue.message}` });
}

function toNumber(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) {
    throw new AppError({ code: "INVALID_INPUT", field: flag, message: `${flag} needs a number, not "${value}".` });
  }
  return number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
      const { stats } = done;
      process.stderr.write(
        `[${stats.generatedTokens} tokens, ${stats.tokensPerSecond?.toFixed(1) ?? "–"} tokens/s, ` +
        `first token after ${stats.timeToFirstTokenMs?.toFixed(0) ?? "–"} ms, stop: ${stats.stopReason}]\n`,
      );
    },
  };
}
