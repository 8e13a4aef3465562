// The engine's random generator (cpp/engine/rng.hpp) in TypeScript: xoshiro256** seeded through
// splitmix64, with the same below(n) and Fisher–Yates shuffle, so that a seed means the same
// numbers here and in the engine. The data split uses it; the numbers are checked against the C++
// generator in tests/js/data.test.ts.

const MASK64 = (BigInt(1) << BigInt(64)) - BigInt(1);
const GOLDEN_GAMMA = BigInt('0x9E3779B97F4A7C15');
const MIX1 = BigInt('0xBF58476D1CE4E5B9');
const MIX2 = BigInt('0x94D049BB133111EB');
const B5 = BigInt(5);
const B9 = BigInt(9);
const B17 = BigInt(17);
const B45 = BigInt(45);
const B7 = BigInt(7);
const B64 = BigInt(64);

function rotl(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (B64 - k))) & MASK64;
}

export class SeededRng {
  private s: bigint[] = [];

  constructor(seed: number | bigint = 0) {
    this.reseed(seed);
  }

  reseed(seed: number | bigint): void {
    let x = BigInt(seed) & MASK64;
    this.s = [];
    for (let i = 0; i < 4; i++) {
      x = (x + GOLDEN_GAMMA) & MASK64;
      let z = x;
      z = ((z ^ (z >> BigInt(30))) * MIX1) & MASK64;
      z = ((z ^ (z >> BigInt(27))) * MIX2) & MASK64;
      this.s.push(z ^ (z >> BigInt(31)));
    }
  }

  /** The next 64-bit output of xoshiro256**. */
  nextU64(): bigint {
    const s = this.s;
    const result = (rotl((s[1] * B5) & MASK64, B7) * B9) & MASK64;
    const t = (s[1] << B17) & MASK64;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], B45);
    return result;
  }

  /** Uniform integer in [0, n), n >= 1, unbiased (the engine's rejection rule). */
  below(n: number): number {
    const bn = BigInt(n);
    const threshold = (MASK64 + BigInt(1) - bn) % bn;
    for (;;) {
      const r = this.nextU64();
      if (r >= threshold) return Number(r % bn);
    }
  }

  /** Fisher–Yates shuffle in place, drawing exactly as the engine's Rng::shuffle. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length; i > 1; i--) {
      const j = this.below(i);
      const tmp = items[i - 1];
      items[i - 1] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}
