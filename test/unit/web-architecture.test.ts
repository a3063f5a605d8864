import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The front end shares pure rules and the API's response schemas with the server and nothing
 * else: it may import domain/, contract/ (zod schemas of the answers, over domain/), the
 * workflows' plain view types (registration, purchase), React and zod. A value import of lib/,
 * api/, activities/ or a workflow module would drag Node, Prisma, the Temporal SDK or secrets into
 * the browser bundle.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'web', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) return files(abs);
    return /\.tsx?$/.test(name) ? [abs] : [];
  });
}

function imports(): { file: string; target: string }[] {
  const re = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  return files(WEB).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(re)].map((m) => {
      const spec = m[1] ?? '';
      const target = spec.startsWith('.')
        ? path.relative(ROOT, path.resolve(path.dirname(file), spec))
        : spec;
      return { file: path.relative(ROOT, file), target };
    }),
  );
}

// uqr draws the verification QR code on print views, the same encoder the PDFs use.
const ALLOWED_PACKAGES = ['react', 'react-dom/client', 'zod', 'uqr'];

describe('the web front end imports', () => {
  it('given web/src, then it imports only itself, domain/, the response contract (contract/), the registration and purchase view types, React, zod and the QR encoder', () => {
    const all = imports();
    const bad = all.filter(
      (i) =>
        !i.target.startsWith('web/') &&
        !i.target.startsWith('domain/') &&
        !i.target.startsWith('contract/') &&
        i.target !== 'workflows/registration/view-types' &&
        i.target !== 'workflows/purchase/view-types' &&
        !ALLOWED_PACKAGES.includes(i.target),
    );
    expect(bad.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
    // The scan sees what it checks (the test can fail).
    expect(all.some((i) => i.target.startsWith('domain/'))).toBe(true);
  });
});
