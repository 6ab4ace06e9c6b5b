/**
 * A tiny seeded PRNG (mulberry32, public domain by Tommy Ettinger). Bootstrap intervals must be
 * reproducible — the same votes and seed give the same leaderboard on every machine — which
 * Math.random cannot give. 32 bits of state is plenty for resampling a few thousand votes; this is
 * not for anything that needs cryptographic or high-dimensional quality.
 */
export type RandomSource = () => number;

/** Returns a function yielding uniform floats in [0, 1); the seed is taken modulo 2^32. */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, size), for picking an index. */
export function randomIndex(random: RandomSource, size: number): number {
  return Math.floor(random() * size);
}
