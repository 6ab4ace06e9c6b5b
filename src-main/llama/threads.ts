import os from "node:os";

/**
 * CPU threads for a context: all cores but one, which stays free for the main process's event
 * loop (on a 2-core machine, llama.cpp's busy-waiting threads beside a busy event loop run a tiny
 * model ~50x slower than one thread does; see docs/benchmarks.md). POLYGLOT_THREADS overrides.
 */
export function defaultThreads(): number {
  const fromEnv = Number(process.env.POLYGLOT_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, os.availableParallelism() - 1);
}
