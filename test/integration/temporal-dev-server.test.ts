import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli } from '../../lib/temporal-cli';
import {
  localTestEnvOptions,
  startTemporalDevServer,
  type TemporalDevServer,
} from '../../lib/temporal-dev-server';

const execFileAsync = promisify(execFile);
const BUILD_TIMEOUT_MS = 15 * 60_000; // a fresh machine builds the CLI first (~7 minutes)

let cli: string;
let dir: string;

beforeAll(async () => {
  const found = await findTemporalCli({ allowBuild: true, log: (l) => console.log(l) });
  if (!found) throw new Error('no Temporal CLI found and none could be built');
  cli = found;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mzf-temporal-'));
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function customSearchAttributes(address: string): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const res = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
    return Object.keys(res.customAttributes ?? {});
  } finally {
    await connection.close();
  }
}

async function namespaceExists(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

function acceptsTcp(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('finding the Temporal CLI', () => {
  it('given an explicit path that does not exist, when finding the CLI, should fail and name it', async () => {
    await expect(findTemporalCli({ explicitPath: path.join(dir, 'nope') })).rejects.toThrow(
      /TEMPORAL_CLI=.*nope does not exist/,
    );
  });

  it('given an explicit executable that is not the Temporal CLI, when finding the CLI, should reject it', async () => {
    await expect(findTemporalCli({ explicitPath: '/bin/true' })).rejects.toThrow(/--version/);
  });

  it('given the found CLI, when asked for its version, should answer', async () => {
    const { stdout } = await execFileAsync(cli, ['--version']);
    expect(stdout).toMatch(/temporal version/);
  });
});

describe('the Temporal dev server', () => {
  it('given a db file, when the server restarts on it, should keep namespaces and search attributes', async () => {
    const dbFile = path.join(dir, 'persist', 'temporal.sqlite');
    const first = await startTemporalDevServer({
      cli,
      dbFile,
      searchAttributes: { MzStatus: 'Keyword' },
    });
    try {
      expect(await namespaceExists(first.address, 'default')).toBe(true);
      expect(await customSearchAttributes(first.address)).toContain('MzStatus');
      expect((await fetch(first.uiUrl!)).ok).toBe(true);
      const at = ['--address', first.address];
      await execFileAsync(cli, ['operator', 'namespace', 'create', ...at, '-n', 'mz-persist']);
      await execFileAsync(cli, [
        ...['operator', 'search-attribute', 'create', ...at],
        ...['--name', 'MzRestartProbe', '--type', 'Keyword'],
      ]);
    } finally {
      await first.stop();
    }
    expect(await acceptsTcp(first.address)).toBe(false);

    const second = await startTemporalDevServer({ cli, dbFile, headless: true });
    try {
      expect(second.uiUrl).toBeUndefined();
      expect(await namespaceExists(second.address, 'mz-persist')).toBe(true);
      expect(await customSearchAttributes(second.address)).toEqual(
        expect.arrayContaining(['MzStatus', 'MzRestartProbe']),
      );
    } finally {
      await second.stop();
    }
  });

  it('given a port that is taken, when starting, should fail with the server output and log it', async () => {
    // Sockets are dropped at once so close() is not held open by the readiness probes.
    const blocker = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const logFile = path.join(dir, 'logs', 'taken.log');
    try {
      const start = startTemporalDevServer({ cli, port, headless: true, logFile });
      await expect(start).rejects.toThrow(/did not start[\s\S]*last server output[\s\S]*\S/);
      expect((await fs.readFile(logFile, 'utf8')).length).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('given a started server, when stop is called twice, should end once and not throw', async () => {
    const server: TemporalDevServer = await startTemporalDevServer({ cli, headless: true });
    await server.stop();
    await server.stop();
    expect(await acceptsTcp(server.address)).toBe(false);
  });
});

describe('TestWorkflowEnvironment.createLocal with the found CLI', () => {
  it('given localTestEnvOptions, when creating a local environment, should serve the search attributes and tear down', async () => {
    const env = await TestWorkflowEnvironment.createLocal(
      localTestEnvOptions(cli, { MzStatus: 'Keyword' }),
    );
    try {
      const res = await env.connection.operatorService.listSearchAttributes({
        namespace: env.namespace ?? 'default',
      });
      expect(Object.keys(res.customAttributes ?? {})).toContain('MzStatus');
    } finally {
      await env.teardown();
    }
  });
});
