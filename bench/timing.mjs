/**
 * Runs every contender on the same input, round after round, and keeps each one's best time per
 * item in nanoseconds. Interleaving the rounds means drift on a shared machine hits all alike.
 */
export function bestOfInterleaved(contenders, input, rounds, items) {
  const best = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const start = process.hrtime.bigint();
      run(input);
      best[name] = Math.min(best[name] ?? Infinity, Number(process.hrtime.bigint() - start) / items);
    }
  }
  return best;
}
