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

function hasTs(dir: string): boolean {
  if (dir === 'node_modules') return false;
  return readdirSync(path.join(ROOT, dir)).some((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return hasTs(rel);
    return rel.endsWith('.ts');
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

/** A Prisma write on a client or transaction: `db.account.update(`, `tx.taskClaim.create(`. */
const PRISMA_WRITE =
  /\b(?:db|tx|prisma)\s*\.\s*(?!\$)\w+\s*\.\s*(?:create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\s*\(|\$(?:executeRaw|executeRawUnsafe)\b/g;

/** Each Prisma write in the files under `dir`, as `file:line: text`. */
function prismaWrites(dir: string): string[] {
  return files(dir).flatMap((file) =>
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.match(PRISMA_WRITE) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the direction of imports', () => {
  it('given domain/, then it imports only itself and zod (pure rules)', () => {
    const bad = imports('domain').filter((i) => !under(i.target, 'domain') && i.target !== 'zod');
    expect(show(bad)).toEqual([]);
  });

  it("given contract/, then it imports only itself, domain/, the workflows' plain view types and zod (the web reads it too)", () => {
    const views = ['workflows/registration/view-types', 'workflows/purchase/view-types'];
    const bad = imports('contract').filter(
      (i) =>
        !under(i.target, 'contract', 'domain') && i.target !== 'zod' && !views.includes(i.target),
    );
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

  it('given lib/ and prisma/, then they never import the API, activities, the client or entry points', () => {
    const bad = [...imports('lib'), ...imports('prisma')].filter((i) =>
      under(i.target, 'api', 'activities', 'client', 'main', 'contract'),
    );
    // The seed loads its organisations through the import operation; lib/ sits below operations/.
    const upward = imports('lib').filter((i) => under(i.target, 'operations'));
    expect(show([...bad, ...upward])).toEqual([]);
  });

  it("given operations/, then it imports domain/, lib/, itself and the workflows' plain view types; never the API, activities, workflow code or the client", () => {
    const views = ['workflows/registration/view-types', 'workflows/purchase/view-types'];
    const bad = imports('operations').filter(
      (i) =>
        under(i.target, 'api', 'activities', 'client', 'main', 'contract') ||
        (under(i.target, 'workflows') && !views.includes(i.target)),
    );
    expect(show(bad)).toEqual([]);
  });

  it('given client/, then it reaches workflows only through their message contracts', () => {
    const bad = imports('client').filter(
      (i) =>
        under(i.target, 'api', 'activities', 'main', 'operations') ||
        (under(i.target, 'workflows') && !i.target.endsWith('messages')),
    );
    expect(show(bad)).toEqual([]);
  });

  it('given every folder of TypeScript, then each has a rule here (a new folder is classified before it is used)', () => {
    const ruled = [
      'domain',
      'workflows',
      'api',
      'activities',
      'contract',
      'operations',
      'lib',
      'prisma',
      'client',
    ];
    // Entry points and tooling may import any layer; tests and the web have their own checks.
    const free = ['main', 'scripts', 'bench', 'test', 'web', 'generated', 'node_modules'];
    const folders = readdirSync(ROOT).filter(
      (d) => !d.startsWith('.') && statSync(path.join(ROOT, d)).isDirectory() && hasTs(d),
    );
    expect(folders.filter((d) => !ruled.includes(d) && !free.includes(d))).toEqual([]);
  });

  it('given api/routes/, then no route writes with Prisma: writes outside workflows are operations (operations/<process>/<verb>-<noun>.ts)', () => {
    expect(prismaWrites('api/routes')).toEqual([]);
  });

  it('given the write scan, then it sees the writes operations make (the test can fail)', () => {
    const seen = prismaWrites('operations');
    expect(seen.some((w) => w.includes('tx.purchaseCatalogueItem.create('))).toBe(true);
    expect(seen.some((w) => w.includes('db.account.update('))).toBe(true);
    expect(seen.some((w) => w.includes('tx.taskClaim.deleteMany('))).toBe(true);
    expect('await deps.registrations.update(id, def)'.match(PRISMA_WRITE)).toBeNull();
  });

  it('given the scan, then it sees the imports it checks (the test can fail)', () => {
    const wf = imports('workflows');
    expect(wf.some((i) => i.target === '@temporalio/workflow')).toBe(true);
    expect(wf.some((i) => i.typeOnly && under(i.target, 'activities'))).toBe(true);
  });
});
