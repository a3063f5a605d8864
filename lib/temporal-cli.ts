import { execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

/** The last tag `go install` accepts: later go.mod files carry replace directives. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';
const EXE = process.platform === 'win32' ? 'temporal.exe' : 'temporal';
/** Go from the official tarball lives here and is often missing from PATH in CI shells. */
const EXTRA_GO_DIRS = ['/usr/local/go/bin'];
/** A builder refreshes the lock's mtime; a lock untouched this long was abandoned. */
const LOCK_HEARTBEAT_MS = 15_000;
const LOCK_STALE_MS = 120_000;
const LOCK_POLL_MS = 2_000;
const PROGRESS_EVERY_MS = 15_000;
/** go prints nothing while it compiles: this long without a download line means compiling. */
const QUIET_MEANS_COMPILING_MS = 10_000;

const execFileAsync = promisify(execFile);

export interface HostEnv {
  PATH: string;
  HOME: string;
  XDG_CACHE_HOME?: string;
}

/**
 * Where programs and per-user caches live, and the environment `go` inherits (GOPROXY, GOPATH,
 * GOCACHE). Host facts, not app configuration, so lib/config.ts does not own them; the only
 * process.env reads in this module.
 */
function readHostEnv(): HostEnv & { inherited: NodeJS.ProcessEnv } {
  // biome-ignore lint/style/noProcessEnv: host facts and go's own settings, not app config.
  const env = process.env;
  return {
    PATH: env.PATH ?? '',
    HOME: env.HOME || os.homedir(),
    XDG_CACHE_HOME: env.XDG_CACHE_HOME,
    inherited: env,
  };
}

/** `${XDG_CACHE_HOME:-~/.cache}/minzheng-flow/temporal-cli-<version>`. */
export function temporalCliCacheDir(host: HostEnv = readHostEnv()): string {
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const xdg = host.XDG_CACHE_HOME;
  const cacheHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(host.HOME, '.cache');
  return path.join(cacheHome, 'minzheng-flow', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

export function temporalCliCachePath(host: HostEnv = readHostEnv()): string {
  return path.join(temporalCliCacheDir(host), EXE);
}

export interface CliCandidate {
  source: 'explicit' | 'path' | 'cache';
  file: string;
}

function pathDirs(host: HostEnv): string[] {
  return host.PATH.split(path.delimiter).filter((dir) => dir !== '' && path.isAbsolute(dir));
}

/**
 * Where a CLI is looked for, best first. An explicit path stands alone: an operator who names
 * a binary wants that one, not a silent fallback. Pure, so the order is unit-tested.
 */
export function temporalCliCandidates(
  explicitPath: string | undefined,
  host: HostEnv,
): CliCandidate[] {
  if (explicitPath) return [{ source: 'explicit', file: path.resolve(explicitPath) }];
  return [
    ...pathDirs(host).map((dir) => ({ source: 'path' as const, file: path.join(dir, EXE) })),
    { source: 'cache', file: temporalCliCachePath(host) },
  ];
}

const MISSING = 'does not exist';

/** Undefined when `file` is a working Temporal CLI, else why it is not. */
async function checkCli(file: string): Promise<string | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return MISSING;
  if (!stat.isFile()) return 'is not a file';
  if (!(await isExecutable(file))) return 'is not executable';
  try {
    const { stdout } = await execFileAsync(file, ['--version'], { timeout: 30_000 });
    return /temporal version/i.test(stdout) ? undefined : `answered --version with "${stdout}"`;
  } catch (err) {
    return `failed to run --version: ${(err as Error).message}`;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  return fs.access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export interface FindTemporalCliOptions {
  /** Config TEMPORAL_CLI: used alone, and a missing or broken file is an error. */
  explicitPath?: string;
  /** Build into the cache with Go when nothing else is found (~7 minutes the first time). */
  allowBuild?: boolean;
  log?: (line: string) => void;
}

/**
 * A working `temporal` CLI: explicit path, PATH, build cache, then a fresh build. Undefined
 * when none is found and none can be built: the caller then lets the SDK download its own.
 */
export async function findTemporalCli(
  opts: FindTemporalCliOptions = {},
): Promise<string | undefined> {
  const log = opts.log ?? (() => {});
  const host = readHostEnv();
  for (const candidate of temporalCliCandidates(opts.explicitPath, host)) {
    const problem = await checkCli(candidate.file);
    if (!problem) return candidate.file;
    if (candidate.source === 'explicit') {
      throw new Error(`TEMPORAL_CLI=${candidate.file} ${problem}`);
    }
    if (problem !== MISSING) log(`ignoring ${candidate.file}: it ${problem}`);
  }
  if (!opts.allowBuild) return undefined;
  const go = await findGo(host);
  if (!go) {
    log('no Temporal CLI found and no Go toolchain to build one');
    return undefined;
  }
  return buildTemporalCli(go, host, log);
}

async function findGo(host: HostEnv): Promise<string | undefined> {
  for (const dir of [...pathDirs(host), ...EXTRA_GO_DIRS]) {
    const file = path.join(dir, process.platform === 'win32' ? 'go.exe' : 'go');
    if (await isExecutable(file)) return file;
  }
  return undefined;
}

async function buildTemporalCli(
  go: string,
  host: ReturnType<typeof readHostEnv>,
  log: (line: string) => void,
): Promise<string> {
  const dir = temporalCliCacheDir(host);
  const target = path.join(dir, EXE);
  await fs.mkdir(dir, { recursive: true });
  const release = await acquireBuildLock(path.join(dir, 'build.lock'), log);
  try {
    // Whoever held the lock before us may have just built it.
    if (!(await checkCli(target))) return target;
    await removeLeftoverBuilds(dir);
    log(
      `no Temporal CLI on this machine yet: building ${TEMPORAL_CLI_VERSION} once from the Go ` +
        `module proxy into ${dir} (3–10 minutes depending on the machine; later starts take ` +
        'seconds; TEMPORAL_CLI=<path> uses an existing binary instead)',
    );
    const started = Date.now();
    // Built beside the target and renamed, so a killed build never leaves a half binary.
    const tmp = await fs.mkdtemp(path.join(dir, '.build-'));
    try {
      await runGoInstall(go, tmp, host.inherited, log);
      const problem = await checkCli(path.join(tmp, EXE));
      if (problem) throw new Error(`the freshly built Temporal CLI ${problem}`);
      await fs.rename(path.join(tmp, EXE), target);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
    log(`built ${target} in ${Math.round((Date.now() - started) / 1000)} s`);
    return target;
  } finally {
    await release();
  }
}

/** Temp dirs of builds that were killed; safe to remove while we hold the lock. */
async function removeLeftoverBuilds(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('.build-')) {
      await fs.rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

function runGoInstall(
  go: string,
  gobin: string,
  inherited: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  const args = ['install', `${GO_PACKAGE}@${TEMPORAL_CLI_VERSION}`];
  const env = { ...inherited, GOBIN: gobin, GOFLAGS: '-mod=mod' };
  return new Promise((resolve, reject) => {
    const child = spawn(go, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // A build nobody waits for any more only burns CPU for minutes.
    const killOnParentExit = () => child.kill('SIGKILL');
    process.once('exit', killOnParentExit);
    let output = '';
    const progress = goInstallProgress();
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-8_000);
      progress.read(text, Date.now());
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const started = Date.now();
    // A first start spends minutes here: say what go is doing, so nobody thinks it hangs.
    const ticker = setInterval(() => {
      const now = Date.now();
      log(`${progress.describe(now)}, ${formatElapsed(now - started)} so far`);
    }, PROGRESS_EVERY_MS);
    child.once('error', (err) => {
      output += `\n${err.message}`;
    });
    child.once('close', (code, signal) => {
      clearInterval(ticker);
      process.off('exit', killOnParentExit);
      if (code === 0) return resolve();
      const cmd = `GOBIN=${gobin} ${go} ${args.join(' ')}`;
      reject(new Error(`${cmd} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}

/**
 * What `go install` is doing, read from its output: it prints `go: downloading <module>` while
 * it fetches modules and nothing while it compiles. Pure but for its counters; `now` is passed in.
 */
export function goInstallProgress(): {
  read(text: string, now: number): void;
  describe(now: number): string;
} {
  let downloaded = 0;
  let last = '';
  let lastAt = 0;
  let partial = '';
  return {
    read(text, now) {
      // Output arrives in chunks that may end mid-line: only whole lines count.
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const module = /^go: downloading (\S+)/.exec(line)?.[1];
        if (!module) continue;
        downloaded += 1;
        last = module;
        lastAt = now;
      }
    },
    describe(now) {
      if (downloaded === 0) return 'Temporal CLI build: resolving modules';
      if (now - lastAt < QUIET_MEANS_COMPILING_MS) {
        return `Temporal CLI build: downloading Go modules (${downloaded} so far, last ${last})`;
      }
      return `Temporal CLI build: compiling (${downloaded} Go modules downloaded)`;
    },
  };
}

function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** One builder per cache dir (two Jest workers must not build twice); returns the release. */
async function acquireBuildLock(
  lockFile: string,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  let announced = false;
  for (;;) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      const beat = setInterval(() => {
        const now = new Date();
        fs.utimes(lockFile, now, now).catch(() => {});
      }, LOCK_HEARTBEAT_MS);
      beat.unref();
      return async () => {
        clearInterval(beat);
        await fs.rm(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // Two waiters may both clear a stale lock and both build: slower, but each result is whole.
    if (await isStaleLock(lockFile)) {
      await fs.rm(lockFile, { force: true });
      continue;
    }
    if (!announced) log(`waiting for another process that is building the Temporal CLI`);
    announced = true;
    await sleep(LOCK_POLL_MS);
  }
}

async function isStaleLock(lockFile: string): Promise<boolean> {
  const stat = await fs.stat(lockFile).catch(() => undefined);
  if (!stat) return false;
  if (Date.now() - stat.mtimeMs > LOCK_STALE_MS) return true;
  const pid = Number(await fs.readFile(lockFile, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
