import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { makeRecordEvaluationFile } from '../../activities/evaluation/record-file';
import { appendAudit, appendWorkflowAudit } from '../../lib/audit';
import { verifyChain } from '../../lib/audit-chain';
import { createDb, type Db } from '../../lib/db';
import { MIGRATIONS_DIR } from '../../lib/schema-engine';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { testEnv } from '../support/test-env';

/**
 * The audit log is tamper-evident (issue 13 point 10): one hash chain over every entry, kept by
 * the database under concurrent writers and retried activities; the database refuses to change
 * or delete an entry; `npm run audit:verify` and GET /api/audit/verify find any change made by
 * someone who got past that (here: a superuser who drops the trigger).
 */

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const entry = (seq: number, action: string) => ({
  seq,
  at: new Date().toISOString(),
  actor: { id: null, name: '系统', role: 'system' },
  action,
  from: null,
  to: null,
});

describe('the audit chain under concurrent writers', () => {
  it('given sixty writers at once, half of them retries of the other half, when they append, then every entry is in one chain without a gap or a fork', async () => {
    const subjects = Array.from({ length: 10 }, () => randomUUID());
    const batch = (s: string, k: number) =>
      h.db.$transaction(async (tx) => {
        await appendWorkflowAudit(tx, { type: 'chain_test', id: s, workflowId: `wf-${s}` }, [
          entry(k * 2 + 1, `step-${k}-a`),
          entry(k * 2 + 2, `step-${k}-b`),
        ]);
      });
    const manual = (s: string, i: number) =>
      h.db.$transaction(async (tx) => {
        await appendAudit(tx, {
          subjectType: 'chain_test_manual',
          subjectId: s,
          at: new Date(),
          actor: { id: null, name: '系统', role: 'system' },
          action: `manual-${i}`,
        });
      });
    const work: Promise<unknown>[] = [];
    for (const [i, s] of subjects.entries()) {
      for (let k = 0; k < 2; k++) work.push(batch(s, k), batch(s, k)); // each batch and its retry
      work.push(manual(s, i));
    }
    const settled = await Promise.allSettled(work);
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    // 10 subjects × 2 batches × 2 entries, the retries adding nothing, and 10 manual entries
    // (counted by subject: other test files append to the same chain meanwhile).
    const rows = await h.db.auditEntry.findMany({
      where: { subjectId: { in: subjects } },
      orderBy: { chainSeq: 'asc' },
    });
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.chainSeq)).size).toBe(50);
    const report = await verifyChain(h.db, 'audit');
    expect(report.firstBreak).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.head?.seq).toBe(report.entries);
  });

  it('given an evaluation activity retried after it committed, when it records again, then the entry is not written twice and the chain holds', async () => {
    const record = makeRecordEvaluationFile(h.db);
    const fileId = randomUUID();
    // The projection row the activity updates.
    const campaignId = randomUUID();
    await h.db.evaluationCampaign.create({
      data: {
        id: campaignId,
        workflowId: `c-${campaignId}`,
        districtCode: h.districtCode,
        year: 1990 + (Number(h.districtCode) % 30),
        title: '链测试',
        noticeAt: new Date(),
        windowOpensAt: new Date(),
        windowClosesAt: new Date(),
        committeeIds: [],
        reviewCommitteeIds: [],
        openedById: randomUUID(),
      },
    });
    const org = await h.db.organization.create({ data: { name: '链测试组织' } });
    await h.db.evaluationFile.create({
      data: {
        id: fileId,
        campaignId,
        organizationId: org.id,
        workflowId: `f-${fileId}`,
        appliedAt: new Date(),
        appliedById: randomUUID(),
        selfScore: 900,
        selfAssessment: '自评',
      },
    });
    const input = {
      fileId,
      workflowId: `f-${fileId}`,
      patch: { status: 'assigned' },
      audit: {
        seq: 1,
        at: Date.now(),
        actor: { id: null, name: '系统', role: 'system', org: null },
        action: 'assessed',
      },
    } as unknown as Parameters<typeof record>[0];
    await Promise.all([record(input), record(input)]);
    await record(input);
    expect(await h.db.auditEntry.count({ where: { subjectId: fileId } })).toBe(1);
    expect((await verifyChain(h.db, 'audit')).ok).toBe(true);
  });
});

