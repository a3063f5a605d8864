import { describe, expect, it } from '@jest/globals';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Actor } from '../../workflows/competition/messages';
import * as a from '../../workflows/competition/proposal-actions';
import * as r from '../../workflows/competition/proposal-rules';

/**
 * The proposal's decisions as pure actions (check → refusal or null; apply → state and effects),
 * without Temporal: one describe block per step of DOMAIN §5.
 */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const p = competitionPolicySchema.parse({});
const admin: Actor = { id: 'a1', name: '周管理', role: 'administrator' };
const finance: Actor = { id: 'f1', name: '钱财务', role: 'finance' };
const judge: Actor = { id: 'j1', name: '评审', role: 'judge' };

function proposal(): r.ProposalState {
  return r.initialProposal({
    roundId: 'r',
    proposalId: 'p',
    organizationId: 'o',
    seq: 1,
    submittedAt: 0,
    requestedFen: 100_000,
    rubric: p.rubric,
    tranchePercents: p.tranchePercents,
    midterm: p.midterm,
    finalPassMark: p.finalPassMark,
  });
}

function funded(): r.ProposalState {
  const s = proposal();
  s.status = 'shortlisted';
  r.applyNews(s, { kind: 'funding', selected: true, awardFen: 100_000, reason: '' });
  r.applyNews(s, { kind: 'publicity_closed' });
  return s;
}

const kinds = (effects: a.ProposalEffect[]) => effects.map((e) => e.kind);

describe('qualification (资格审查)', () => {
  it('given the eligibility review, when the office rejects with reasons, then the audit, the status and the mail follow in that order', () => {
    const s = proposal();
    r.applyNews(s, { kind: 'stage', stage: 'eligibility_review' });
    const args = { actor: admin, pass: false, reasons: ['材料不全', '超出范围'] };
    expect(a.qualify.check(s, args, NOW)).toBeNull();
    const effects = a.qualify.apply(s, args, NOW);
    expect(s.status).toBe('rejected');
    expect(effects).toEqual([
      {
        kind: 'audit',
        actor: admin,
        action: 'qualify',
        to: 'rejected',
        reason: '材料不全；超出范围',
      },
      { kind: 'status', status: 'rejected', note: '材料不全；超出范围' },
      {
        kind: 'mail',
        step: 'qualification',
        template: 'rejected',
        context: { reasons: '材料不全；超出范围' },
      },
    ]);
    expect(r.isFinished(s)).toBe(true);
  });

  it('given a rejection without reasons or a decision already made, then it is refused', () => {
    const s = proposal();
    r.applyNews(s, { kind: 'stage', stage: 'eligibility_review' });
    expect(a.qualify.check(s, { actor: admin, pass: false, reasons: [] }, NOW)?.type).toBe(
      'InvalidInput',
    );
    a.qualify.apply(s, { actor: admin, pass: true, reasons: [] }, NOW);
    expect(a.qualify.check(s, { actor: admin, pass: true, reasons: [] }, NOW)?.type).toBe(
      'IllegalTransition',
    );
  });
});

describe('conflict declarations and scores (评审)', () => {
  const panelOpen = () => {
    const s = proposal();
    s.status = 'qualified';
    r.applyNews(s, { kind: 'panel', phase: 'first', judges: ['j1', 'j2', 'j3'] });
    return s;
  };

  it('given a clear declaration, then only the declaration is recorded and the judge may score', () => {
    const s = panelOpen();
    const effects = a.declare.apply(
      s,
      { actor: judge, phase: 'first', conflict: false, note: '' },
      NOW,
    );
    expect(kinds(effects)).toEqual(['declaration']);
    const criteria = Object.fromEntries(p.rubric.map((c) => [c.key, 0]));
    const args = { actor: judge, phase: 'first' as const, criteria, comment: '好' };
    expect(a.score.check(s, args, NOW)).toBeNull();
    expect(a.score.apply(s, args, NOW)).toEqual([
      { kind: 'score', phase: 'first', judgeId: 'j1', criteria, comment: '好' },
    ]);
    expect(a.score.check(s, args, NOW)?.message).toContain('已提交');
  });

  it('given a conflict, then the judge leaves the panel and a replacement is asked for after the declaration', () => {
    const s = panelOpen();
    const effects = a.declare.apply(
      s,
      { actor: judge, phase: 'first', conflict: true, note: '亲属' },
      NOW,
    );
    expect(s.panels.first).toEqual(['j2', 'j3']);
    expect(s.declarations[r.slot('first', 'j1')]).toBe('conflicted');
    expect(effects[1]).toEqual({ kind: 'replaceJudge', phase: 'first', replacing: 'j1' });
    expect(
      a.declare.check(s, { actor: judge, phase: 'first', conflict: false, note: '' }, NOW)?.type,
    ).toBe('Forbidden');
  });

  it('given the panels, then declarations are offered per phase', () => {
    expect(a.declare.probes?.(panelOpen(), judge)).toEqual([
      { phase: 'first' },
      { phase: 'roadshow' },
    ]);
  });
});

