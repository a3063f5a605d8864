import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../domain/actor';
import { DEFAULT_EVALUATION_POLICY as P } from '../../domain/evaluation/policy';
import type { FileEffect } from '../../workflows/evaluation/effects';
import * as c from '../../workflows/evaluation/file-state';
import * as t from '../../workflows/evaluation/file-transitions';

/**
 * An evaluation file's transitions as pure functions (state in, effects out), without Temporal:
 * one describe block per step of §4.3 ORG-IN-ROUND, in the order a file goes through them.
 */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const office: Actor = { id: 'office', name: '周办公室', role: 'section_head' };
const expert = (id: string): Actor => ({ id, name: `专家${id}`, role: 'evaluator' });
const member = (id: string): Actor => ({ id, name: `委员${id}`, role: 'committee_member' });
const applicant: Actor = { id: 'u', name: '张申报', role: 'applicant', organizationId: 'o' };
const committee = ['m1', 'm2', 'm3', 'm4', 'm5'];

function opened(): c.FileState {
  const s = c.initialFileState({
    fileId: 'f',
    campaignId: 'c',
    organizationId: 'o',
    appliedAt: NOW,
    committeeIds: committee,
    reviewCommitteeIds: ['r1', 'r2', 'r3'],
  });
  t.rulesLoaded(s, { ref: { version: 'v1' }, policy: P, calendar: { years: {} } }, 'social_group');
  return s;
}

const panel = (n: number) => ({
  agencyId: 'agency',
  evaluators: Array.from({ length: n }, (_, i) => ({ id: `e${i + 1}`, name: `专家${i + 1}` })),
  blocked: [{ id: 'x', reason: '近两年曾在该组织任职' }],
});

/** A file whose full panel has declared no conflict. */
function seatedAndCleared(): c.FileState {
  const s = opened();
  t.eligibilityDecided(s, { eligible: true, basis: 'first' } as never);
  t.seated(s, t.SYSTEM, panel(P.experts.perFile), { step: 'assigned' });
  for (const e of c.activeSeats(s)) t.conflictDeclared(s, expert(e.id), false, undefined);
  return s;
}

const sheet = { scores: {}, bonus: 0 };
const kinds = (effects: FileEffect[]) => effects.map((e) => e.kind);
const record = (e: FileEffect | undefined) => (e?.kind === 'record' ? e : undefined);

describe('opening: eligibility and the expert group (§4.5 rule 1, §4.1)', () => {
  it('given an ineligible organisation, then the file ends with the reasons recorded and mailed', () => {
    const s = opened();
    const effects = t.eligibilityDecided(s, { eligible: false, reasons: ['未参加年检'] });
    expect(s.status).toBe('ineligible');
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'record',
        patch: { status: 'ineligible', ineligibleReason: '未参加年检' },
      }),
      expect.objectContaining({ kind: 'mail', step: 'ineligible', template: 'ineligible' }),
    ]);
    expect(record(effects[0])?.audit).toMatchObject({
      seq: 1,
      actor: t.SYSTEM,
      fromStatus: 'applied',
    });
  });

  it('given the experts the system found, then they are seated, the blocked named as evidence and the seated mailed', () => {
    const s = opened();
    const effects = t.seated(s, t.SYSTEM, panel(2), { step: 'assigned' });
    expect(s.status).toBe('assigned');
    expect(s.agencyId).toBe('agency');
    expect(record(effects[0])?.audit.details).toEqual({
      evaluators: ['e1', 'e2'],
      blocked: panel(2).blocked,
    });
    expect(effects[1]).toMatchObject({ step: 'assigned-1', to: { accountIds: ['e1', 'e2'] } });
  });

  it('given fewer free experts than the policy asks, then the office is told once; whole again, it is recorded', () => {
    const s = opened();
    t.seated(s, t.SYSTEM, panel(P.experts.perFile - 1), { step: 'assigned' });
    const short = t.panelChecked(s);
    expect(s.panelShortBy).toBe(1);
    expect(kinds(short)).toEqual(['record', 'mail']);
    expect(short[1]).toMatchObject({ template: 'panel_incomplete', to: { office: true } });
    expect(t.panelChecked(s)).toEqual([]);
    t.seated(s, office, panel(1), { step: 'office-seat', chosen: ['e9'] });
    const whole = t.panelChecked(s);
    expect(record(whole[0])?.audit.action).toBe('panel_complete');
    expect(whole).toHaveLength(1);
  });
});

