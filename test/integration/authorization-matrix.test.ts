import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Role } from '../../api/auth/session';
import { hashPassword } from '../../lib/password';
import { type Harness, PASSWORD, startHarness } from '../support/harness';
import { CATALOGUE_ITEM, newProject, setUpPurchase } from '../support/purchase-steps';
import { file } from '../support/registration-steps';

/**
 * Function- and object-level access, every route × every role × an object of another party
 * (issue 13 point 7). The routes and their declared access come from the app's own OpenAPI
 * document, so a new route is in the matrix by itself; a route that names an object must be
 * classified in OBJECT_ROUTES below, or the matrix fails and says so.
 *
 * Expected, for each route and caller:
 * - nobody signed in: 401 unless the route is open;
 * - a role the route does not admit: 403;
 * - an admitted role, on an object of another party it may not see: GET 404; a change is refused
 *   with 404 or, when the body is refused first, 400 (never 2xx, never a 409/422 that would tell
 *   the object's state);
 * - an admitted role that may see the object, or a route without one: not 401/403, never 5xx;
 *   a read answers 200.
 * Every answer of the API carries Cache-Control: no-store; no answer to an applicant holds an
 * address of the Temporal Web UI or a committee member's id.
 */

type Caller = Role | 'anonymous';

interface ObjectRoute {
  /** Which fixture the path's parameters name. */
  params: (f: Fixtures) => Record<string, string>;
  /** Admitted roles that may not see this object (it belongs to another party). */
  hidden: readonly Role[];
  /** What a read answers to those who may see it, when not 200. */
  visibleRead?: number[];
}

interface Fixtures {
  registration: string;
  upload: string;
  org: string;
  purchase: string;
  catalogueItem: string;
  round: string;
  proposal: string;
  objection: string;
  campaign: string;
  evaluationFile: string;
  complaint: string;
  penalty: string;
  agency: string;
  account: string;
  session: string;
  mail: string;
  announcement: string;
}

/** Roles that see every file of the bureau (api/registration-access.ts STAFF). */
const NOT_STAFF: Role[] = ROLES.filter(
  (r) => !['reviewer', 'section_head', 'bureau_head', 'administrator'].includes(r),
);
const except = (...roles: Role[]) => ROLES.filter((r) => !roles.includes(r));
const NOT_COMPLAINT_READERS = except('administrator', 'section_head');
/** A proposal: the competition's officials see all (api/competition-access.ts). */
const NOT_COMPETITION_OFFICIALS = except('administrator', 'reviewer', 'finance');

const byId = (key: keyof Fixtures) => (f: Fixtures) => ({ id: f[key] });

