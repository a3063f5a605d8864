import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { LocalTestWorkflowEnvironmentOptions } from '@temporalio/testing';

/** The type names `temporal server start-dev --search-attribute Name=Type` accepts. */
export type SearchAttributeKind =
  | 'Keyword'
  | 'Text'
  | 'Int'
  | 'Double'
  | 'Bool'
  | 'Datetime'
  | 'KeywordList';

export interface TemporalDevServerOptions {
  /** Path to the `temporal` CLI, from findTemporalCli. */
  cli: string;
  /** SQLite file that keeps state across restarts; in memory when absent. */
  dbFile?: string;
  ip?: string;
  /** 0 or absent: a free port picked by the OS. */
  port?: number;
  /** 0 or absent: a free port picked by the OS. Ignored when headless. */
  uiPort?: number;
  headless?: boolean;
  /** Created at start; "default" always exists. */
  namespace?: string;
  searchAttributes?: Record<string, SearchAttributeKind>;
  /** Server stdout and stderr are appended here; discarded otherwise. */
  logFile?: string;
  log?: (line: string) => void;
}

export interface TemporalDevServer {
  /** host:port of the gRPC frontend. */
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

const DEFAULT_IP = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const TAIL_LINES = 50;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The `temporal` command line for the options, ports already chosen. */
export function temporalDevServerArgs(
  opts: Omit<TemporalDevServerOptions, 'cli' | 'logFile' | 'log'>,
): string[] {
  const args = ['server', 'start-dev', '--ip', opts.ip ?? DEFAULT_IP];
  if (opts.port) args.push('--port', String(opts.port));
  if (opts.headless) args.push('--headless');
  else if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  if (opts.namespace) args.push('--namespace', opts.namespace);
  for (const [name, kind] of Object.entries(opts.searchAttributes ?? {})) {
    if (!IDENTIFIER.test(name)) throw new Error(`search attribute "${name}" is not an identifier`);
    args.push('--search-attribute', `${name}=${kind}`);
  }
  args.push('--log-level', 'warn');
  return args;
}

/** Starts `temporal server start-dev` and resolves once its frontend (and UI) answer. */
export async function startTemporalDevServer(
  opts: TemporalDevServerOptions,
): Promise<TemporalDevServer> {
  const ip = opts.ip ?? DEFAULT_IP;
  // A server bound to every interface is still reached through loopback.
  const host = ip === '0.0.0.0' ? DEFAULT_IP : ip;
  const port = opts.port || (await freePort(ip));
  const uiPort = opts.headless ? undefined : opts.uiPort || (await freePort(ip));
  const dbFile = opts.dbFile && path.resolve(opts.dbFile);
  if (dbFile) await fs.mkdir(path.dirname(dbFile), { recursive: true });
  if (opts.logFile) await fs.mkdir(path.dirname(path.resolve(opts.logFile)), { recursive: true });
  const args = temporalDevServerArgs({ ...opts, ip, port, uiPort, dbFile });
  const started = Date.now();
  const server = spawnServer(opts.cli, args, opts.logFile);
  const address = `${host}:${port}`;
  const deadline = started + READY_TIMEOUT_MS;
  try {
    await waitForTcp(host, port, deadline, server.hasExited);
    await waitForFrontend(address, opts.namespace ?? 'default', deadline, server.hasExited);
    if (uiPort) await waitForTcp(host, uiPort, deadline, server.hasExited);
  } catch (err) {
    await server.stop();
    const output = server.tail().join('\n') || '(no output)';
    throw new Error(
      `Temporal dev server (${opts.cli} ${args.join(' ')}) did not start: ` +
        `${(err as Error).message}\n--- last server output ---\n${output}`,
    );
  }
  opts.log?.(`Temporal dev server ready at ${address} in ${Date.now() - started} ms`);
  const uiUrl = uiPort ? `http://${host}:${uiPort}` : undefined;
  return { address, uiUrl, stop: server.stop };
}

interface ServerProcess {
  hasExited(): boolean;
  tail(): string[];
  stop(): Promise<void>;
}

function spawnServer(cli: string, args: string[], logFile: string | undefined): ServerProcess {
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  out?.on('error', () => {}); // a broken log file must not take the server down
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (out) stream.pipe(out, { end: false });
    readline.createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
    });
  }
  let exited = false;
  child.once('error', (err) => lines.push(err.message));
  // SIGKILL, because an exit handler cannot wait for a graceful stop; SQLite commits survive it.
  const killOnParentExit = () => child.kill('SIGKILL');
  process.once('exit', killOnParentExit);
  // 'close' also follows a failed spawn, and comes after stdout/stderr are drained.
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => {
      exited = true;
      process.off('exit', killOnParentExit);
      if (out) out.end(resolve);
      else resolve();
    });
  });
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await closed;
    clearTimeout(timer);
  };
  return { hasExited: () => exited, tail: () => [...lines], stop };
}

async function waitForFrontend(
  address: string,
  namespace: string,
  deadline: number,
  hasExited: () => boolean,
): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline && !hasExited()) {
    // lazy + close in finally: a failed Connection.connect leaves its gRPC channel open.
    // Called once the port is open: a refused gRPC connect backs off a whole second.
    const connection = Connection.lazy({ address, connectTimeout: 2_000 });
    try {
      await connection.ensureConnected();
      // The namespace answering means start-up registration is done, not just the port.
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await connection.close();
    }
    await sleep(200);
  }
  throw new Error(
    hasExited()
      ? 'the server process exited'
      : `frontend ${address} not ready in ${READY_TIMEOUT_MS} ms: ${String(lastError)}`,
  );
}

async function waitForTcp(
  host: string,
  port: number,
  deadline: number,
  hasExited: () => boolean,
): Promise<void> {
  while (Date.now() < deadline && !hasExited()) {
    if (await acceptsTcp(host, port)) return;
    await sleep(50);
  }
  throw new Error(hasExited() ? 'the server process exited' : `${host}:${port} not open in time`);
}

function acceptsTcp(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port the OS says is free now; another process could still take it before the server. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const SDK_TYPES: Record<SearchAttributeKind, SearchAttributeType> = {
  Keyword: SearchAttributeType.KEYWORD,
  Text: SearchAttributeType.TEXT,
  Int: SearchAttributeType.INT,
  Double: SearchAttributeType.DOUBLE,
  Bool: SearchAttributeType.BOOL,
  Datetime: SearchAttributeType.DATETIME,
  KeywordList: SearchAttributeType.KEYWORD_LIST,
};

/**
 * Options for `TestWorkflowEnvironment.createLocal`: the SDK runs `cli` as its dev server when
 * given ('existing-path'), else it downloads one (needs internet).
 */
export function localTestEnvOptions(
  cli: string | undefined,
  searchAttributes: Record<string, SearchAttributeKind> = {},
): LocalTestWorkflowEnvironmentOptions {
  const keys = Object.entries(searchAttributes).map(([name, kind]) =>
    defineSearchAttributeKey(name, SDK_TYPES[kind]),
  );
  return {
    server: {
      ...(cli ? { executable: { type: 'existing-path', path: cli } } : {}),
      searchAttributes: keys,
    },
  };
}
