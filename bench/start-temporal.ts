import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli, TEMPORAL_CLI_VERSION } from '../lib/temporal-cli';
import { localTestEnvOptions, startTemporalDevServer } from '../lib/temporal-dev-server';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

export interface BenchTemporal {
  address: string;
  /** What `temporal --version` says, or where the server came from. */
  version: string;
  stop(): Promise<void>;
}

/** A headless, in-memory dev server with the product's search attributes registered. */
export async function startTemporal(log: (line: string) => void): Promise<BenchTemporal> {
  const cli = await findTemporalCli({ allowBuild: true, log });
  if (!cli) {
    log('no Temporal CLI: the Temporal SDK downloads its dev server');
    const env = await TestWorkflowEnvironment.createLocal(
      localTestEnvOptions(undefined, SEARCH_ATTRIBUTES),
    );
    return {
      address: env.address,
      version: 'SDK-downloaded dev server',
      stop: () => env.teardown(),
    };
  }
  const { stdout } = await promisify(execFile)(cli, ['--version']);
  const server = await startTemporalDevServer({
    cli,
    headless: true,
    searchAttributes: SEARCH_ATTRIBUTES,
  });
  const version = `${stdout.trim()} (built from cli ${TEMPORAL_CLI_VERSION})`;
  return { address: server.address, version, stop: server.stop };
}