/** Every route template with a path parameter, by the object it names. */
const OBJECT_ROUTES: [RegExp, ObjectRoute][] = [
  [
    /^\/api\/registrations\/\{id\}\/files\/\{fileId\}$/,
    { params: (f) => ({ id: f.registration, fileId: f.upload }), hidden: ['applicant'] },
  ],
  [
    /^\/api\/registrations\/\{id\}\/certificate$/,
    { params: byId('registration'), hidden: ['applicant'], visibleRead: [404, 409] },
  ],
  [
    /^\/api\/registrations\/\{id\}(\/.*)?$/,
    { params: byId('registration'), hidden: ['applicant'] },
  ],
  [/^\/api\/files\/\{id\}$/, { params: byId('upload'), hidden: NOT_STAFF }],
  [/^\/api\/organizations\/\{id\}(\/.*)?$/, { params: byId('org'), hidden: ['applicant'] }],
  [
    /^\/api\/admin\/organizations\/\{id\}\/penalties\/\{penaltyId\}\/executed$/,
    { params: (f) => ({ id: f.org, penaltyId: f.penalty }), hidden: [] },
  ],
  [
    /^\/api\/admin\/organizations\/\{id\}\/inspections\/\{year\}$/,
    { params: (f) => ({ id: f.org, year: '2020' }), hidden: [] },
  ],
  [/^\/api\/admin\/organizations\/\{id\}\/.+$/, { params: byId('org'), hidden: [] }],
  // Not public while only planned: officials alone read it (the anonymous are refused as well).
  [
    /^\/api\/purchases\/\{id\}\/ocds$/,
    { params: byId('purchase'), hidden: except('purchaser', 'finance', 'administrator') },
  ],
  [
    /^\/api\/purchases\/\{id\}(\/.*)?$/,
    { params: byId('purchase'), hidden: ['applicant', 'evaluator'] },
  ],
  [/^\/api\/purchase-catalogue\/\{id\}(\/.*)?$/, { params: byId('catalogueItem'), hidden: [] }],
  [/^\/api\/competitions\/\{id\}\/applicants$/, { params: byId('round'), hidden: ['judge'] }],
  [
    /^\/api\/competitions\/\{id\}\/objections\/\{objectionId\}\/decision$/,
    { params: (f) => ({ id: f.round, objectionId: f.objection }), hidden: [] },
  ],
  [
    /^\/api\/competitions\/\{id\}\/scoring\/\{phase\}\/(open|close)$/,
    { params: (f) => ({ id: f.round, phase: 'first' }), hidden: [] },
  ],
  [
    /^\/api\/competitions\/\{id\}\/results$/,
    { params: byId('round'), hidden: [], visibleRead: [200, 409] },
  ],
  [/^\/api\/competitions\/\{id\}(\/.*)?$/, { params: byId('round'), hidden: [] }],
  [
    /^\/api\/competition-proposals\/\{id\}\/payments\/\{tranche\}\/(order|confirm)$/,
    { params: (f) => ({ id: f.proposal, tranche: '1' }), hidden: NOT_COMPETITION_OFFICIALS },
  ],
  [
    /^\/api\/competition-proposals\/\{id\}\/score-draft\/\{phase\}$/,
    { params: (f) => ({ id: f.proposal, phase: 'first' }), hidden: ['judge'] },
  ],
  [
    /^\/api\/competition-proposals\/\{id\}(\/.*)?$/,
    { params: byId('proposal'), hidden: NOT_COMPETITION_OFFICIALS },
  ],
  [/^\/api\/evaluation\/campaigns\/\{id\}(\/.*)?$/, { params: byId('campaign'), hidden: [] }],
  [
    /^\/api\/evaluation\/files\/\{id\}(\/.*)?$/,
    { params: byId('evaluationFile'), hidden: ['applicant', 'evaluator', 'committee_member'] },
  ],
  [
    /^\/api\/evaluation\/complaints\/\{id\}(\/.*)?$/,
    { params: byId('complaint'), hidden: NOT_COMPLAINT_READERS },
  ],
  [
    /^\/api\/evaluation\/organizations\/\{organizationId\}\/grade(\/.*)?$/,
    { params: (f) => ({ organizationId: f.org }), hidden: ['applicant'], visibleRead: [404] },
  ],
  [/^\/api\/evaluation\/agencies\/\{id\}\/experts$/, { params: byId('agency'), hidden: [] }],
  [
    /^\/api\/evaluation\/experts\/\{accountId\}\/employments$/,
    { params: (f) => ({ accountId: f.account }), hidden: [] },
  ],
  [/^\/api\/admin\/holiday-calendars\/\{year\}$/, { params: () => ({ year: '2000' }), hidden: [] }],
  [/^\/api\/policy\/\{process\}$/, { params: () => ({ process: 'registration' }), hidden: [] }],
  // A process's rule form only for the administrator who sets it (三权分立): not the security's.
  [
    /^\/api\/admin\/policy-forms\/\{process\}$/,
    { params: () => ({ process: 'registration' }), hidden: ['security_admin'] },
  ],
  [/^\/api\/admin\/outbox\/\{id\}\/resend$/, { params: byId('mail'), hidden: [] }],
  [/^\/api\/admin\/accounts\/\{id\}\/.+$/, { params: byId('account'), hidden: [] }],
  [/^\/api\/admin\/sessions\/\{id\}\/end$/, { params: byId('session'), hidden: [] }],
  [/^\/api\/announcements\/\{id\}$/, { params: byId('announcement'), hidden: [] }],
  // Open to anyone: an unknown code is not found, whoever asks.
  [
    /^\/api\/public\/documents\/\{code\}$/,
    { params: () => ({ code: '0000-0000-0000-0000-0000' }), hidden: [], visibleRead: [404] },
  ],
];

