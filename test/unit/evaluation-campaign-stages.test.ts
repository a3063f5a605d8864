import { describe, expect, it } from '@jest/globals';
import { campaignNotice } from '../../domain/evaluation/campaign-notice';
import { type CampaignStageFacts, campaignStages } from '../../domain/evaluation/campaign-stages';
import { DEFAULT_EVALUATION_POLICY } from '../../domain/evaluation/policy';

const facts = (over: Partial<CampaignStageFacts> = {}): CampaignStageFacts => ({
  phase: 'assessment',
  noticeAt: '2026-03-01T01:00:00.000Z',
  windowOpensAt: '2026-03-02T01:00:00.000Z',
  windowClosesAt: '2026-04-30T09:00:00.000Z',
  applicationsClosedAt: '2026-04-30T09:00:00.000Z',
  closedAt: null,
  statuses: {},
  events: {},
  lastPublicityEndsAt: null,
  ...over,
});
const states = (f: CampaignStageFacts) => campaignStages(f).map((s) => `${s.key}:${s.state}`);

describe('campaign phases (§4.3 ROUND)', () => {
  it('given the notice before the window, then the notice is the current phase', () => {
    expect(states(facts({ phase: 'notice' }))[0]).toBe('notice_published:current');
  });

  it('given files still under field assessment while others wait for the committee, then field assessment is current and the committee phase has started', () => {
    const s = campaignStages(
      facts({
        statuses: { assigned: 1, scored: 2, ineligible: 1 },
        events: {
          opened: { first: '2026-05-01T00:00:00.000Z', last: '2026-05-01T00:05:00.000Z' },
          scored: { first: '2026-05-20T00:00:00.000Z', last: '2026-05-21T00:00:00.000Z' },
          decided: { first: '2026-05-25T00:00:00.000Z', last: '2026-05-25T00:00:00.000Z' },
        },
      }),
    );
    expect(s.map((x) => x.state)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'pending',
      'pending',
      'pending',
    ]);
    expect(s[2]).toMatchObject({
      startedAt: '2026-04-30T09:00:00.000Z',
      endedAt: '2026-05-01T00:05:00.000Z',
    });
    expect(s[4]).toMatchObject({ startedAt: '2026-05-25T00:00:00.000Z', endedAt: null });
  });

  it('given every file through publicity and the campaign closed, then each phase is done with its dates', () => {
    const s = campaignStages(
      facts({
        phase: 'closed',
        closedAt: '2026-07-01T00:00:00.000Z',
        statuses: { confirmed: 3, not_graded: 1 },
        events: {
          opened: { first: '2026-05-01T00:00:00.000Z', last: '2026-05-01T00:05:00.000Z' },
          scored: { first: '2026-05-20T00:00:00.000Z', last: '2026-05-21T00:00:00.000Z' },
          decided: { first: '2026-05-25T00:00:00.000Z', last: '2026-06-02T00:00:00.000Z' },
          publicised: { first: '2026-05-25T00:00:00.000Z', last: '2026-06-02T00:00:00.000Z' },
        },
        lastPublicityEndsAt: '2026-06-09T00:00:00.000Z',
      }),
    );
    expect(s.every((x) => x.state === 'done' && x.startedAt && x.endedAt)).toBe(true);
    expect(s.find((x) => x.key === 'committee_decision')).toMatchObject({
      label: '评估委员会评定',
      startedAt: '2026-05-25T00:00:00.000Z',
      endedAt: '2026-06-02T00:00:00.000Z',
    });
    expect(s.find((x) => x.key === 'publicity')?.endedAt).toBe('2026-06-09T00:00:00.000Z');
  });
});

describe('the campaign notice (公告)', () => {
  it('given the default rules, then it states the window, the conditions, the district authority and the publicity', () => {
    const n = campaignNotice(
      {
        year: 2026,
        title: '2026年度钟楼区社会组织等级评估',
        windowOpensAt: Date.parse('2026-03-02T01:00:00Z'),
        windowClosesAt: Date.parse('2026-04-30T09:00:00Z'),
      },
      DEFAULT_EVALUATION_POLICY,
    );
    expect(n.title).toBe('关于开展2026年度钟楼区社会组织等级评估的公告');
    expect(n.body).toContain('2026年3月2日 09:00至2026年4月30日 17:00');
    expect(n.body).toContain('登记满2个完整年度');
    expect(n.body).toContain('本机关评定1A至3A等级；评估结果达到4A以上的，推荐上级民政部门评定');
    expect(n.body).toContain('评估结果公示7日');
  });
});
