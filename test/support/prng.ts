/**
 * mulberry32: a small seeded generator that is the same everywhere, so a test that prints its
 * seed can be replayed exactly (the generated isolation world, the malformed-input run).
 */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  /** One of a list that is never empty. */
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  /** One of a list that may be empty (then undefined). */
  const maybePick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[int(xs.length)] : undefined);
  const chance = (p: number) => next() < p;
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, maybePick, chance, shuffle, bytes };
}
export type Rng = ReturnType<typeof prng>;
