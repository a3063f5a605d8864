import { endOfLocalDay } from '../../domain/calendar';
import type { PurchaseProject } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import type { PurchaseView } from '../../workflows/purchase/view-types';
import type { Session } from '../auth/session';
import type { SourceTask } from './task';

/** The purchaser's step in each status, and the date it is due by (from the workflow's view). */
const PURCHASER_STEP: Partial<
  Record<PurchaseView['status'], { title: string; due?: (v: PurchaseView) => string | null }>
> = {
  need_defined: { title: '待确定采购方式' },
  planned: { title: '待发布采购公告' },
  failed: { title: '采购失败，待重新采购或变更方式' },
  publicity: { title: '成交结果公示中，待确定承接主体', due: (v) => v.publicity?.endsAt ?? null },
  awarded: { title: '待签订合同', due: (v) => v.award?.signBy ?? null },
};

/** A due date (milestones: YYYY-MM-DD) runs to the end of its day in China; an instant is itself. */
const dueOf = (due: string) =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(due) ? endOfLocalDay(due) : Date.parse(due));

const task = (
  p: PurchaseProject,
  kind: string,
  title: string,
  due: string | null | undefined,
  shared: boolean,
  step = '',
): SourceTask => ({
  key: `purchase:${kind}:${p.id}${step ? `:${step}` : ''}`,
  process: 'purchase',
  title,
  subject: p.title,
  reference: p.projectNo,
  link: `/purchases/${p.id}`,
  dueAt: due ? dueOf(due) : null,
  shared,
});

const OPEN = ['closed', 'terminated', 'cancelled'];
const viewOf = (p: PurchaseProject) => p.view as PurchaseView | null;

/** Purchasers: the project's own step, and milestones an undertaker has submitted for acceptance. */
function purchaserTasks(ps: PurchaseProject[]): SourceTask[] {
  return ps.flatMap((p) => {
    const v = viewOf(p);
    if (!v) return [];
    const step = PURCHASER_STEP[v.status];
    return [
      ...(step ? [task(p, 'step', step.title, step.due?.(v), true, v.status)] : []),
      ...(v.status === 'performing' ? v.milestones : [])
        .filter((m) => m.status === 'submitted')
        .map((m) => task(p, 'milestone', `待验收阶段成果：${m.title}`, m.dueDate, true, m.id)),
    ];
  });
}

/** Finance: tranches requested, waiting to be released. */
function financeTasks(ps: PurchaseProject[]): SourceTask[] {
  return ps.flatMap((p) =>
    (viewOf(p)?.tranches ?? [])
      .filter((t) => t.status === 'requested')
      .map((t) => task(p, 'tranche', `待确认拨付第${t.no}期资金`, null, true, `t${t.no}`)),
  );
}

/** An expert's own score sheet on a panel under evaluation. */
function expertTasks(ps: PurchaseProject[], s: Session): SourceTask[] {
  return ps.flatMap((p) => {
    const v = viewOf(p);
    const me = v?.panel.find((e) => e.id === s.sub);
    if (v?.status !== 'evaluating' || !me || me.scores) return [];
    return [
      task(p, 'score', me.declaration ? '待评审打分' : '待声明有无利害关系并评审', null, false),
    ];
  });
}

/** The undertaker: milestones to submit (or resubmit when returned) by their due date. */
function undertakerTasks(ps: PurchaseProject[], s: Session): SourceTask[] {
  return ps.flatMap((p) => {
    const v = viewOf(p);
    if (v?.status !== 'performing' || p.awardedOrgId !== s.org) return [];
    return v.milestones
      .filter((m) => m.status === 'pending' || m.status === 'returned')
      .map((m) =>
        task(
          p,
          'milestone',
          `${m.status === 'returned' ? '阶段成果被退回，待重新提交' : '待提交阶段成果'}：${m.title}`,
          m.dueDate,
          false,
          m.id,
        ),
      );
  });
}

/** What waits for this person in the purchase projects (the projection holds the workflow's view). */
export async function purchaseTasks(db: Db, s: Session): Promise<SourceTask[]> {
  const where =
    s.role === 'purchaser' || s.role === 'finance'
      ? { status: { notIn: OPEN } }
      : s.role === 'evaluator'
        ? { status: 'evaluating', expertIds: { has: s.sub } }
        : s.role === 'applicant' && s.org
          ? { status: 'performing', awardedOrgId: s.org }
          : null;
  if (!where) return [];
  const ps = await db.purchaseProject.findMany({ where, orderBy: { createdAt: 'asc' }, take: 500 });
  if (s.role === 'purchaser') return purchaserTasks(ps);
  if (s.role === 'finance') return financeTasks(ps);
  if (s.role === 'evaluator') return expertTasks(ps, s);
  return undertakerTasks(ps, s);
}
