import type { EvaluationFile } from '../../generated/prisma/client';
import type { Db } from '../../lib/db';
import type { Session } from '../auth/session';
import { organizationNames } from '../evaluation-access';
import { complaintExtras } from '../evaluation-complaint-extras';
import { awaitingVotes } from '../evaluation-trail';
import type { SourceTask } from './task';

const OFFICE = new Set(['administrator', 'section_head']);

const fileTask = (
  f: EvaluationFile,
  names: Map<string, string>,
  kind: string,
  title: string,
  shared: boolean,
  step = '',
): SourceTask => ({
  key: `evaluation:${kind}:${f.id}${step ? `:${step}` : ''}`,
  process: 'evaluation',
  title,
  subject: names.get(f.organizationId) ?? '评估事项',
  reference: f.fileNo,
  link: `/evaluation/files/${f.id}`,
  dueAt: null,
  shared,
});

/** An evaluator's own seats: declare first, then submit the score sheet, while scoring is open. */
async function evaluatorTasks(db: Db, s: Session): Promise<SourceTask[]> {
  const seats = await db.evaluationAssignment.findMany({
    where: { evaluatorId: s.sub, status: { in: ['assigned', 'cleared'] } },
  });
  const files = await db.evaluationFile.findMany({
    where: { id: { in: seats.map((x) => x.fileId) }, status: 'assigned' },
  });
  const submitted = new Set(
    (
      await db.evaluationScoreSheet.findMany({
        where: { evaluatorId: s.sub, fileId: { in: files.map((f) => f.id) }, status: 'submitted' },
        select: { fileId: true },
      })
    ).map((x) => x.fileId),
  );
  const names = await organizationNames(
    db,
    files.map((f) => f.organizationId),
  );
  const seatOf = new Map(seats.map((x) => [x.fileId, x.status]));
  return files.flatMap((f) =>
    seatOf.get(f.id) === 'assigned'
      ? [fileTask(f, names, 'declare', '待声明有无回避情形', false)]
      : submitted.has(f.id)
        ? []
        : [fileTask(f, names, 'score', '待提交评分表', false)],
  );
}

/** A committee member's named votes, round by round (the same rule as the committee's page). */
async function committeeTasks(db: Db, s: Session): Promise<SourceTask[]> {
  const files = await db.evaluationFile.findMany({
    where: {
      status: { in: ['scored', 'review_requested'] },
      campaign: {
        OR: [{ committeeIds: { has: s.sub } }, { reviewCommitteeIds: { has: s.sub } }],
      },
    },
    take: 500,
  });
  const waiting = await awaitingVotes(db, s, files);
  const names = await organizationNames(
    db,
    files.map((f) => f.organizationId),
  );
  return files.flatMap((f) => {
    const body = waiting.get(f.id);
    if (!body) return [];
    const title = body === 'committee' ? '待评估委员会表决' : '待复核委员会表决';
    return [fileTask(f, names, 'vote', title, false, body)];
  });
}

/** Complaints: the office verifies filed ones (by their deadline); the review committee votes. */
async function complaintTasks(db: Db, s: Session): Promise<SourceTask[]> {
  const rows = await db.evaluationComplaint.findMany({
    where: OFFICE.has(s.role)
      ? { status: 'filed' }
      : { status: 'verified', reviewCommitteeIds: { has: s.sub } },
    orderBy: { filedAt: 'asc' },
    take: 500,
  });
  const extras = await complaintExtras(db, rows, s);
  return rows.flatMap((c) => {
    const x = extras.get(c.id);
    if (!OFFICE.has(s.role) && !x?.awaitingMyVote) return [];
    return [
      {
        key: `evaluation:complaint:${c.id}:${OFFICE.has(s.role) ? 'verify' : `r${x?.round ?? 1}`}`,
        process: 'evaluation' as const,
        title: OFFICE.has(s.role) ? '待核实举报' : '待复核委员会表决举报',
        subject: x?.organizationName ?? '举报',
        reference: x?.fileNo ?? null,
        link: `/evaluation/complaints/${c.id}`,
        dueAt: x?.verificationDueAt && OFFICE.has(s.role) ? new Date(x.verificationDueAt) : null,
        overdue: OFFICE.has(s.role) && x?.overdue === true,
        shared: OFFICE.has(s.role),
      },
    ];
  });
}

/** Panels short of experts after conflicts: the office seats replacements (评估待办). */
async function officeTasks(db: Db, districtCode: string): Promise<SourceTask[]> {
  const files = await db.evaluationFile.findMany({
    where: { panelShortBy: { gt: 0 }, status: 'assigned', campaign: { districtCode } },
    take: 500,
  });
  const names = await organizationNames(
    db,
    files.map((f) => f.organizationId),
  );
  return files.map((f) =>
    fileTask(f, names, 'panel', `评估专家不足，待增补${f.panelShortBy}名`, true),
  );
}

/** What waits for this person in tiered evaluation. */
export async function evaluationTasks(
  db: Db,
  s: Session,
  districtCode: string,
): Promise<SourceTask[]> {
  if (s.role === 'evaluator') return evaluatorTasks(db, s);
  if (s.role === 'committee_member')
    return [...(await committeeTasks(db, s)), ...(await complaintTasks(db, s))];
  if (OFFICE.has(s.role))
    return [...(await complaintTasks(db, s)), ...(await officeTasks(db, districtCode))];
  return [];
}
