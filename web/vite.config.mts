import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Each script, style sheet and SVG also as .br and .gz beside it, compressed once at build
 * time at the highest levels, so the API serves them compressed without compressing per request
 * (api/routes/web.ts chooses by Accept-Encoding).
 */
function precompress(dir: string): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg|html|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The front end is built into web/dist and served by the API's own Express app (one port, one
 * origin). Vite's own transform handles TSX with React's automatic runtime.
 */
export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress(path.join(here, 'dist', 'assets'))],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Keeps every script a same-origin file: the CSP allows no inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
