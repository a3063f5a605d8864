import { PHASE_LABEL, type Phase } from '../../domain/competition/stages';
import type { Db } from '../../lib/db';
import type { Session } from '../auth/session';
import type { SourceTask } from './task';

const SCORING_STAGE: Record<Phase, string> = { first: 'first_scoring', roadshow: 'roadshow' };
const NONE = '00000000-0000-0000-0000-000000000000';

type Row = { id: string; title: string; roundId: string };
const proposalTask = (
  p: Row,
  kind: string,
  title: string,
  shared: boolean,
  dueAt: Date | null = null,
  step = '',
): SourceTask => ({
  key: `competition:${kind}:${p.id}${step ? `:${step}` : ''}`,
  process: 'competition',
  title,
  subject: p.title,
  reference: null,
  link: `/competition-proposals/${p.id}`,
  dueAt,
  shared,
});

/** Qualification (资格审查) by any reviewer: a shared step, once the call has closed. */
async function qualification(db: Db): Promise<SourceTask[]> {
  const ps = await db.competitionProposal.findMany({
    where: { status: 'submitted', round: { stage: 'eligibility_review' } },
    orderBy: { submittedAt: 'asc' },
    take: 500,
  });
  return ps.map((p) => proposalTask(p, 'qualify', '待资格审查', true));
}

/** A judge's own proposals in the phase under way, not yet scored. */
async function judging(db: Db, s: Session): Promise<SourceTask[]> {
  const seats = await db.competitionAssignment.findMany({
    // Assigned (the declaration comes first) or declared clear; scored and conflicted are done.
    where: { judgeId: s.sub, status: { in: ['assigned', 'declared_clear'] } },
    take: 500,
  });
  if (seats.length === 0) return [];
  const rounds = new Map(
    (
      await db.competitionRound.findMany({
        where: { id: { in: [...new Set(seats.map((a) => a.roundId))] } },
        select: { id: true, stage: true },
      })
    ).map((r) => [r.id, r.stage]),
  );
  const open = seats.filter((a) => rounds.get(a.roundId) === SCORING_STAGE[a.phase as Phase]);
  const ps = await db.competitionProposal.findMany({
    where: { id: { in: open.map((a) => a.proposalId) } },
  });
  const byId = new Map(ps.map((p) => [p.id, p]));
  return open.flatMap((a) => {
    const p = byId.get(a.proposalId);
    return p
      ? [
          proposalTask(
            p,
            'score',
            `待评分（${PHASE_LABEL[a.phase as Phase]}）`,
            false,
            null,
            a.phase,
          ),
        ]
      : [];
  });
}

/** Objections to decide during publicity, and agreements to sign once it is over. */
async function administration(db: Db): Promise<SourceTask[]> {
  const objections = await db.competitionObjection.findMany({
    where: { status: 'filed' },
    orderBy: { filedAt: 'asc' },
    take: 500,
  });
  const rounds = new Map(
    (
      await db.competitionRound.findMany({
        where: { id: { in: [...new Set(objections.map((o) => o.roundId))] } },
      })
    ).map((r) => [r.id, r]),
  );
  const ps = await db.competitionProposal.findMany({
    where: { id: { in: objections.map((o) => o.proposalId) } },
  });
  const names = new Map(ps.map((p) => [p.id, p.title]));
  const toSign = await db.competitionProposal.findMany({
    where: { status: 'selected', round: { stage: 'implementing' } },
    take: 500,
  });
  return [
    ...objections.map((o) => ({
      key: `competition:objection:${o.id}`,
      process: 'competition' as const,
      title: '待处理公示异议',
      subject: names.get(o.proposalId) ?? rounds.get(o.roundId)?.title ?? '',
      reference: null,
      link: `/competitions/${o.roundId}/publicity`,
      dueAt: rounds.get(o.roundId)?.publicityEndsAt ?? null,
      shared: true,
    })),
    ...toSign.map((p) => proposalTask(p, 'agreement', '待签订资助协议', true)),
  ];
}

/** Tranches ordered by another official, waiting for finance's confirmation (four-eyes). */
async function payments(db: Db, s: Session): Promise<SourceTask[]> {
  const pay = await db.competitionPayment.findMany({
    where: { status: 'ordered', orderedById: { not: s.sub } },
    orderBy: { orderedAt: 'asc' },
    take: 500,
  });
  const ps = await db.competitionProposal.findMany({
    where: { id: { in: pay.map((p) => p.proposalId) } },
  });
  const byId = new Map(ps.map((p) => [p.id, p]));
  return pay.flatMap((t) => {
    const p = byId.get(t.proposalId);
    return p
      ? [
          proposalTask(
            p,
            'payment',
            `待复核确认第${t.tranche}期资金拨付`,
            true,
            null,
            `t${t.tranche}`,
          ),
        ]
      : [];
  });
}

/** Mid-term and final evaluations by the evaluators seated on the proposal. */
async function evaluations(db: Db, s: Session): Promise<SourceTask[]> {
  const seats = await db.evaluatorSeat.findMany({
    where: { accountId: s.sub, subjectType: 'competition_proposal' },
    select: { subjectId: true },
  });
  const ps = await db.competitionProposal.findMany({
    where: {
      id: { in: seats.length ? seats.map((x) => x.subjectId) : [NONE] },
      status: { in: ['in_progress', 'midterm_passed'] },
    },
  });
  return ps.map((p) =>
    p.status === 'in_progress'
      ? proposalTask(p, 'evaluate', '待录入中期评估结果', false, null, 'midterm')
      : proposalTask(p, 'evaluate', '待录入末期评估结果', false, null, 'final'),
  );
}

/** What waits for this person in the venture-philanthropy rounds. */
export async function competitionTasks(db: Db, s: Session): Promise<SourceTask[]> {
  switch (s.role) {
    case 'reviewer':
      return qualification(db);
    case 'judge':
      return judging(db, s);
    case 'administrator':
      return administration(db);
    case 'finance':
      return payments(db, s);
    case 'evaluator':
      return evaluations(db, s);
    default:
      return [];
  }
}
