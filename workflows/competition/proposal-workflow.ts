import type { UpdateDefinition } from '@temporalio/common';
import {
  allHandlersFinished,
  condition,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { formatYuan } from '../../domain/competition/money';
import type { Refusal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';
import * as m from './messages';
import * as r from './proposal-rules';

const PHASES: m.Phase[] = ['first', 'roadshow'];

// Short DB writes and outbox rows: local activities, so a decision costs one workflow task and
// a marker instead of a round trip through the server (thousands of proposals make this count).
const act = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10 },
});

/**
 * One proposal of a round (a child of the round workflow): qualification, conflict declarations
 * and scores of its panels, funding, agreement, tranches and evaluations. Its history stays small
 * however large the round is.
 */
export async function competitionProposalWorkflow(input: m.ProposalInput): Promise<m.ProposalView> {
  const s = r.initialProposal(input);
  const server = new UpdateServer();
  const { lock } = server;
  const { proposalId, roundId, organizationId } = input;
  const status = (note?: string) =>
    act.recordProposalStatus({ proposalId, status: s.status, note });
  const mail = (step: string, template: string, context: Record<string, string | number> = {}) =>
    act.notifyCompetition({
      key: `${proposalId}/${step}`,
      template,
      organizationId,
      proposalId,
      context,
    });

  const outcomes: m.RoundNews[] = [];
  const hear = (n: m.RoundNews) => {
    const before = s.status;
    r.applyNews(s, n);
    if (s.status !== before) outcomes.push(n);
  };
  // A person's action carries the round news the API read from the projection: the round
  // delivers news in the background, and an action must not wait for it (nor fail without it).
  const update = <A extends m.WithActor & m.WithNews>(
    def: UpdateDefinition<m.ProposalView, [A]>,
    check: (st: r.ProposalState, a: A) => Refusal | null,
    run: (a: A) => Promise<void>,
    probes?: () => object[],
  ) =>
    server.on(
      def,
      (a) => check(s, a),
      async (a) => {
        await run(a);
        return r.viewOf(s);
      },
      {
        prepare: (a) => {
          for (const n of a.news ?? []) hear(n);
        },
        validate: (a) => check(r.withNews(s, a.news ?? []), a),
        probes,
      },
    );

  update(
    m.qualifyUpdate,
    (st: r.ProposalState, a: m.WithActor & { pass: boolean; reasons: string[] }) =>
      r.checkQualify(st, a),
    async (a) => {
      s.status = a.pass ? 'qualified' : 'rejected';
      const note = a.pass ? '资格审查通过' : a.reasons.join('；');
      await act.recordAudit({
        proposalId,
        actor: a.actor,
        action: 'qualify',
        to: s.status,
        reason: note,
      });
      await status(note);
      await mail('qualification', a.pass ? 'qualified' : 'rejected', { reasons: note });
    },
    () => [{ pass: true, reasons: [] }],
  );
  update(
    m.declareUpdate,
    (st: r.ProposalState, a: m.WithActor & { phase: m.Phase; conflict: boolean; note: string }) =>
      r.checkDeclare(st, a),
    async (a) => {
      const key = r.slot(a.phase, a.actor.id);
      s.declarations[key] = a.conflict ? 'conflicted' : 'clear';
      await act.recordDeclaration({
        roundId,
        proposalId,
        phase: a.phase,
        judgeId: a.actor.id,
        conflict: a.conflict,
        note: a.note,
      });
      if (!a.conflict) return;
      s.panels[a.phase] = s.panels[a.phase].filter((j) => j !== a.actor.id);
      const replacement = await act.replaceJudge({
        roundId,
        proposalId,
        phase: a.phase,
        organizationId,
        replacing: a.actor.id,
      });
      if (replacement) s.panels[a.phase].push(replacement);
    },
    () => PHASES.map((phase) => ({ phase })),
  );
  update(
    m.scoreUpdate,
    (
      st: r.ProposalState,
      a: m.WithActor & { phase: m.Phase; criteria: Record<string, number>; comment: string },
    ) => r.checkScore(st, a),
    async (a) => {
      s.scored.push(r.slot(a.phase, a.actor.id));
      await act.recordScore({
        roundId,
        proposalId,
        phase: a.phase,
        judgeId: a.actor.id,
        criteria: a.criteria,
        comment: a.comment,
      });
    },
    () => PHASES.map((phase) => ({ phase, criteria: {} })),
  );
  update(
    m.signAgreementUpdate,
    (st: r.ProposalState, _a: m.WithActor & { agreementNo: string }) => r.checkSign(st),
    async (a) => {
      s.status = 'agreement_signed';
      const t1 = r.tranche(s, 1) as m.Tranche;
      t1.status = 'ordered';
      t1.orderedBy = a.actor;
      await act.recordAudit({
        proposalId,
        actor: a.actor,
        action: 'sign_agreement',
        to: s.status,
        reason: a.agreementNo,
      });
      await status(`协议编号 ${a.agreementNo}`);
      await act.recordPayment({
        roundId,
        proposalId,
        tranche: 1,
        amountFen: t1.amountFen,
        status: 'ordered',
        actorId: a.actor.id,
      });
      await mail('agreement', 'agreement_signed', {
        amount: formatYuan(s.awardFen ?? 0),
        first: formatYuan(t1.amountFen),
      });
    },
  );
  update(
    m.orderPaymentUpdate,
    (st: r.ProposalState, a: m.WithActor & { tranche: number }) => r.checkOrder(st, a.tranche),
    async (a) => {
      const t = r.tranche(s, a.tranche) as m.Tranche;
      t.status = 'ordered';
      t.orderedBy = a.actor;
      await act.recordPayment({
        roundId,
        proposalId,
        tranche: t.n,
        amountFen: t.amountFen,
        status: 'ordered',
        actorId: a.actor.id,
      });
    },
    () => s.tranches.map((x) => ({ tranche: x.n })),
  );
  update(
    m.confirmPaymentUpdate,
    (st: r.ProposalState, a: m.WithActor & { tranche: number }) => r.checkConfirm(st, a),
    async (a) => {
      r.applyPaid(s, a.tranche, a.actor);
      const t = r.tranche(s, a.tranche) as m.Tranche;
      await act.recordPayment({
        roundId,
        proposalId,
        tranche: t.n,
        amountFen: t.amountFen,
        status: 'paid',
        actorId: a.actor.id,
      });
      await status();
      await mail(`paid-${t.n}`, 'tranche_paid', { tranche: t.n, amount: formatYuan(t.amountFen) });
    },
    () => s.tranches.map((x) => ({ tranche: x.n })),
  );
  update(
    m.evaluateUpdate,
    (
      st: r.ProposalState,
      a: m.WithActor & { stage: 'midterm' | 'final'; score: number; report: string },
    ) => r.checkEvaluate(st, a.stage, a.score),
    async (a) => {
      const grade = r.applyEvaluation(s, a.stage, a.score);
      await act.recordEvaluation({
        roundId,
        proposalId,
        stage: a.stage,
        score: a.score,
        grade,
        evaluatorId: a.actor.id,
        report: a.report,
      });
      await status(a.stage === 'midterm' ? `中期评估 ${grade} 级` : `末期评估${grade}`);
      await mail(a.stage, a.stage === 'midterm' ? 'midterm_result' : 'final_result', {
        grade,
        score: a.score,
      });
    },
    () => [
      { stage: 'midterm', score: 0 },
      { stage: 'final', score: 0 },
    ],
  );
  update(
    m.terminateUpdate,
    (st: r.ProposalState, a: m.WithActor & { clawbackFen: number; reason: string }) =>
      r.checkTerminate(st, a.clawbackFen),
    async (a) => {
      s.status = 'terminated';
      for (const t of s.tranches) if (t.status !== 'paid') t.status = 'withheld';
      await act.recordAudit({
        proposalId,
        actor: a.actor,
        action: 'terminate',
        to: s.status,
        reason: a.reason,
        details: { clawbackFen: a.clawbackFen },
      });
      await status(a.reason);
      await mail('terminated', 'terminated', {
        reason: a.reason,
        clawback: formatYuan(a.clawbackFen),
      });
    },
    () => [{ clawbackFen: 0 }],
  );
  setHandler(m.proposalStatusQuery, () => r.viewOf(s));
  server.serveOffers();
  // The round pushes news as an Update (recorded histories used a signal); actions may have
  // brought the same news earlier, and applyNews takes each only once and only forward.
  setHandler(m.roundNewsSignal, hear);
  setHandler(m.roundNewsUpdate, hear);

  await lock.run(async () => {
    await status();
    await mail('received', 'received');
  });
  while (!r.isFinished(s)) {
    await condition(() => outcomes.length > 0 || r.isFinished(s));
    const n = outcomes.shift();
    if (n) await lock.run(() => announce(n));
  }
  await condition(allHandlersFinished);
  return r.viewOf(s);

  async function announce(n: m.RoundNews): Promise<void> {
    await status();
    if (n.kind === 'phase_closed')
      await mail(`phase-${n.phase}`, n.advanced ? 'shortlisted' : 'not_shortlisted', {
        score: n.score,
        rank: n.rank,
      });
    if (n.kind === 'funding')
      await mail(`funding-${n.selected ? 'yes' : 'no'}`, n.selected ? 'selected' : 'not_funded', {
        amount: formatYuan(n.awardFen),
        reason: n.reason,
      });
  }
}