describe('agreement and tranches (协议与拨付)', () => {
  it('given a selected project after publicity, when the agreement is signed, then the first tranche is ordered by the signer', () => {
    const s = funded();
    const effects = a.signAgreement.apply(s, { actor: admin, agreementNo: 'XY-1' }, NOW);
    expect(s.status).toBe('agreement_signed');
    expect(kinds(effects)).toEqual(['audit', 'status', 'payment', 'mail']);
    expect(effects[2]).toEqual({
      kind: 'payment',
      tranche: 1,
      amountFen: 50_000,
      status: 'ordered',
      actorId: 'a1',
    });
    expect(effects[3]).toMatchObject({
      template: 'agreement_signed',
      context: { first: '¥500.00' },
    });
  });

  it('given an ordered tranche, when another official confirms, then it is paid and the project starts', () => {
    const s = funded();
    a.signAgreement.apply(s, { actor: admin, agreementNo: 'XY-1' }, NOW);
    expect(a.confirmPayment.check(s, { actor: admin, tranche: 1 }, NOW)?.type).toBe('FourEyes');
    const effects = a.confirmPayment.apply(s, { actor: finance, tranche: 1 }, NOW);
    expect(s.status).toBe('in_progress');
    expect(effects.slice(0, 2)).toEqual([
      { kind: 'payment', tranche: 1, amountFen: 50_000, status: 'paid', actorId: 'f1' },
      { kind: 'status', status: 'in_progress' },
    ]);
    expect(effects[2]).toMatchObject({ step: 'paid-1', template: 'tranche_paid' });
    expect(a.orderPayment.probes?.(s, admin)).toEqual([
      { tranche: 1 },
      { tranche: 2 },
      { tranche: 3 },
    ]);
    expect(a.orderPayment.check(s, { actor: admin, tranche: 2 }, NOW)?.type).toBe(
      'IllegalTransition',
    );
  });
});

describe('evaluations and termination (中期、末期评估)', () => {
  const started = () => {
    const s = funded();
    a.signAgreement.apply(s, { actor: admin, agreementNo: 'XY-1' }, NOW);
    a.confirmPayment.apply(s, { actor: finance, tranche: 1 }, NOW);
    return s;
  };

  it('given a mid-term C, then the project is suspended, the grade recorded and mailed; termination withholds the rest', () => {
    const s = started();
    const effects = a.evaluate.apply(
      s,
      { actor: admin, stage: 'midterm', score: 40, report: '差' },
      NOW,
    );
    expect(s.status).toBe('suspended');
    expect(effects).toEqual([
      {
        kind: 'evaluation',
        stage: 'midterm',
        score: 40,
        grade: 'C',
        evaluatorId: 'a1',
        report: '差',
      },
      { kind: 'status', status: 'suspended', note: '中期评估 C 级' },
      {
        kind: 'mail',
        step: 'midterm',
        template: 'midterm_result',
        context: { grade: 'C', score: 40 },
      },
    ]);
    expect(a.terminate.check(s, { actor: admin, clawbackFen: 60_000, reason: '' }, NOW)?.type).toBe(
      'InvalidInput',
    );
    const end = a.terminate.apply(
      s,
      { actor: admin, clawbackFen: 10_000, reason: '整改无效' },
      NOW,
    );
    expect(s.tranches.map((t) => t.status)).toEqual(['paid', 'withheld', 'withheld']);
    expect(end[0]).toMatchObject({
      kind: 'audit',
      action: 'terminate',
      details: { clawbackFen: 10_000 },
    });
    expect(end[2]).toMatchObject({ context: { clawback: '¥100.00' } });
  });

  it('given each stage, then the evaluation is offered for the stage the project has reached only', () => {
    const open = (s: r.ProposalState) =>
      (a.evaluate.probes?.(s, admin) ?? [])
        .filter(
          (x) => a.evaluate.check(s, { actor: admin, report: '', ...x } as never, NOW) === null,
        )
        .map((x) => (x as { stage: string }).stage);
    expect(open(funded())).toEqual([]);
    const s = started();
    expect(open(s)).toEqual(['midterm']);
    a.evaluate.apply(s, { actor: admin, stage: 'midterm', score: 90, report: '好' }, NOW);
    a.confirmPayment.apply(s, { actor: finance, tranche: 2 }, NOW);
    expect(open(s)).toEqual(['final']);
  });

  it('given the final stage before the mid-term, then it is refused', () => {
    expect(
      a.evaluate.check(started(), { actor: admin, stage: 'final', score: 90, report: '' }, NOW)
        ?.type,
    ).toBe('IllegalTransition');
  });
});

describe('receipt and round news told to the organisation', () => {
  it('given a new proposal, then its status is written and the organisation told', () => {
    expect(a.received(proposal())).toEqual([
      { kind: 'status', status: 'submitted' },
      { kind: 'mail', step: 'received', template: 'received' },
    ]);
  });

  it('given a first-phase result or a funding decision, then the matching mail follows the status', () => {
    const s = proposal();
    const closed = {
      kind: 'phase_closed',
      phase: 'first',
      advanced: false,
      rank: 9,
      score: 61,
    } as const;
    expect(a.announced(s, closed)[1]).toEqual({
      kind: 'mail',
      step: 'phase-first',
      template: 'not_shortlisted',
      context: { score: 61, rank: 9 },
    });
    const funding = { kind: 'funding', selected: true, awardFen: 100_000, reason: '' } as const;
    expect(a.announced(s, funding)[1]).toMatchObject({ step: 'funding-yes', template: 'selected' });
    expect(a.announced(s, { kind: 'publicity_closed' })).toEqual([
      { kind: 'status', status: 'submitted' },
    ]);
  });
});
