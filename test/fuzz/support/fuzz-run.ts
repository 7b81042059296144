import fc from 'fast-check';

/**
 * Runs one property with a fixed seed (logged, so a failure replays with the same inputs) and
 * logs how many cases ran. `FUZZ_SEED` replaces every seed and `FUZZ_RUNS` scales the counts,
 * to explore beyond the fixed runs: `FUZZ_SEED=123 FUZZ_RUNS=5 npx vitest run test/fuzz`.
 */
export async function runProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
  opts: { seed: number; numRuns: number },
): Promise<number> {
  const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : opts.seed;
  const numRuns = Math.max(1, Math.round(opts.numRuns * Number(process.env['FUZZ_RUNS'] ?? 1)));
  let cases = 0;
  const started = Date.now();
  console.log(`[fuzz] ${name}: seed ${seed}, numRuns ${numRuns}`);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      cases++;
      await check(value);
    }),
    // fast-check's failure message carries the seed, the counterexample's path and the shrunk input.
    { seed, numRuns },
  );
  console.log(`[fuzz] ${name}: ${cases} cases ran (seed ${seed}, numRuns ${numRuns}, ${Date.now() - started} ms)`);
  return cases;
}
