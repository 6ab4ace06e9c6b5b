/** Delays between reconnection attempts: quick at first (a restart), then no more than every few seconds. */
export function reconnectDelayMs(attempt: number): number {
  const base = 250;
  const max = 5_000;
  return Math.min(max, base * 2 ** attempt);
}
