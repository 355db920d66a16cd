/**
 * A seeded pseudo-random generator of doubles in [0, 1): xoshiro128** (Blackman & Vigna 2018,
 * "Scrambled linear pseudorandom number generators"), its 128-bit state filled from the seed's
 * two halves by SplitMix32, and each double made of 53 random bits (two outputs). The same seed gives the same
 * sequence on every engine, which is what makes a bootstrap reproducible; it is not for secrets.
 */
export function seededRandom(seed: number): () => number {
  // Two SplitMix32 streams, one from the seed's low 32 bits and one from its high bits, fill the
  // state's two halves: SplitMix's first outputs are a bijection of its seed, so every seed from 0
  // to 2^53 gives its own state (one stream folding both halves would make 2^32 collide with 0).
  const stream = (start: number): (() => number) => {
    let mix = start >>> 0;
    return () => {
      mix = (mix + 0x9e3779b9) >>> 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
  };
  const low = stream(seed % 0x100000000);
  const high = stream(Math.floor(seed / 0x100000000) ^ 0x5bd1e995);
  let s0 = low();
  let s1 = low();
  let s2 = high();
  let s3 = high();
  const next = (): number => {
    const result = Math.imul(rotate(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotate(s3 >>> 0, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

function rotate(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
