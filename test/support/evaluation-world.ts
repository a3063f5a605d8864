import { execFile } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@jest/globals';
import { buildCreditCode, organizationCodeBody } from '../../domain/credit-code';
import type { Prisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import type { FileView } from '../../workflows/evaluation/messages';
import { fileWorkflowId } from '../../workflows/evaluation/messages';
import { type Harness, PASSWORD } from './harness';
import { HISTORIES_DIR } from './histories';
import { http } from './http';
import { testEnv } from './test-env';

/**
 * The people and organisations of an evaluation test: an agency with its experts, the two
 * committees, and registered organisations of the harness's district with the profile a
 * case needs. Everything is written with Prisma (the integrator's profile API is not ours).
 */

export interface TestOrganization {
  id: string;
  name: string;
  token: string;
  email: string;
}

export interface Person {
  id: string;
  username: string;
  email: string;
  token: string;
}

export async function evaluationRules(h: Harness, settings: Record<string, unknown>) {
  await h.db.ruleSet.create({
    data: {
      process: 'evaluation',
      version: `test-evaluation-${h.districtCode}-${randomInt(1e9)}`,
      jurisdiction: h.districtCode,
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
      settings: settings as Prisma.InputJsonValue,
    },
  });
}

let seq = randomInt(100_000, 900_000);

export async function createPeople(
  h: Harness,
  role: 'evaluator' | 'committee_member',
  n: number,
  label: string,
) {
  const hash = await hashPassword(PASSWORD);
  const out: Person[] = [];
  for (let i = 1; i <= n; i++) {
    const username = `t${h.districtCode}-${label}${i}-${randomInt(1e6)}`;
    const email = `${username}@test.zhonglou.example`;
    const acc = await h.db.account.create({
      data: { username, displayName: `${label}${i}`, email, role, passwordHash: hash },
    });
    out.push({ id: acc.id, username, email, token: await h.login(username) });
  }
  return out;
}

export async function createAgency(h: Harness, experts: Person[]) {
  const agency = await h.db.evaluationAgency.create({
    data: { name: '常州市华益社会组织评估中心', districtCode: h.districtCode },
  });
  await h.db.evaluationExpert.createMany({
    data: experts.map((e) => ({ accountId: e.id, agencyId: agency.id })),
  });
  return agency.id;
}

export interface ProfileSpec {
  name: string;
  registeredAt?: string;
  legalForm?: 'social_group' | 'private_non_enterprise' | 'foundation';
  inspections?: [number, 'pass' | 'basic_pass' | 'fail' | 'missing'][];
  abnormalListed?: boolean;
}

/** A registered organisation of the harness's district with an applicant account. */
export async function createOrganization(h: Harness, spec: ProfileSpec): Promise<TestOrganization> {
  const legalForm = spec.legalForm ?? 'social_group';
  seq++;
  const org = await h.db.organization.create({
    data: {
      name: `${spec.name}${seq}`,
      status: 'registered',
      legalForm,
      category: 'community_service',
      creditCode: buildCreditCode({
        legalForm,
        divisionCode: h.districtCode,
        body8: organizationCodeBody('EK', seq),
      }),
      registeredAt: new Date(spec.registeredAt ?? '2020-03-01T00:00:00+08:00'),
      abnormalListedAt: spec.abnormalListed ? new Date('2026-03-01T00:00:00+08:00') : null,
      inspections: {
        create: (
          spec.inspections ?? [
            [2024, 'pass'],
            [2025, 'pass'],
          ]
        ).map(([year, result]) => ({ year, result })),
      },
    },
  });
  const username = `t${h.districtCode}-org${seq}`;
  const email = `${username}@test.zhonglou.example`;
  await h.db.account.create({
    data: {
      username,
      displayName: `${spec.name}联系人`,
      email,
      role: 'applicant',
      organizationId: org.id,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  return { id: org.id, name: org.name, token: await h.login(username), email };
}

export async function waitForFile(
  h: Harness,
  token: string,
  fileId: string,
  until: (v: FileView) => boolean,
  timeoutMs = 30_000,
): Promise<FileView> {
  const api = http(h.baseUrl, token);
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const r = await api.get(`/api/evaluation/files/${fileId}`);
    last = r.body;
    if (r.status === 200 && r.body.view && until(r.body.view)) return r.body.view;
    if (Date.now() > end)
      throw new Error(`file ${fileId} did not get there: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// biome-ignore lint/style/noProcessEnv: a switch of `npm run record-histories`, not app config.
const RECORD = process.env.MZF_RECORD_HISTORIES === '1';
export const EVALUATION_HISTORIES = path.join(HISTORIES_DIR, 'evaluation');

/** Checks a run stays far below the limits; with MZF_RECORD_HISTORIES=1 records it for replay. */
export async function recordEvaluationHistory(h: Harness, name: string, workflowId: string) {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events?.length ?? 0;
  expect(events).toBeGreaterThan(5);
  expect(events).toBeLessThan(1000);
  if (RECORD) {
    const args = [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      '--address',
      testEnv('temporalAddress'),
      '--output',
      'json',
    ];
    const { stdout } = await promisify(execFile)(testEnv('temporalCli'), args, {
      maxBuffer: 64 << 20,
    });
    mkdirSync(EVALUATION_HISTORIES, { recursive: true });
    writeFileSync(path.join(EVALUATION_HISTORIES, `${name}.json`), stdout);
  }
  return events;
}

export { fileWorkflowId };

/**
 * A campaign row in its application window, written directly: for pages and routes that only
 * read the campaign (eligibility, the application form), not for the campaign's workflow.
 */
export async function openCampaignRow(h: Harness, title = '2026年度评估'): Promise<string> {
  const id = randomUUID();
  await h.db.evaluationCampaign.create({
    data: {
      id,
      workflowId: `evaluation-campaign-${id}`,
      districtCode: h.districtCode,
      year: 2026,
      title,
      phase: 'application_window',
      noticeAt: new Date(),
      windowOpensAt: new Date(Date.now() - 60_000),
      windowClosesAt: new Date(Date.now() + 3_600_000),
      committeeIds: [],
      reviewCommitteeIds: [],
      openedById: h.user('admin').id,
    },
  });
  return id;
}
