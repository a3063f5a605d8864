import { constants, createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

/**
 * The Chromium the browser tests drive, so that `npm ci && npm test` needs nothing installed by
 * hand: `CHROMIUM` when set (a path, or `bundled`), else a system Chromium, else the Chromium
 * shipped inside the `@sparticuz/chromium` npm package, unpacked once into
 * `~/.cache/minzheng-flow/chromium-<version>` with the NSS libraries it links against. Every
 * choice gets a fontconfig file that adds the project's own CJK font (Noto Serif SC, from npm, the
 * one the PDFs use) to whatever the system has, so Chinese renders on a machine without CJK fonts.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = '@sparticuz/chromium';
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];
const CJK_FONT_DIRS = ['400Regular', '700Bold'].map((weight) =>
  path.join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc', weight),
);

export type ChromiumSource = 'explicit' | 'system' | 'bundled';

export interface ChromiumLaunch {
  source: ChromiumSource;
  executablePath: string;
  /** Added to the browser's environment: fontconfig, and the bundled libraries when bundled. */
  env: Record<string, string>;
}

/**
 * Where to look, best first. Pure, so the order is unit-tested. `CHROMIUM=bundled` skips the
 * system's, which is how a machine with a system Chromium proves the npm one works.
 */
export function chromiumCandidates(
  explicit: string | undefined,
): { source: 'explicit' | 'system' | 'bundled'; file?: string }[] {
  if (explicit === 'bundled') return [{ source: 'bundled' }];
  if (explicit) return [{ source: 'explicit', file: path.resolve(explicit) }];
  return [
    ...SYSTEM_PATHS.map((file) => ({ source: 'system' as const, file })),
    { source: 'bundled' },
  ];
}

async function isExecutable(file: string): Promise<boolean> {
  return fs.access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

function cacheRoot(): string {
  // biome-ignore lint/style/noProcessEnv: a per-user cache location is a host fact, not app config.
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
}

async function bundledVersion(): Promise<{ version: string; binDir: string }> {
  // Its `exports` hide package.json from require.resolve; npm installs it at the top level.
  const pkgJson = path.join(ROOT, 'node_modules', PACKAGE, 'package.json');
  const { version } = JSON.parse(await fs.readFile(pkgJson, 'utf8')) as { version: string };
  return { version, binDir: path.join(path.dirname(pkgJson), 'bin') };
}

async function unbrotli(from: string, to: string, mode: number): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to, { mode }));
}

async function untarBrotli(from: string, dir: string): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), extract(dir));
}

/**
 * The npm Chromium unpacked into the per-user cache. Unpacked beside the target and renamed, so
 * two Jest workers unpacking at once each produce a whole copy and one of them wins.
 */
export async function unpackBundledChromium(): Promise<{ executablePath: string; dir: string }> {
  const { version, binDir } = await bundledVersion();
  const dir = path.join(cacheRoot(), 'minzheng-flow', `chromium-${version}`);
  const executablePath = path.join(dir, 'chromium');
  if (await isExecutable(executablePath)) return { executablePath, dir };
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const tmp = await fs.mkdtemp(`${dir}.unpacking-`);
  try {
    await Promise.all([
      unbrotli(path.join(binDir, 'chromium.br'), path.join(tmp, 'chromium'), 0o755),
      // NSS and expat, built for the same target as the binary: a bare Debian lacks libnss3.
      untarBrotli(path.join(binDir, 'al2023.tar.br'), tmp),
      // SwiftShader's GL libraries are looked up beside the binary.
      untarBrotli(path.join(binDir, 'swiftshader.tar.br'), tmp),
      untarBrotli(path.join(binDir, 'fonts.tar.br'), tmp),
    ]);
    await fs.rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
      // Another process got there first: its copy is as good as ours.
      if (!['EEXIST', 'ENOTEMPTY', 'EPERM'].includes(err.code ?? '')) throw err;
    });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  if (!(await isExecutable(executablePath))) {
    throw new Error(`unpacking ${PACKAGE} ${version} left no executable at ${executablePath}`);
  }
  return { executablePath, dir };
}

/** fontconfig: the system's configuration (when there is one) plus the given font folders. */
export function fontConfig(fontDirs: string[], cacheDir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...fontDirs.map((dir) => `  <dir>${dir}</dir>`),
    `  <cachedir>${cacheDir}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Written to a temporary name and renamed, so a concurrent reader never sees half a file. */
async function writeFontConfig(extraDirs: string[]): Promise<string> {
  const dir = path.join(ROOT, 'test-artifacts', 'fontconfig');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'fonts.conf');
  const tmp = `${file}.${process.pid}`;
  await fs.writeFile(tmp, fontConfig([...CJK_FONT_DIRS, ...extraDirs], path.join(dir, 'cache')));
  await fs.rename(tmp, file);
  return file;
}

export async function findChromium(): Promise<ChromiumLaunch> {
  // biome-ignore lint/style/noProcessEnv: test infrastructure picks the browser to test with.
  const explicit = process.env.CHROMIUM || undefined;
  for (const candidate of chromiumCandidates(explicit)) {
    if (candidate.source === 'bundled') {
      const bundled = await unpackBundledChromium();
      const fontsConf = await writeFontConfig([path.join(bundled.dir, 'fonts')]);
      return {
        source: 'bundled',
        executablePath: bundled.executablePath,
        env: {
          FONTCONFIG_FILE: fontsConf,
          // biome-ignore lint/style/noProcessEnv: the bundled libraries go before the host's.
          LD_LIBRARY_PATH: [path.join(bundled.dir, 'lib'), process.env.LD_LIBRARY_PATH]
            .filter(Boolean)
            .join(path.delimiter),
        },
      };
    }
    const file = candidate.file ?? '';
    if (await isExecutable(file)) {
      return {
        source: candidate.source,
        executablePath: file,
        env: { FONTCONFIG_FILE: await writeFontConfig([]) },
      };
    }
    if (candidate.source === 'explicit') throw new Error(`CHROMIUM=${file} is not executable`);
  }
  throw new Error('no Chromium found'); // unreachable: the bundled candidate always comes last
}
