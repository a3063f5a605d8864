import { describe, expect, it } from '@jest/globals';
import { campaignProgress } from '../../api/routes/evaluation-campaigns';
import { applyPartyOrganizationRule } from '../../domain/evaluation/party-rule';
import {
  evaluationPolicySchema,
  DEFAULT_EVALUATION_POLICY as P,
} from '../../domain/evaluation/policy';
import type { ComplaintInput } from '../../workflows/evaluation/complaint-messages';
import * as complaint from '../../workflows/evaluation/complaint-state';
import {
  checkDisqualify,
  type FileState,
  initialFileState,
} from '../../workflows/evaluation/file-state';
import type { Actor, FileStatus } from '../../workflows/evaluation/messages';

const actor = (role: Actor['role'], id: string = role): Actor => ({ id, name: role, role });

describe('5A and the Party organisation (§4.5 rule 4)', () => {
  const on = { fiveARequiresPartyOrganization: true };
  it('given the default policy, then the rule is off and 5A stays 5A', () => {
    expect(P.fiveARequiresPartyOrganization).toBe(false);
    expect(applyPartyOrganizationRule(5, { partyOrganization: null }, P)).toEqual({
      level: 5,
      reason: null,
    });
  });

  it('given the rule on, then 5A without a recorded Party organisation becomes 4A with the reason', () => {
    for (const partyOrganization of [
      null,
      undefined,
      { present: false, recordedOn: '2026-01-05' },
    ]) {
      const d = applyPartyOrganizationRule(5, { partyOrganization }, on);
      expect(d.level).toBe(4);
      expect(d.reason).toContain('未建立党组织');
    }
    const ok = { partyOrganization: { present: true, recordedOn: '2026-01-05' } };
    expect(applyPartyOrganizationRule(5, ok, on)).toEqual({ level: 5, reason: null });
    expect(applyPartyOrganizationRule(4, { partyOrganization: null }, on).level).toBe(4);
  });

  it('given a rule set, then the flag and the complaint verification limit are settings', () => {
    const p = evaluationPolicySchema.parse({
      fiveARequiresPartyOrganization: true,
      limits: { complaintVerification: { amount: 5, unit: 'workingDays' } },
    });
    expect(p.fiveARequiresPartyOrganization).toBe(true);
    expect(p.limits.complaintVerification).toEqual({ amount: 5, unit: 'workingDays' });
    expect(P.limits.complaintVerification).toEqual({ amount: 10, unit: 'workingDays' });
  });
});

describe('disqualification (§4.2, ORG-IN-ROUND)', () => {
  const file = (status: FileStatus): FileState => ({
    ...initialFileState({
      fileId: 'f',
      campaignId: 'c',
      organizationId: 'o',
      appliedAt: 0,
      committeeIds: [],
      reviewCommitteeIds: [],
    }),
    status,
  });
  const args = (role: Actor['role'], ground = 'bad_social_effect' as const) => ({
    actor: actor(role),
    ground,
    reason: '理由',
  });

  it('given any status before confirmation, then the office (or the system on a ruling) may disqualify', () => {
    for (const st of [
      'assigned',
      'scored',
      'recommended_upward',
      'publicised',
      'review_requested',
    ] as const) {
      expect(checkDisqualify(file(st), args('administrator'))).toBeNull();
      expect(checkDisqualify(file(st), args('section_head'))).toBeNull();
      expect(checkDisqualify(file(st), args('system'))).toBeNull();
    }
  });

  it('given another role, confirmation or an end already reached, then it is refused with the reason', () => {
    expect(checkDisqualify(file('assigned'), args('agency'))?.type).toBe('Forbidden');
    expect(checkDisqualify(file('assigned'), args('applicant'))?.type).toBe('Forbidden');
    const confirmed = checkDisqualify(file('confirmed'), args('administrator'));
    expect(confirmed).toMatchObject({ type: 'IllegalTransition' });
    expect(confirmed?.message).toContain('评估等级已经确认');
    for (const st of ['ineligible', 'not_graded', 'disqualified'] as const)
      expect(checkDisqualify(file(st), args('administrator'))?.type).toBe('IllegalTransition');
    const noComplaint = checkDisqualify(file('scored'), {
      ...args('administrator'),
      ground: 'complaint_upheld',
    });
    expect(noComplaint?.type).toBe('InvalidInput');
  });

  it('given a disqualified file, then the campaign no longer counts its score or level', () => {
    const p = campaignProgress([
      { status: 'disqualified', finalScore: 870, decidedLevel: 3, reviewRequestedAt: null },
      { status: 'publicised', finalScore: 900, decidedLevel: 3, reviewRequestedAt: null },
    ]);
    expect(p).toMatchObject({ applied: 2, scored: 1, decided: 1, disqualified: 1 });
  });
});

describe('complaint checks (§4.3 COMPLAINT, §4.5 rules 7–8)', () => {
  const input: ComplaintInput = {
    complaintId: 'k',
    organizationId: 'o',
    subject: { type: 'file', fileId: 'f' },
    complainant: actor('applicant', 'someone'),
    reviewCommitteeIds: ['r1', 'r2', 'r3'],
    filedAt: 0,
  };
  const state = (status: complaint.ComplaintState['status']) => ({
    ...complaint.initialComplaintState(input),
    status,
  });

  it('given a filed complaint, then only the office verifies or closes the vote, and only once', () => {
    expect(complaint.checkVerify(state('filed'), actor('section_head'))).toBeNull();
    expect(complaint.checkVerify(state('filed'), actor('agency'))?.type).toBe('Forbidden');
    expect(complaint.checkVerify(state('verified'), actor('administrator'))?.type).toBe(
      'IllegalTransition',
    );
    expect(complaint.checkCloseVote(state('filed'), actor('administrator'))?.type).toBe(
      'IllegalTransition',
    );
  });

  it('given a verified complaint, then only review-committee members vote, once each', () => {
    const s = state('verified');
    expect(complaint.checkVote(s, actor('committee_member', 'r1'))).toBeNull();
    expect(complaint.checkVote(s, actor('committee_member', 'x'))?.type).toBe('Forbidden');
    s.votes.push({ memberId: 'r1', approve: true });
    expect(complaint.checkVote(s, actor('committee_member', 'r1'))?.message).toContain(
      '已经投过票',
    );
    expect(complaint.checkVote(state('filed'), actor('committee_member', 'r2'))?.type).toBe(
      'IllegalTransition',
    );
  });
});
