import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export interface Child {
  name: string;
  logFile: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves when a log line contains `text`. */
  ready(text: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/**
 * One of the system's processes (worker, API): its logs go to a file, errors also to the
 * console; stop() asks it to finish its work (SIGTERM) before it is killed.
 */
export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  logFile: string,
): Child {
  const child = spawn(TSX, [script], {
    cwd: ROOT,
    // biome-ignore lint/style/noProcessEnv: the children read their config from the environment.
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile, { flags: 'a' });
  const waiters: { text: string; resolve: () => void }[] = [];
  const onLine = (line: string) => {
    out.write(`${line}\n`);
    if (/"level":(50|60)/.test(line) || /^\s*(Error|TypeError)/.test(line))
      console.error(`[${name}] ${line}`);
    for (const w of waiters.filter((x) => line.includes(x.text))) {
      w.resolve();
      waiters.splice(waiters.indexOf(w), 1);
    }
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    name,
    logFile,
    process: child,
    exited,
    ready: (text, timeoutMs = 180_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name} not ready after ${timeoutMs / 1000} s; see ${logFile}`)),
          timeoutMs,
        );
        waiters.push({
          text,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        void exited.then((code) =>
          reject(new Error(`${name} exited with ${code}; see ${logFile}`)),
        );
      }),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      out.end();
    },
  };
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
