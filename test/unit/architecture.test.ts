import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * One direction of imports (STYLE.md §2), checked on the source: Biome's import bans cannot tell
 * a type-only import from a value import, so this test does.
 */

const ROOT = path.resolve(__dirname, '..', '..');

interface Import {
  file: string;
  target: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return files(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

function imports(dir: string): Import[] {
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  return files(dir).flatMap((file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    return [...text.matchAll(re)].map((m) => {
      const spec = m[2] ?? '';
      const target = spec.startsWith('.') ? path.join(path.dirname(file), spec) : spec;
      return { file, target, typeOnly: Boolean(m[1]) };
    });
  });
}

const under = (p: string, ...dirs: string[]) => dirs.some((d) => p === d || p.startsWith(`${d}/`));
const show = (list: Import[]) =>
  list.map((i) => `${i.file} → ${i.target}${i.typeOnly ? ' (type)' : ''}`);

describe('the direction of imports', () => {
  it('given domain/, then it imports only itself and zod (pure rules)', () => {
    const bad = imports('domain').filter((i) => !under(i.target, 'domain') && i.target !== 'zod');
    expect(show(bad)).toEqual([]);
  });

  it('given workflows/, then it imports domain/, itself and the Temporal workflow API; activities only as types', () => {
    const allowed = ['@temporalio/workflow', '@temporalio/common', 'zod'];
    const bad = imports('workflows').filter(
      (i) =>
        !under(i.target, 'workflows', 'domain') &&
        !allowed.includes(i.target) &&
        !(i.typeOnly && under(i.target, 'activities')),
    );
    expect(show(bad)).toEqual([]);
  });

  it('given api/, then it reaches workflows only through their contracts and never imports activities', () => {
    const contracts = [
      'workflows/registration/messages',
      'workflows/registration/view-types',
      'workflows/purchase/messages',
      'workflows/purchase/view-types',
      'workflows/competition/messages',
      'workflows/evaluation/messages',
      'workflows/evaluation/complaint-messages',
      'workflows/shared/messages',
      'workflows/shared/refusal',
    ];
    const bad = imports('api').filter(
      (i) =>
        under(i.target, 'activities', 'main') ||
        (under(i.target, 'workflows') && !contracts.includes(i.target)),
    );
    expect(show(bad)).toEqual([]);
  });

  it('given activities/, then it never imports the API, the client or entry points, and workflows only as types', () => {
    const bad = imports('activities').filter(
      (i) =>
        under(i.target, 'api', 'client', 'main') || (under(i.target, 'workflows') && !i.typeOnly),
    );
    expect(show(bad)).toEqual([]);
  });

  it('given workflows/, then nothing they run imports zod (every new workflow instance evaluates its modules again)', () => {
    // Type-only imports are erased from the bundle; follow the rest from the bundle's entry.
    const runtime = (file: string): string[] => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const re = /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;
      return [...text.matchAll(re)].flatMap((m) => {
        const names = (m[2] ?? '').trim();
        const allTypes =
          names.startsWith('{') &&
          names
            .slice(1, -1)
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean)
            .every((n) => n.startsWith('type '));
        if (m[1] || allTypes) return [];
        const spec = m[3] ?? '';
        if (!spec.startsWith('.')) return [spec];
        const base = path.join(path.dirname(file), spec);
        const found = [`${base}.ts`, path.join(base, 'index.ts')].find((f) =>
          statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.isFile(),
        );
        return [found ?? base];
      });
    };
    const seen = new Map<string, string>();
    const walk = (file: string, from: string) => {
      if (seen.has(file)) return;
      seen.set(file, from);
      if (file.endsWith('.ts')) for (const next of runtime(file)) walk(next, file);
    };
    walk('workflows/index.ts', '');
    expect(seen.size).toBeGreaterThan(20);
    expect(seen.has('domain/calendar.ts')).toBe(true);
    expect(seen.has('zod') ? `zod ← ${seen.get('zod')}` : null).toBeNull();
  });

  it('given the scan, then it sees the imports it checks (the test can fail)', () => {
    const wf = imports('workflows');
    expect(wf.some((i) => i.target === '@temporalio/workflow')).toBe(true);
    expect(wf.some((i) => i.typeOnly && under(i.target, 'activities'))).toBe(true);
  });
});
