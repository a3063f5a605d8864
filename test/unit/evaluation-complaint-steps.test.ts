import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../domain/actor';
import { DEFAULT_EVALUATION_POLICY as P } from '../../domain/evaluation/policy';
import {
  type ComplaintInput,
  PUBLIC_COMPLAINANT,
} from '../../workflows/evaluation/complaint-messages';
import * as c from '../../workflows/evaluation/complaint-state';
import * as step from '../../workflows/evaluation/complaint-steps';

/**
 * A complaint's transitions as pure functions (state in, effects out), without Temporal: one
 * describe block per step of §4.3 COMPLAINT.
 */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const office: Actor = { id: 'office', name: '周办公室', role: 'section_head' };
const member = (id: string): Actor => ({ id, name: `委员${id}`, role: 'committee_member' });
const signedIn: Actor = { id: 'acc', name: '李举报', role: 'applicant', organizationId: 'x' };

function filed(complainant: Actor = signedIn): c.ComplaintState {
  const input: ComplaintInput = {
    complaintId: 'k',
    organizationId: 'o',
    subject: { type: 'file', fileId: 'f' },
    complainant,
    reviewCommitteeIds: ['r1', 'r2', 'r3'],
    filedAt: NOW,
  };
  const s = c.initialComplaintState(input);
  step.opened(s, { ref: { version: 'v1' } as never, policy: P, calendar: { years: {} } });
  return s;
}

describe('filing (the rules of the filing date)', () => {
  it('given a complaint, then the verification limit runs from filing and the office is told', () => {
    const s = c.initialComplaintState(filed().input);
    const effects = step.opened(s, {
      ref: { version: 'v1' } as never,
      policy: P,
      calendar: { years: {} },
    });
    expect(s.ruleVersion).toBe('v1');
    expect(s.verificationDueAt).toBeGreaterThan(NOW);
    expect(effects.map((e) => e.kind)).toEqual(['record', 'mail']);
    expect(effects[0]).toMatchObject({
      audit: { seq: 1, actor: signedIn, action: 'complaint_filed' },
    });
    expect(effects[1]).toMatchObject({
      template: 'complaint_filed',
      to: { office: true },
      context: { subject: '的评估申请' },
    });
  });

  it('given the limit passed unverified, then the office is reminded and the complaint marked overdue', () => {
    const s = filed();
    const effects = step.remindOverdue(s, NOW);
    expect(s.overdue).toBe(true);
    expect(effects[1]).toMatchObject({ step: 'overdue', template: 'complaint_overdue' });
  });
});

describe('verification or dismissal (the office)', () => {
  it('given the office verifies, then the committee and the organisation are told', () => {
    const s = filed();
    expect(step.verify.check(s, { actor: office }, NOW)).toBeNull();
    const effects = step.verify.apply(s, { actor: office, note: '属实' }, NOW);
    expect(s.verification).toEqual({ by: office.name, at: NOW, note: '属实' });
    expect(effects.slice(1)).toEqual([
      expect.objectContaining({
        step: 'verified-committee',
        to: { accountIds: ['r1', 'r2', 'r3'] },
      }),
      expect.objectContaining({ step: 'verified-organization', to: { organization: true } }),
    ]);
    expect(step.dismiss.check(s, { actor: office, reason: '' }, NOW)?.type).toBe(
      'IllegalTransition',
    );
  });

  it('given a dismissal, then a signed-in complainant is mailed at the account, a public one at the address the form left', () => {
    const s = filed();
    const [, mail] = step.dismiss.apply(s, { actor: office, reason: '查无实据' }, NOW);
    expect(mail).toMatchObject({ to: { accountIds: ['acc'] }, context: { reason: '查无实据' } });
    const pub = filed(PUBLIC_COMPLAINANT);
    const [, mailPublic] = step.dismiss.apply(pub, { actor: office, reason: '查无实据' }, NOW);
    expect(mailPublic).toMatchObject({ to: { complainantOf: 'k' } });
  });
});

describe('the review committee’s ruling (§4.5 rule 7) and its measure', () => {
  const verified = () => {
    const s = filed();
    step.verify.apply(s, { actor: office }, NOW);
    return s;
  };

  it('given one vote of three, then there is no quorum and a new round opens', () => {
    const s = verified();
    expect(step.vote.apply(s, { actor: member('r1'), approve: true }, NOW)[0]).toEqual({
      kind: 'complaintVote',
      round: 1,
      memberId: 'r1',
      approve: true,
    });
    const effects = step.closeVote.apply(s, { actor: office }, NOW);
    expect(s).toMatchObject({ round: 2, votes: [], status: 'verified' });
    expect(effects).toHaveLength(1);
  });

  it('given a majority against, then the complaint is rejected and both parties told at once', () => {
    const s = verified();
    for (const id of ['r1', 'r2', 'r3'])
      step.vote.apply(s, { actor: member(id), approve: false }, NOW);
    const effects = step.closeVote.apply(s, { actor: office }, NOW);
    expect(s.status).toBe('rejected');
    expect(effects[1]).toMatchObject({
      template: 'complaint_ruled',
      context: { upheld: false, measure: '' },
    });
  });

  it('given it upheld, then the parties hear only once the measure is applied', () => {
    const s = verified();
    for (const id of ['r1', 'r2', 'r3'])
      step.vote.apply(s, { actor: member(id), approve: true }, NOW);
    expect(step.closeVote.apply(s, { actor: office }, NOW)).toHaveLength(1);
    expect(s.status).toBe('upheld');
    const effects = step.measureApplied(s, 'file_disqualified');
    expect(s.ruling?.measure).toBe('file_disqualified');
    expect(effects[0]).toMatchObject({ audit: { actor: step.REVIEW_COMMITTEE } });
    expect(effects[1]).toMatchObject({
      to: { organization: true, accountIds: ['acc'] },
      context: { upheld: true, measure: expect.stringContaining('取消') },
    });
  });
});
