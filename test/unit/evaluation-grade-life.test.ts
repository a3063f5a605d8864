import { describe, expect, it } from '@jest/globals';
import { DEFAULT_EVALUATION_POLICY as P } from '../../domain/evaluation/policy';
import * as campaign from '../../workflows/evaluation/campaign-rules';
import * as life from '../../workflows/evaluation/grade-rules';
import type { CampaignState, GradeView } from '../../workflows/evaluation/messages';

/** A grade's life and a campaign's phases as pure transitions (state in, effects out). */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const YEAR = 365 * 24 * 3_600_000;

function active(hasCertificate = true): GradeView {
  return {
    organizationId: 'o',
    grade: {
      id: 'g1',
      level: 4,
      awardedOn: '2025-12-01',
      expiresOn: '2030-11-30',
      expiresAt: NOW + YEAR,
      hasCertificate,
    },
    status: 'active',
    handledTriggers: [],
    reminded: false,
    certificateDue: null,
    certificateVoided: false,
  };
}

describe('the grade’s deadlines (§4.3 GRADE)', () => {
  it('given an active grade, then the reminder comes before the expiry', () => {
    expect(life.deadlines(active(), P).map((d) => d.key)).toEqual(['reminder', 'expiry']);
  });

  it('given the reminder time, then the organisation is reminded once', () => {
    const s = active();
    expect(life.fired(s, 'reminder', NOW)).toEqual([
      expect.objectContaining({ step: 'reminder-g1', template: 'grade_expiry_reminder' }),
    ]);
    expect(s.reminded).toBe(true);
    expect(life.deadlines(s, P).map((d) => d.key)).toEqual(['expiry']);
  });

  it('given the expiry, then the grade ends before the mail; too early, nothing happens', () => {
    const s = active();
    expect(life.fired(s, 'expiry', NOW)).toEqual([]);
    const effects = life.fired(s, 'expiry', NOW + YEAR);
    expect(effects.map((e) => e.kind)).toEqual(['endGrade', 'mail']);
    expect(s).toMatchObject({ status: 'expired', grade: null });
  });
});

describe('downgrade and cancellation (§4.5 rule 9)', () => {
  const trigger = { key: 'inspection:2026', reason: '年检不合格' } as never;

  it('given a trigger, then one level down, the certificate due back and the trigger handled', () => {
    const s = active();
    const g = s.grade!;
    const lower = { id: 'g2', level: 3, awardedOn: '2026-12-01', expiresOn: '2030-11-30' };
    const effects = life.downgraded(
      s,
      g,
      [trigger],
      lower,
      { policy: P, calendar: { years: {} } },
      NOW,
    );
    expect(s).toMatchObject({
      status: 'active',
      grade: { id: 'g2', level: 3, hasCertificate: false },
    });
    expect(s.handledTriggers).toEqual(['inspection:2026']);
    expect(s.certificateDue?.gradeId).toBe('g1');
    expect(effects[0]).toMatchObject({ template: 'grade_downgraded', context: { level: 3 } });
  });

  it('given the certificate not returned in time, then it is voided by announcement', () => {
    const s = active();
    s.certificateDue = { gradeId: 'g1', at: new Date(NOW).toISOString() };
    expect(life.fired(s, 'certificate', NOW).map((e) => e.kind)).toEqual(['announceVoid', 'mail']);
    expect(s).toMatchObject({ certificateDue: null, certificateVoided: true });
  });

  it('given a cancellation, then the grade ends with the reason', () => {
    const s = active();
    expect(life.cancelled(s, '举报成立', NOW)[0]).toMatchObject({
      kind: 'endGrade',
      gradeId: 'g1',
      status: 'cancelled',
      reason: '举报成立',
    });
    expect(s.grade).toBeNull();
  });
});

describe('campaign phases (§4.3 ROUND)', () => {
  const fresh = (): CampaignState => ({
    phase: 'application_window',
    startedAfter: null,
    filesStarted: 0,
    closedAt: null,
  });

  it('given the window closed early twice, then the second time changes nothing', () => {
    const s = fresh();
    expect(campaign.applicationsClosed(s, NOW)).toEqual([
      { kind: 'phase', phase: 'assessment', at: NOW },
    ]);
    expect(campaign.checkWindowOpen(s)?.type).toBe('IllegalTransition');
    expect(campaign.applicationsClosed(s, NOW)).toEqual([]);
  });

  it('given files still open, then the campaign does not close; once none, it does', () => {
    const s = fresh();
    s.phase = 'assessment';
    expect(campaign.campaignClosed(s, 2, NOW)).toMatchObject({ type: 'IllegalTransition' });
    expect(campaign.campaignClosed(s, 0, NOW)).toEqual([
      { kind: 'phase', phase: 'closed', at: NOW },
    ]);
    expect(s.closedAt).toBe(NOW);
  });
});
