/**
 * The CLI's one way out on failure: a sentence on stderr naming the problem (and the file), a
 * non-zero exit code, and no stack trace unless POLYGLOT_DEBUG is set.
 */
import { AppError } from "../contract/errors";

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function reportAndExit(error: unknown): never {
  const appError = AppError.from(error);
  process.stderr.write(`polyglot: error: ${appError.message}\n`);
  if (process.env.POLYGLOT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(appError.code === "INVALID_INPUT" ? EXIT_USAGE : EXIT_FAILURE);
}

/** Wraps a command action so any failure ends in reportAndExit. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      reportAndExit(error);
    }
  };
}
