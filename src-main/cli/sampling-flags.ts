/**
 * The sampling flags `generate` and `compare` share: their definitions, and their parsing into
 * SamplingParams with errors that name the flag (not the request field).
 */
import { Option, type Command } from "commander";
import type { z } from "zod";
import { AppError } from "../contract/errors";
import { SamplingParamsSchema, type SamplingParams } from "../contract/generation";

/** Sampling flags and the request fields they set (for error messages that name the flag). */
export const SAMPLING_FLAGS = {
  maxTokens: "--max-tokens",
  temperature: "--temperature",
  topK: "--top-k",
  topP: "--top-p",
  minP: "--min-p",
  repeatPenalty: "--repeat-penalty",
  seed: "--seed",
} as const;

type SamplingField = keyof typeof SAMPLING_FLAGS;

/** What commander gives for the flags added by addSamplingFlags. */
export type SamplingFlagOptions = { [field in SamplingField]?: string } & { stop: string[]; contextSize?: string };

export function addSamplingFlags(command: Command): Command {
  return command
    .option("--max-tokens <n>", "most tokens to generate (default 256)")
    .option("--temperature <t>", "sampling temperature; 0 = greedy (default 0.8)")
    .option("--top-k <k>", "top-k sampling (default 40)")
    .option("--top-p <p>", "nucleus sampling (default 0.95)")
    .option("--min-p <p>", "min-p sampling (default 0.05)")
    .option("--repeat-penalty <r>", "repeat penalty, 1 = off (default 1)")
    .option("--seed <s>", "random seed (default 42)")
    .addOption(new Option("--stop <text>", "stop when this text appears (repeatable)").argParser(collect).default([]))
    .option("--context-size <n>", "context size in tokens (default: the model's, at most 4096)");
}

/** The sampling parameters the flags ask for (defaults for the rest); INVALID_INPUT naming the flag. */
export function parseSamplingFlags(options: SamplingFlagOptions): SamplingParams {
  const params: Record<string, unknown> = { stop: options.stop };
  for (const [field, flag] of Object.entries(SAMPLING_FLAGS)) {
    const value = options[field as SamplingField];
    if (value !== undefined) params[field] = toNumber(value, flag);
  }
  const parsed = SamplingParamsSchema.safeParse(params);
  if (!parsed.success) throw flagError(parsed.error.issues[0]);
  return parsed.data;
}

/** --context-size as a number of tokens, or undefined for the model's default. */
export function parseContextSize(options: SamplingFlagOptions): number | undefined {
  if (options.contextSize === undefined) return undefined;
  const size = toNumber(options.contextSize, "--context-size");
  if (!Number.isInteger(size) || size < 1) {
    throw new AppError({ code: "INVALID_INPUT", field: "--context-size", message: `--context-size needs a whole number of tokens, not "${options.contextSize}".` });
  }
  return size;
}

/**
 * A schema issue as an error naming the flag: the sampling flags by their field, other fields by
 * `flags` (keyed by the issue path's last element), anything else by its path.
 */
export function flagError(issue: z.core.$ZodIssue, flags: Record<string, string> = {}): AppError {
  const key = String(issue.path.at(-1) ?? "");
  const flag = (SAMPLING_FLAGS as Record<string, string>)[key] ?? flags[key] ?? issue.path.join(".");
  return new AppError({ code: "INVALID_INPUT", field: flag, message: `${flag}: ${issue.message}` });
}

export function toNumber(value: string, flag: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) {
    throw new AppError({ code: "INVALID_INPUT", field: flag, message: `${flag} needs a number, not "${value}".` });
  }
  return number;
}

/** argParser of a repeatable option: every value, in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
