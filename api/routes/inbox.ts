import { Router } from 'express';
import { z } from 'zod';
import { claimTask, releaseTask } from '../../operations/inbox/claim-task';
import type { AppDeps } from '../app';
import { ROLES, type Session } from '../auth/session';
import { gatherTasks } from '../inbox/gather-tasks';
import {
  INBOX_PROCESSES,
  type InboxTask,
  linkOfKey,
  ZClaimRequest,
  ZInboxCounts,
  ZInboxPage,
  ZInboxQuery,
  ZInboxTask,
} from '../inbox/task';
import { operate, operatorOf } from '../operations';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';

const TAG = '待办';
/** Every role with work in a process: all but the security administrator and the auditor. */
const WORKERS = ROLES.filter((r) => r !== 'security_admin' && r !== 'auditor');

/** The object a task key names: its third part (`<process>:<kind>:<id>[:<step>]`). */

/** 我的待办: one inbox over the four processes, with claims on shared steps (Camunda Tasklist). */
export function createInboxRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  const district = deps.config.DISTRICT_CODE;
  const mine = (s: Session) => gatherTasks(db, s, district);

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/inbox',
      tag: TAG,
      summary: '我的待办：四类业务中等待本人办理的事项，按期限排序，标出已逾期和临近到期',
      access: WORKERS,
      query: ZInboxQuery,
      response: { status: 200, description: '待办事项（分页）', schema: ZInboxPage },
      problems: ['bad_request'],
    },
    async ({ query, session }) => {
      const all = (await mine(session!)).filter(
        (t) =>
          (!query.process || t.process === query.process) &&
          (!query.urgency || t.urgency === query.urgency),
      );
      const from = (query.page - 1) * query.pageSize;
      return {
        items: all.slice(from, from + query.pageSize),
        total: all.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/inbox/counts',
      tag: TAG,
      summary: '我的待办数量（菜单角标）：合计、已逾期、临近到期和各业务的件数',
      access: WORKERS,
      response: { status: 200, description: '待办数量', schema: ZInboxCounts },
    },
    async ({ session }) => counts(await mine(session!)),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/inbox/claims',
      tag: TAG,
      summary: '认领共享的待办事项（认领后其他人员不再办理；已被他人认领时返回409）',
      access: WORKERS,
      body: ZClaimRequest,
      response: { status: 200, description: '已认领', schema: ZInboxTask },
      problems: ['bad_request', 'not_found', 'conflict'],
    },
    async ({ body, session }) => {
      const s = session!;
      const task = (await mine(s)).find((t) => t.key === body.taskKey);
      if (!task) throw new AppError('not_found', '没有找到该待办事项，或它不在您的待办中');
      if (!task.claimable) throw new AppError('conflict', '该事项只由您本人办理，无需认领');
      if (task.claim?.mine) return task;
      if (task.claim) throw new AppError('conflict', `该事项已由${task.claim.name}认领`);
      const at = new Date();
      await operate(() => claimTask(db, { taskKey: task.key, actor: operatorOf(s), at }));
      return {
        ...task,
        claim: { accountId: s.sub, name: s.name, claimedAt: at.toISOString(), mine: true },
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/inbox/claims',
      tag: TAG,
      summary: '全部认领情况（系统管理员据此释放他人的认领）',
      access: ['administrator'],
      response: {
        status: 200,
        description: '认领',
        schema: z.object({
          items: z.array(
            z.object({
              taskKey: z.string(),
              link: z.string().nullable(),
              accountId: z.uuid(),
              name: z.string(),
              claimedAt: z.iso.datetime(),
            }),
          ),
        }),
      },
    },
    async () => {
      const rows = await db.taskClaim.findMany({ orderBy: { claimedAt: 'asc' }, take: 500 });
      const names = new Map(
        (
          await db.account.findMany({
            where: { id: { in: rows.map((r) => r.accountId) } },
            select: { id: true, displayName: true },
          })
        ).map((a) => [a.id, a.displayName]),
      );
      return {
        items: rows.map((r) => ({
          taskKey: r.taskKey,
          link: linkOfKey(r.taskKey),
          accountId: r.accountId,
          name: names.get(r.accountId) ?? '—',
          claimedAt: r.claimedAt.toISOString(),
        })),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/inbox/claims/release',
      tag: TAG,
      summary: '放弃认领（认领人本人；系统管理员可释放任何人的认领）',
      access: WORKERS,
      body: ZClaimRequest,
      response: {
        status: 200,
        description: '已释放',
        schema: z.object({ taskKey: z.string(), released: z.boolean() }),
      },
      problems: ['bad_request', 'not_found', 'conflict'],
    },
    async ({ body, session }) => {
      const s = session!;
      await operate(() =>
        releaseTask(db, {
          taskKey: body.taskKey,
          actor: operatorOf(s),
          mayRevoke: s.role === 'administrator',
        }),
      );
      return { taskKey: body.taskKey, released: true };
    },
  );

  return router;
}

function counts(tasks: InboxTask[]) {
  const byProcess = Object.fromEntries(INBOX_PROCESSES.map((p) => [p, 0])) as Record<
    (typeof INBOX_PROCESSES)[number],
    number
  >;
  for (const t of tasks) byProcess[t.process]++;
  return {
    total: tasks.length,
    overdue: tasks.filter((t) => t.urgency === 'overdue').length,
    nearDue: tasks.filter((t) => t.urgency === 'near_due').length,
    byProcess,
  };
}