describe('audit entries cannot be changed or erased', () => {
  it('given an entry, when anyone asks the database to change or delete it, then the database refuses', async () => {
    const e = await h.db.auditEntry.findFirstOrThrow();
    await expect(
      h.db.auditEntry.update({ where: { id: e.id }, data: { reason: '改过' } }),
    ).rejects.toThrow(/append-only/);
    await expect(h.db.auditEntry.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await h.login('reviewer1');
    const ev = await h.db.securityEvent.findFirstOrThrow();
    await expect(h.db.securityEvent.delete({ where: { id: ev.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(h.db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
  });

  it('given the roles (三权分立), then the auditor reads the logs and verifies the chains but changes no setting; the administrator can neither read nor erase them', async () => {
    const auditor = http(h.baseUrl, await h.login('auditor'));
    const admin = http(h.baseUrl, await h.login('admin'));
    const verified = await auditor.get('/api/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, audit: { ok: true }, security: { ok: true } });
    const head = verified.body.audit.head;
    const kept = await auditor.get(`/api/audit/verify?expectAudit=${head.seq}:${head.hash}`);
    expect(kept.body.audit.expected).toEqual({ seq: head.seq, found: true });
    const forged = await auditor.get(`/api/audit/verify?expectAudit=${head.seq}:${'0'.repeat(64)}`);
    expect(forged.body).toMatchObject({ ok: false, audit: { expected: { found: false } } });
    expect((await auditor.get('/api/audit/entries?limit=5')).status).toBe(200);
    const setting = await auditor.post('/api/admin/rule-sets', {
      process: 'registration',
      version: `auditor-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      settings: {},
    });
    expect(setting.status).toBe(403);
    expect((await auditor.post('/api/admin/accounts', {})).status).toBe(403);
    for (const path of ['/api/audit/entries', '/api/audit/security-events', '/api/audit/verify'])
      expect((await admin.get(path)).status).toBe(403);
    expect((await admin.raw('DELETE', '/api/audit/entries')).status).toBe(404);
    const security = await admin.post('/api/admin/rule-sets', {
      process: 'security',
      version: `admin-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: '2099-01-01',
      settings: { mfa: { requiredForStaff: false } },
    });
    expect(security.status).toBe(403);
  });
});

describe('tampering found by verification', () => {
  let url: string;
  let dropDb: () => Promise<void>;
  let db: Db;
  let admin: pg.Client;

  beforeAll(async () => {
    const server = new URL(testEnv('databaseUrl'));
    const name = `mzf_chain_${randomBytes(4).toString('hex')}`;
    admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    server.pathname = `/${name}`;
    url = server.toString();
    dropDb = async () => {
      await db?.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    // The migrations' SQL in order (the engine's own path is migrations.test.ts's), with entries
    // written before the chain's migration, as an existing installation has them.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    for (const name of names) {
      if (name.endsWith('_security'))
        for (let i = 1; i <= 3; i++)
          await c.query(
            `INSERT INTO "AuditEntry" (id, "subjectType", "subjectId", seq, "workflowId", at, "actorName", "actorRole", action)
             VALUES ($1, 'legacy', '00000000-0000-4000-8000-000000000001', $2, '', now(), '旧', 'system', $3)`,
            [randomUUID(), i, `legacy-${i}`],
          );
      await c.query(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'));
    }
    await c.end();
    db = createDb(url, { maxConnections: 2 });
  }, 120_000);
  afterAll(async () => {
    await dropDb?.();
  });

  async function sql(text: string) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  }

  async function cli(): Promise<{ code: number; out: string }> {
    try {
      const r = await run('npx', ['tsx', 'scripts/verify-audit.ts'], {
        cwd: ROOT,
        // biome-ignore lint/style/noProcessEnv: the CLI reads its database from the environment.
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
      });
      return { code: 0, out: r.stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, out: e.stdout };
    }
  }

  it('given entries written before the chain existed, when the migration ran, then they were chained in order and verify', async () => {
    const rows = await db.auditEntry.findMany({ orderBy: { chainSeq: 'asc' } });
    expect(rows.map((r) => [Number(r.chainSeq), r.action])).toEqual([
      [1, 'legacy-1'],
      [2, 'legacy-2'],
      [3, 'legacy-3'],
    ]);
    await db.$transaction((tx) =>
      appendAudit(tx, {
        subjectType: 'legacy',
        subjectId: '00000000-0000-4000-8000-000000000001',
        at: new Date(),
        actor: { id: null, name: '新', role: 'system' },
        action: 'after-migration',
      }),
    );
    expect((await verifyChain(db, 'audit')).ok).toBe(true);
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ audit: 4 entries, head 4:[0-9a-f]{64}/);
  }, 60_000);

  it('given a superuser who disables the guard and edits an entry, when verified, then the chain breaks at that entry', async () => {
    await sql(`ALTER TABLE "AuditEntry" DISABLE TRIGGER audit_append_only;
      UPDATE "AuditEntry" SET reason = '事后补写的理由' WHERE "chainSeq" = 2;
      ALTER TABLE "AuditEntry" ENABLE TRIGGER audit_append_only;`);
    const report = await verifyChain(db, 'audit');
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      seq: 2,
      reason: 'content changed since it was written',
    });
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.out).toContain('first break at 2');
  }, 60_000);

  it('given a superuser who deletes an entry, when verified, then the gap is found', async () => {
    await sql(`ALTER TABLE "AuditEntry" DISABLE TRIGGER audit_append_only;
      DELETE FROM "AuditEntry" WHERE "chainSeq" = 3;
      ALTER TABLE "AuditEntry" ENABLE TRIGGER audit_append_only;`);
    const report = await verifyChain(db, 'audit');
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.seq).toBe(2);
    const afterEdit = await db.auditEntry.findMany({ where: { chainSeq: { gt: 2 } } });
    expect(afterEdit.map((e) => Number(e.chainSeq))).toEqual([4]);
  });
});
