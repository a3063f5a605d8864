/** The fuzzer's seed: MZF_FUZZ_SEED replays a failing run (its seed is in the failure), else a new one. */
export function fuzzSeed(): number {
  // biome-ignore lint/style/noProcessEnv: a test's own switch, read where it is used.
  const given = process.env.MZF_FUZZ_SEED;
  return given ? Number(given) : Date.now() % 2 ** 31;
}
