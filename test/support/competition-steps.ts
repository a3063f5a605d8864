import { hashPassword } from '../../lib/password';
import type { Harness } from './harness';
import { PASSWORD } from './harness';
import { http } from './http';

/** Steps of a competition round over real HTTP, shared by the competition tests and histories. */

export const RUBRIC_ORDER = [
  'need',
  'design',
  'innovation',
  'sustainability',
  'team',
  'budget',
] as const;
const MAX: Record<string, number> = {
  need: 20,
  design: 25,
  innovation: 15,
  sustainability: 15,
  team: 15,
  budget: 10,
};

/** Criterion points adding up to `total`, with the design criterion fixed (for tie-break tests). */
export function criteria(total: number, design: number): Record<string, number> {
  const out: Record<string, number> = { design };
  let left = total - design;
  for (const k of RUBRIC_ORDER) {
    if (k === 'design') continue;
    const v = Math.min(MAX[k] as number, left);
    out[k] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot spread ${total} with design ${design}`);
  return out;
}

export async function staff(h: Harness, name: string, role: string, displayName: string) {
  const username = `t${h.districtCode}-${name}`;
  const acc = await h.db.account.create({
    data: {
      username,
      displayName,
      email: `${username}@test.zhonglou.example`,
      role: role as never,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  return { id: acc.id, email: acc.email, token: await h.login(username) };
}

export interface Org {
  token: string;
  email: string;
  organizationId: string;
  name: string;
}

/** An applicant whose organisation is registered (or only recorded, or listed, as asked). */
export async function organization(
  h: Harness,
  kind: 'registered' | 'forming' | 'abnormal' = 'registered',
): Promise<Org> {
  const a = await h.newApplicant();
  const name = `常州市钟楼区${a.username.replace(/\W/g, '')}服务中心`;
  await h.db.organization.update({
    where: { id: a.organizationId },
    data: {
      name,
      ...(kind === 'forming'
        ? {}
        : {
            status: 'registered',
            legalForm: 'private_non_enterprise',
            registeredAt: new Date('2020-05-01T00:00:00Z'),
            // Sound finances are read from last year's annual inspection (§5.4 rule 1).
            inspections: { create: { year: new Date().getFullYear() - 1, result: 'pass' } },
          }),
      ...(kind === 'abnormal' ? { abnormalListedAt: new Date('2026-03-01T00:00:00Z') } : {}),
    },
  });
  return { token: a.token, email: a.email, organizationId: a.organizationId, name };
}

let titles = 0;
export function proposal(
  org: Org,
  category: string,
  requestedFen: number,
  over: Record<string, unknown> = {},
) {
  titles++;
  const half = Math.floor(requestedFen / 2);
  return {
    title: `社区${category === 'elderly' ? '为老' : '助残'}服务项目${titles}`,
    category,
    purpose: category === 'elderly' ? 'elderly' : 'disability',
    need: '社区内独居老人和残障人士较多，缺少日常探访、照料和康复服务。',
    design: '组织志愿者每周入户探访，建立服务档案，开展互助小组和康复训练活动。',
    team: [
      { name: '张小明', role: '项目负责人', experience: '五年社区服务经验' },
      { name: '李小红', role: '社工' },
    ],
    budgetLines: [
      { item: '志愿者培训', kind: 'training', amountFen: half },
      { item: '活动物资', kind: 'materials', amountFen: requestedFen - half },
    ],
    requestedFen,
    coFundingFen: 0,
    bankAccount: {
      bank: '中国银行常州钟楼支行',
      accountName: org.name,
      accountNo: '6217000012345678',
    },
    ...over,
  };
}

export function api(h: Harness, token: string) {
  return http(h.baseUrl, token);
}

/** Polls until the condition holds (workflows update projections asynchronously). */
export async function until<T>(
  f: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
