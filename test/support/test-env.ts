/** Environment variables the global setup hands to test files. */
export const TEST_ENV = {
  databaseUrl: 'MZF_TEST_DATABASE_URL',
  temporalAddress: 'MZF_TEST_TEMPORAL_ADDRESS',
  temporalCli: 'MZF_TEST_TEMPORAL_CLI',
  workflowBundle: 'MZF_TEST_WORKFLOW_BUNDLE',
} as const;

export function testEnv(key: keyof typeof TEST_ENV): string {
  // biome-ignore lint/style/noProcessEnv: set by test/support/global-setup.ts.
  const value = process.env[TEST_ENV[key]];
  if (!value) throw new Error(`${TEST_ENV[key]} is not set: run through jest (global setup)`);
  return value;
}
