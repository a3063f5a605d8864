import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@jest/globals';
import { buildCreditCode } from '../../domain/credit-code';
import type { Prisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { mergeLayers } from '../../lib/rules/jurisdictions';
import { contractWorkflowId, purchaseWorkflowId } from '../../workflows/purchase/messages';
import type { PurchaseView } from '../../workflows/purchase/view-types';
import { type Harness, PASSWORD } from './harness';
import { http } from './http';
import { testEnv } from './test-env';

/** Purchase-of-services steps over real HTTP, shared by the purchase test files. */

export const PURCHASE_HISTORIES_DIR = path.resolve(__dirname, '..', 'replay', 'purchase-histories');

export interface PurchaseCast {
  admin: string;
  buyer: string;
  buyer2: string;
  finance: string;
  experts: { id: string; token: string }[];
}

const second = { amount: 1, unit: 'seconds' };
/**
 * Tests run procurements in seconds with panels of three: response periods of a second and a
 * tender panel of three unless a file asks otherwise (the defaults are DOMAIN's: 20 days, five).
 */
const TEST_DEFAULTS = {
  methods: {
    minResponsePeriod: {
      open_tender: second,
      invitational_tender: second,
      competitive_negotiation: second,
      competitive_consultation: second,
      single_source: second,
    },
  },
  panel: { tenderMinSize: 3 },
};

/** The district's purchase rules for this file and the bureau-side accounts. */
export async function setUpPurchase(
  h: Harness,
  rules: Record<string, unknown>,
): Promise<PurchaseCast> {
  await h.db.ruleSet.create({
    data: {
      process: 'purchase',
      version: `test-purchase-${h.districtCode}`,
      jurisdiction: h.districtCode,
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
      settings: mergeLayers([TEST_DEFAULTS, rules as never]) as Prisma.InputJsonValue,
    },
  });
  const hash = await hashPassword(PASSWORD);
  const make = async (name: string, role: 'purchaser' | 'finance' | 'evaluator') => {
    const username = `t${h.districtCode}-${name}`;
    const acc = await h.db.account.create({
      data: {
        username,
        displayName: name,
        email: `${username}@test.zhonglou.example`,
        role,
        passwordHash: hash,
      },
    });
    return { id: acc.id, token: await h.login(username), email: acc.email };
  };
  const buyer = await make('采购甲', 'purchaser');
  const buyer2 = await make('采购乙', 'purchaser');
  const finance = await make('财务丙', 'finance');
  const experts = [];
  for (const n of ['专家一', '专家二', '专家三', '专家四'])
    experts.push(await make(n, 'evaluator'));
  return {
    admin: await h.login('admin'),
    buyer: buyer.token,
    buyer2: buyer2.token,
    finance: finance.token,
    experts,
  };
}

export interface Undertaker {
  token: string;
  email: string;
  organizationId: string;
  creditCode: string;
}

/** A registered social organisation with a valid credit code and an applicant account. */
export async function newUndertaker(
  h: Harness,
  opts: { grade?: number; dishonest?: boolean; penaltyKind?: string } = {},
): Promise<Undertaker> {
  const a = await h.newApplicant();
  const creditCode = buildCreditCode({
    legalForm: 'private_non_enterprise',
    divisionCode: h.districtCode,
    body8: `P${String(randomInt(0, 9_999_999)).padStart(7, '0')}`,
  });
  await h.db.organization.update({
    where: { id: a.organizationId },
    data: {
      name: `钟楼区社会服务中心${creditCode.slice(-6)}`,
      status: 'registered',
      legalForm: 'private_non_enterprise',
      creditCode,
      registeredAt: new Date('2018-05-01T00:00:00Z'),
      dishonestListedAt: opts.dishonest ? new Date('2025-06-01T00:00:00Z') : null,
    },
  });
  if (opts.grade) {
    await h.db.grade.create({
      data: {
        organizationId: a.organizationId,
        level: opts.grade,
        awardingLevel: 'district',
        awardedOn: new Date('2025-01-01T00:00:00Z'),
        expiresOn: new Date('2030-01-01T00:00:00Z'),
        activeFor: a.organizationId,
        source: 'test',
      },
    });
  }
  if (opts.penaltyKind) {
    await h.db.penalty.create({
      data: {
        organizationId: a.organizationId,
        decisionNo: `钟民罚〔2025〕${randomInt(1, 999)}号`,
        kind: opts.penaltyKind,
        decidedOn: new Date('2025-03-01T00:00:00Z'),
      },
    });
  }
  return { token: a.token, email: a.email, organizationId: a.organizationId, creditCode };
}

export const CATALOGUE_ITEM = {
  code: '01.03.002',
  catalogueClass: 'basic_public',
  level2: '养老服务',
  level3: '居家养老上门服务',
  department: '区民政局',
  serviceStandard: '每月上门服务不少于4次，服务记录完整可查',
  unit: '人次',
  priceBasis: '按服务人次结算，参考本市居家养老服务指导价',
  undertakerTypes: ['social_organization', 'enterprise'],
  suitableForSocialOrganizations: true,
};

/**
 * A catalogue code no other test file uses: files share one database and codes are unique per
 * version, so a fixed code collides with whichever file ran first (class 07 is left to this).
 */
export function catalogueCodeOf(h: Harness, third: number): string {
  const d = h.districtCode.slice(-4);
  return `07.${d.slice(0, 2)}.${d.slice(2)}${third % 10}`;
}

export async function act(h: Harness, token: string, id: string, path: string, body: unknown = {}) {
  return http(h.baseUrl, token).post<any>(`/api/purchases/${id}/${path}`, body);
}

export async function ok(h: Harness, token: string, id: string, path: string, body: unknown = {}) {
  const r = await act(h, token, id, path, body);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Polls the project until the predicate holds (timers fire on the server). */
export async function waitForPurchase(
  h: Harness,
  token: string,
  id: string,
  pred: (v: PurchaseView) => boolean,
  timeoutMs = 30_000,
): Promise<PurchaseView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await http(h.baseUrl, token).get<PurchaseView>(`/api/purchases/${id}`);
    if (r.status === 200 && pred(r.body)) return r.body;
    if (Date.now() > until)
      throw new Error(`timed out; last: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
    await new Promise((res) => setTimeout(res, 300));
  }
}

/** A catalogue item, a project from it, and the project's id. */
export async function newProject(
  h: Harness,
  cast: PurchaseCast,
  itemId: string,
  budgetFen: number,
  title: string,
) {
  const r = await http(h.baseUrl, cast.buyer).post('/api/purchases', {
    catalogueItemId: itemId,
    title,
    department: '常州市钟楼区民政局',
    purchaserKind: 'state_organ',
    budgetFen,
    budgetYear: 2026,
    performanceTargets: ['服务对象满意度不低于90%', '全年上门服务不少于4800人次'],
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

/**
 * Fetches the histories of the project's workflow and of its contract's child workflow (when
 * there is one), checks their size, and records them with MZF_RECORD_HISTORIES=1.
 */
export async function recordPurchaseHistory(h: Harness, name: string, projectId: string) {
  const runs: [string, string][] = [[purchaseWorkflowId(projectId), `purchase-${name}.json`]];
  const child = contractWorkflowId(projectId);
  if (
    await h.client.workflow
      .getHandle(child)
      .describe()
      .then(
        () => true,
        () => false,
      )
  ) {
    runs.push([child, `purchase-${name}-contract.json`]);
  }
  const sizes: number[] = [];
  for (const [workflowId, file] of runs) {
    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    const events = history.events?.length ?? 0;
    expect(events).toBeGreaterThan(5);
    expect(events).toBeLessThan(1000);
    sizes.push(events);
    // biome-ignore lint/style/noProcessEnv: a switch of `npm run record-histories`, not app config.
    if (process.env.MZF_RECORD_HISTORIES !== '1') continue;
    const args = ['workflow', 'show', '--workflow-id', workflowId];
    args.push('--address', testEnv('temporalAddress'), '--output', 'json');
    const { stdout } = await promisify(execFile)(testEnv('temporalCli'), args, {
      maxBuffer: 64 << 20,
    });
    mkdirSync(PURCHASE_HISTORIES_DIR, { recursive: true });
    writeFileSync(path.join(PURCHASE_HISTORIES_DIR, file), stdout);
  }
  return sizes;
}
