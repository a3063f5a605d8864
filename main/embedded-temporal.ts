import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Config } from '../lib/config';
import {
  localTestEnvOptions,
  type SearchAttributeKind,
  startTemporalDevServer,
} from '../lib/temporal-dev-server';

export interface EmbeddedTemporal {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

function portOf(hostPort: string, fallback: number): { host: string; port: number } {
  const [host, port] = hostPort.split(':');
  return { host: host || '127.0.0.1', port: Number(port) || fallback };
}

/**
 * The Temporal dev server on the configured ports with its state in `dbFile`: our own CLI when
 * one was found or built, otherwise the one the SDK downloads (machines with internet).
 */
export async function startTemporal(
  config: Config,
  cli: string | undefined,
  dbFile: string,
  searchAttributes: Record<string, SearchAttributeKind>,
  log: (line: string) => void,
): Promise<EmbeddedTemporal> {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const { host, port } = portOf(config.TEMPORAL_ADDRESS, 7233);
  const uiPort = Number(new URL(config.TEMPORAL_UI_URL).port) || 8233;
  const logFile = path.join(path.dirname(dbFile), 'logs', 'temporal.log');
  if (cli) {
    log(`Temporal dev server: ${cli}`);
    const server = await startTemporalDevServer({
      cli,
      dbFile,
      ip: host,
      port,
      uiPort,
      searchAttributes,
      logFile,
      log,
    });
    return {
      address: server.address,
      uiUrl: server.uiUrl ?? config.TEMPORAL_UI_URL,
      stop: server.stop,
    };
  }
  log('no Temporal CLI here: letting the Temporal SDK download its dev server');
  const options = localTestEnvOptions(undefined, searchAttributes);
  const env = await TestWorkflowEnvironment.createLocal({
    ...options,
    server: { ...options.server, ip: host, port, ui: true, uiPort, dbFilename: dbFile },
  });
  return {
    address: `${host}:${port}`,
    uiUrl: `http://${host}:${uiPort}`,
    stop: () => env.teardown(),
  };
}