describe('declarations, recusal and sheets (§4.5 rules 5 and 6)', () => {
  it('given a conflict declared, then the seat is conflicted, the declaration recorded before the audit', () => {
    const s = opened();
    t.seated(s, t.SYSTEM, panel(P.experts.perFile), { step: 'assigned' });
    const effects = t.conflictDeclared(s, expert('e1'), true, '曾任理事');
    expect(s.evaluators[0]?.status).toBe('conflicted');
    expect(effects[0]).toEqual({
      kind: 'assignment',
      evaluatorId: 'e1',
      status: 'conflicted',
      note: '曾任理事',
    });
    expect(record(effects[1])?.audit).toMatchObject({
      action: 'conflict_declared',
      reason: '曾任理事',
    });
  });

  it('given the organisation asks for a recusal (either name of its organisation), then it is checked and granted', () => {
    const s = opened();
    t.seated(s, t.SYSTEM, panel(P.experts.perFile), { step: 'assigned' });
    expect(c.checkRecusal(s, applicant, 'e2')).toBeNull();
    // Evaluation histories recorded before the one Actor carry the organisation as `org`.
    const before = { id: 'u', name: '张申报', role: 'applicant', org: 'o' } as Actor;
    expect(c.checkRecusal(s, before, 'e2')).toBeNull();
    expect(c.checkRecusal(s, { ...applicant, organizationId: 'other' }, 'e2')?.type).toBe(
      'Forbidden',
    );
    t.recused(s, applicant, 'e2', '利害关系');
    expect(s.evaluators[1]?.status).toBe('recused');
  });

  it('given every seated expert submitted, then the file is scored by the policy and the committee asked', () => {
    const s = seatedAndCleared();
    const seats = c.activeSeats(s);
    for (const e of seats.slice(0, -1)) {
      expect(kinds(t.sheetSubmitted(s, expert(e.id), sheet))).toEqual(['sheet', 'record']);
      expect(t.scoreIfComplete(s, () => true)).toEqual([]);
    }
    t.sheetSubmitted(s, expert(seats[seats.length - 1]?.id ?? ''), sheet);
    const effects = t.scoreIfComplete(s, () => true);
    expect(s.status).toBe('scored');
    expect(s.score?.value).toBe(0);
    expect(effects[1]).toMatchObject({
      template: 'committee_pending',
      to: { accountIds: committee },
    });
  });

  it('given a short panel, then it is not scored under the full-panel rule, and is without it (older files)', () => {
    const s = seatedAndCleared();
    s.evaluators[0]!.status = 'recused';
    for (const e of c.activeSeats(s)) t.sheetSubmitted(s, expert(e.id), sheet);
    let asked = 0;
    expect(t.scoreIfComplete(s, () => ++asked > 0)).toEqual([]);
    expect(asked).toBe(1);
    expect(kinds(t.scoreIfComplete(s, () => false))).toEqual(['record', 'mail']);
  });
});

