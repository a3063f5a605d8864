import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the web front end (web/ → web/dist) with Vite when its sources changed: web/, the
 * domain rules it shares (zod schemas, labels), the workflow view types and the lock file.
 * Offline: Vite and its bundler are ordinary npm packages.
 */
const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'web', 'dist');
const STAMP = path.join(DIST, '.source-hash');
const SOURCES = [
  'web',
  'domain',
  'workflows/registration/view-types.ts',
  'package-lock.json',
  'scripts/build-web.ts',
];

function listFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .sort()
    .flatMap((name) => listFiles(path.join(rel, name)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(listFiles)) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

export function buildWeb(opts: { force?: boolean } = {}): void {
  const hash = sourceHash();
  if (!opts.force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return;
  const started = Date.now();
  console.log('[web] 正在构建前端（web/ → web/dist，源文件变化时才重新构建）');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(ROOT, 'web', 'vite.config.mts'),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  writeFileSync(STAMP, hash);
  console.log(`[web] 前端已构建（${((Date.now() - started) / 1000).toFixed(1)} 秒）→ web/dist`);
}

if (require.main === module) buildWeb({ force: process.argv.includes('--force') });