/** Reads that need query parameters to answer 200. */
const QUERIES: Record<string, string> = {
  'GET /api/name-check': '?name=常州市钟楼区矩阵测试协会&legalForm=social_group',
  'GET /api/purchase-figures': '?year=2026',
};

/** Calls that end the caller's own session: made last, by each caller once. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

interface Route {
  method: string;
  template: string;
  key: string;
  access: 'public' | 'signed-in' | 'second-factor' | Role[];
}

let h: Harness;
let routes: Route[];
let f: Fixtures;
const tokens = new Map<Caller | 'owner', string>();
let committeeIds: string[] = [];

async function account(role: Role, label: string, organizationId: string | null = null) {
  const username = `t${h.districtCode}-m-${label}`;
  const acc = await h.db.account.create({
    data: {
      username,
      displayName: `矩阵${label}`,
      email: `${username}@test.zhonglou.example`,
      role,
      organizationId,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  return acc;
}

beforeAll(async () => {
  h = await startHarness();
  const doc = (await (await fetch(`${h.baseUrl}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { 'x-access': Route['access'] }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      key: `${method.toUpperCase()} ${template}`,
      access: op['x-access'],
    })),
  );

  // Party X: an applicant organisation with a filed registration, a proposal, an evaluation
  // file and a complaint. Everyone probing is somebody else.
  const owner = await h.newApplicant();
  const filed = await file(h, owner, 'social_group', 'community_service');
  const ownerAccount = await h.db.account.findUniqueOrThrow({
    where: { username: owner.username },
  });
  const other = await h.newApplicant();
  tokens.set('owner', owner.token);
  tokens.set('applicant', other.token);

  const judgeOnPanel = await account('judge', 'judge-on-panel');
  const committeeOn = await account('committee_member', 'committee-on');
  const evaluatorSeated = await account('evaluator', 'evaluator-seated');
  committeeIds = [committeeOn.id];
  const roundId = randomUUID();
  await h.db.competitionRound.create({
    data: {
      id: roundId,
      title: '矩阵测试轮次',
      workflowId: `competition-round-${roundId}`,
      stage: 'call_open',
      settings: {},
      ruleVersion: 'test',
      budgetFen: 100_000_000n,
      callOpensAt: new Date(),
      callClosesAt: new Date(Date.now() + 86_400_000),
      createdById: h.user('admin').id,
      judges: { create: [{ phase: 'first', accountId: judgeOnPanel.id }] },
    },
  });
  const proposalId = randomUUID();
  await h.db.competitionProposal.create({
    data: {
      id: proposalId,
      roundId,
      organizationId: owner.organizationId,
      workflowId: `competition-proposal-${proposalId}`,
      title: '矩阵测试项目',
      category: 'elderly',
      status: 'submitted',
      content: {
        team: [],
        bankAccount: { bank: '银行', accountName: '户名', accountNo: '6222000000001' },
      },
      requestedFen: 1_000_000n,
      capFen: 2_000_000n,
      submittedAt: new Date(),
    },
  });
  await h.db.evaluatorSeat.create({
    data: {
      subjectType: 'competition_proposal',
      subjectId: proposalId,
      accountId: evaluatorSeated.id,
      assignedById: h.user('admin').id,
    },
  });
  const objectionId = randomUUID();
  await h.db.competitionObjection.create({
    data: {
      id: objectionId,
      roundId,
      proposalId,
      filedById: ownerAccount.id,
      text: '异议',
      status: 'filed',
      filedAt: new Date(),
    },
  });
  const campaignId = randomUUID();
  await h.db.evaluationCampaign.create({
    data: {
      id: campaignId,
      workflowId: `evaluation-campaign-${campaignId}`,
      districtCode: h.districtCode,
      year: 2026,
      title: '矩阵测试评估',
      noticeAt: new Date(),
      windowOpensAt: new Date(),
      windowClosesAt: new Date(Date.now() + 86_400_000),
      committeeIds,
      reviewCommitteeIds: committeeIds,
      openedById: h.user('admin').id,
    },
  });
  const evaluationFileId = randomUUID();
  await h.db.evaluationFile.create({
    data: {
      id: evaluationFileId,
      campaignId,
      organizationId: owner.organizationId,
      workflowId: `evaluation-file-${evaluationFileId}`,
      appliedAt: new Date(),
      appliedById: ownerAccount.id,
      selfScore: 900,
      selfAssessment: '自评',
    },
  });
  await h.db.evaluationAssignment.create({
    data: {
      fileId: evaluationFileId,
      evaluatorId: evaluatorSeated.id,
      agencyId: randomUUID(),
      status: 'cleared',
    },
  });
  const complaintId = randomUUID();
  await h.db.evaluationComplaint.create({
    data: {
      id: complaintId,
      workflowId: `evaluation-complaint-${complaintId}`,
      subjectType: 'file',
      fileId: evaluationFileId,
      organizationId: other.organizationId,
      complainantId: ownerAccount.id,
      content: '举报内容',
      reviewCommitteeIds: committeeIds,
      filedAt: new Date(),
    },
  });
  const penalty = await h.db.penalty.create({
    data: {
      organizationId: owner.organizationId,
      decisionNo: '钟民罚〔2020〕1号',
      kind: '警告',
      decidedOn: new Date('2020-01-01'),
    },
  });
  const agency = await h.db.evaluationAgency.create({
    data: { name: '矩阵评估中心', districtCode: h.districtCode },
  });
  const catalogue = await h.db.purchaseCatalogueItem.create({
    data: {
      ...CATALOGUE_ITEM,
      code: `M${h.districtCode}`,
      version: 1,
      activeCode: `M${h.districtCode}`,
    },
  });
  const cast = await setUpPurchase(h, {});
  const purchase = await newProject(h, cast, catalogue.id, 1_000_000, '矩阵测试采购项目');
  const target = await account('reviewer', 'target');
  const targetSession = await h.db.authSession.create({
    data: {
      accountId: target.id,
      stage: 'full',
      expiresAt: new Date(Date.now() + 3600_000),
      sourceIp: '127.0.0.1',
    },
  });
  const mail = await h.db.outboxMail.create({
    data: {
      key: `matrix-${h.districtCode}`,
      messageId: `<matrix-${h.districtCode}@test>`,
      toAddress: owner.email,
      subject: '矩阵',
      text: '矩阵',
      status: 'uncertain',
    },
  });
  const announcement = await h.db.announcement.create({
    data: {
      key: `matrix-${h.districtCode}`,
      kind: 'test',
      subjectType: 'registration',
      subjectId: filed.id,
      title: '公告',
      body: '公告',
      channels: ['web'],
      publishedAt: new Date(),
    },
  });
  f = {
    registration: filed.id,
    upload: filed.docs[0]?.fileId as string,
    org: owner.organizationId,
    purchase,
    catalogueItem: catalogue.id,
    round: roundId,
    proposal: proposalId,
    objection: objectionId,
    campaign: campaignId,
    evaluationFile: evaluationFileId,
    complaint: complaintId,
    penalty: penalty.id,
    agency: agency.id,
    account: target.id,
    session: targetSession.id,
    mail: mail.id,
    announcement: announcement.id,
  };

  // One caller per role; for the roles that see objects by seat, one without a seat.
  const staffLogins: Partial<Record<Role, string>> = {
    reviewer: 'reviewer1',
    section_head: 'section',
    bureau_head: 'director',
    administrator: 'admin',
    security_admin: 'security',
    auditor: 'auditor',
  };
  for (const [role, name] of Object.entries(staffLogins))
    tokens.set(role as Role, await h.login(name));
  for (const role of [
    'evaluator',
    'committee_member',
    'judge',
    'purchaser',
    'finance',
    'agency',
  ] as const)
    tokens.set(role, await h.login((await account(role, `${role}-other`)).username));
}, 180_000);

afterAll(async () => {
  await h?.teardown();
});

function objectRoute(template: string): ObjectRoute | null {
  if (!template.includes('{')) return null;
  return OBJECT_ROUTES.find(([re]) => re.test(template))?.[1] ?? null;
}

function admitted(route: Route, caller: Caller): boolean {
  if (route.access === 'public') return true;
  if (caller === 'anonymous') return false;
  if (route.access === 'signed-in' || route.access === 'second-factor') return true;
  return route.access.includes(caller);
}

async function call(route: Route, caller: Caller | 'owner') {
  const o = objectRoute(route.template);
  const params = o?.params(f) ?? {};
  const path = route.template.replace(/\{(\w+)\}/g, (_, p: string) =>
    encodeURIComponent(params[p] ?? ''),
  );
  const token = caller === 'anonymous' ? null : tokens.get(caller);
  const res = await fetch(`${h.baseUrl}${path}${QUERIES[route.key] ?? ''}`, {
    method: route.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
    },
    body: route.method === 'GET' ? undefined : '{}',
  });
  return {
    status: res.status,
    cacheControl: res.headers.get('cache-control'),
    text: await res.text(),
  };
}

function expected(route: Route, caller: Caller, status: number, detail: string): string | null {
  const o = objectRoute(route.template);
  const read = route.method === 'GET';
  if (status >= 500) return `${status} (server error)`;
  if (!admitted(route, caller)) {
    const want = caller === 'anonymous' ? 401 : 403;
    return status === want ? null : `${status}, expected ${want}`;
  }
  if (caller === 'anonymous' && route.access === 'public' && !o?.hidden.length) {
    return [401, 403].includes(status) ? `${status} on an open route` : null;
  }
  const hidden = o && (caller === 'anonymous' || o.hidden.includes(caller));
  if (hidden) {
    if (read) return status === 404 ? null : `${status}, expected 404 (another party's object)`;
    return [400, 404].includes(status)
      ? null
      : `${status}, expected 404 or 400 (another party's object)`;
  }
  // A 403 of the route's role check; a workflow's own refusal (e.g. another reviewer's file) is not.
  if (status === 401 || (status === 403 && detail.startsWith('此事项仅限')))
    return `${status}, expected access`;
  if (read) {
    const ok = o?.visibleRead ?? [200];
    return ok.includes(status) ? null : `${status}, expected ${ok.join('/')}`;
  }
  return null;
}

const CALLERS: Caller[] = ['anonymous', ...ROLES];

function detailOf(text: string): string {
  try {
    return (JSON.parse(text) as { detail?: string }).detail ?? '';
  } catch {
    return '';
  }
}

describe('the authorization matrix', () => {
  it('given every route of the OpenAPI document, then each one that names an object is classified here', () => {
    expect(routes.length).toBeGreaterThan(140);
    const unclassified = routes.filter((r) => r.template.includes('{') && !objectRoute(r.template));
    expect(unclassified.map((r) => r.key)).toEqual([]);
    const noAccess = routes.filter((r) => r.access === undefined);
    expect(noAccess.map((r) => r.key)).toEqual([]);
  });

  it('given every route × every role × an object of another party, then each answer is the expected one', async () => {
    const wrong: string[] = [];
    const leaks: string[] = [];
    let calls = 0;
    const last: [Route, Caller][] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        if (ENDS_SESSION.has(route.key) && caller !== 'anonymous') {
          last.push([route, caller]);
          continue;
        }
        const r = await call(route, caller);
        calls++;
        const problem = expected(route, caller, r.status, detailOf(r.text));
        if (problem) wrong.push(`${route.key} as ${caller}: ${problem} — ${r.text.slice(0, 160)}`);
        if (r.cacheControl !== 'no-store' && route.template.startsWith('/api'))
          wrong.push(`${route.key} as ${caller}: Cache-Control ${r.cacheControl}`);
      }
    }
    // Applicants, the other party and the owner, read nothing internal.
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const caller of ['applicant', 'owner'] as const) {
        if (!admitted(route, 'applicant')) continue;
        const r = await call(route, caller);
        if (r.status !== 200) continue;
        if (r.text.includes(h.config.TEMPORAL_UI_URL))
          leaks.push(`${route.key} as ${caller}: Temporal Web UI address`);
        for (const id of committeeIds)
          if (r.text.includes(id)) leaks.push(`${route.key} as ${caller}: a committee member's id`);
      }
    }
    for (const [route, caller] of last) {
      const r = await call(route, caller);
      calls++;
      const problem = expected(route, caller, r.status, detailOf(r.text));
      if (problem) wrong.push(`${route.key} as ${caller}: ${problem}`);
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${CALLERS.length} callers = ${calls} calls`,
    );
    expect(wrong).toEqual([]);
    expect(leaks).toEqual([]);
  }, 600_000);
});