describe('the committee (§4.5 rule 7)', () => {
  const scored = (score: number) => {
    const s = seatedAndCleared();
    s.status = 'scored';
    s.score = { value: score, spread: 0, flagged: false, method: 'mean', used: [] };
    return s;
  };

  it('given too few votes, then a new round opens and nothing is decided', () => {
    const s = scored(900);
    t.voted(s, member('m1'), true, 'committee');
    const r = t.committeeTallied(s, office);
    expect('effects' in r && record(r.effects[0])?.audit.action).toBe('committee_quorum_failed');
    expect(s.committee).toMatchObject({ round: 2, votes: [] });
  });

  it('given a majority, then the level of the day is publicised at the district with its announcement', () => {
    const s = scored(860);
    for (const id of committee) t.voted(s, member(id), true, 'committee');
    const r = t.committeeTallied(s, office);
    if (!('tally' in r)) throw new Error('expected a decision');
    const level = t.levelOnDecision(s, { ref: { version: 'v2' }, policy: P });
    expect(level).toBe(3);
    const effects = t.committeeDecided(s, office, r.tally, level, null, NOW);
    expect(kinds(effects)).toEqual(['record', 'announce', 'mail']);
    expect(s).toMatchObject({
      status: 'publicised',
      decidedLevel: 3,
      awardingLevel: 'district',
      ruleVersion: 'v2',
    });
    expect(effects[1]).toMatchObject({ key: 'evaluation-publicity:f', at: NOW });
  });

  it('given 5A without a Party organisation under the rule, then 4A is recommended upward with the reason', () => {
    const s = scored(960);
    for (const id of committee) t.voted(s, member(id), true, 'committee');
    const r = t.committeeTallied(s, office) as { tally: never };
    const effects = t.committeeDecided(
      s,
      office,
      r.tally,
      5,
      { level: 4, reason: '未建立党组织' },
      NOW,
    );
    expect(s).toMatchObject({
      status: 'recommended_upward',
      proposedLevel: 4,
      levelNote: '未建立党组织',
    });
    expect(effects[1]).toMatchObject({ template: 'recommended_upward', context: { level: 4 } });
  });
});

describe('publicity, review and confirmation (§4.5 rules 3 and 9)', () => {
  const publicised = () => {
    const s = seatedAndCleared();
    t.publicised(s, office, 3, 'district', {}, NOW);
    return s;
  };

  it('given the organisation asks for a review in publicity, then the review committee is asked', () => {
    const s = publicised();
    expect(c.checkRequestReview(s, applicant, NOW + 1)).toBeNull();
    const args = { kind: 'review' as const, reason: '得分偏低', requestedLevel: 4 };
    const effects = t.reviewRequested(s, applicant, args, NOW);
    expect(s.status).toBe('review_requested');
    expect(effects[1]).toMatchObject({
      template: 'review_pending',
      to: { accountIds: ['r1', 'r2', 'r3'] },
    });
  });

  it('given an upheld review within the authority patch, then it is decided as a first decision; without it, granted as asked', () => {
    const upheld = () => {
      const s = publicised();
      t.reviewRequested(s, applicant, { kind: 'review', reason: '', requestedLevel: 4 }, NOW);
      for (const id of ['r1', 'r2', 'r3']) t.voted(s, member(id), true, 'review');
      return s;
    };
    const s = upheld();
    const r = t.reviewTallied(s, office, NOW, () => true);
    if (!('upheld' in r)) throw new Error('expected an upheld review');
    t.reviewUpheld(s, office, r.upheld, null);
    expect(s).toMatchObject({ status: 'recommended_upward', proposedLevel: 4, decidedLevel: null });
    const old = upheld();
    const o = t.reviewTallied(old, office, NOW, () => false);
    expect('effects' in o && record(o.effects[0])?.audit.action).toBe('review_upheld');
    expect(old).toMatchObject({ status: 'publicised', decidedLevel: 4 });
  });

  it('given the awarded grade, then the file is confirmed, announced and the certificate attached', () => {
    const s = publicised();
    const effects = t.confirmed(
      s,
      { gradeId: 'g', certificateFileId: 'cert' },
      { level: 3, expiresOn: '2031-11-30' },
      NOW,
    );
    expect(s).toMatchObject({ status: 'confirmed', gradeId: 'g', certificateFileId: 'cert' });
    expect(effects[2]).toMatchObject({ template: 'grade_confirmed', attachmentFileIds: ['cert'] });
  });

  it('given a disqualification in publicity, then the score is void and the publicity withdrawn', () => {
    const s = publicised();
    s.score = { value: 870, spread: 0, flagged: false, method: 'mean', used: [] };
    const args = { actor: office, ground: 'bad_social_effect' as const, reason: '造假' };
    expect(c.checkDisqualify(s, args)).toBeNull();
    const effects = t.disqualified(s, args, NOW);
    expect(kinds(effects)).toEqual(['record', 'announce', 'mail']);
    expect(s.disqualification).toMatchObject({ cancelledScore: 870, by: office.name });
    expect(t.disqualified(seatedAndCleared(), args, NOW).map((e) => e.kind)).toEqual([
      'record',
      'mail',
    ]);
  });
});
