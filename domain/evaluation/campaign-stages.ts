/**
 * A campaign's phases as DOMAIN §4.3 ROUND names them (NOTICE_PUBLISHED → APPLICATION_WINDOW →
 * ELIGIBILITY_CHECK → FIELD_ASSESSMENT → COMMITTEE_DECISION → PUBLICITY → CLOSED), with their
 * dates. Files move on their own, so each phase after the window spans its files: it starts
 * with the first file that reaches it and ends when no file is left in it or before it.
 */

export const CAMPAIGN_STAGES = [
  'notice_published',
  'application_window',
  'eligibility_check',
  'field_assessment',
  'committee_decision',
  'publicity',
  'closed',
] as const;
export type CampaignStageKey = (typeof CAMPAIGN_STAGES)[number];

export const CAMPAIGN_STAGE_LABEL: Record<CampaignStageKey, string> = {
  notice_published: '发布评估公告',
  application_window: '申报',
  eligibility_check: '资格审查与组建专家组',
  field_assessment: '实地评估与评分',
  committee_decision: '评估委员会评定',
  publicity: '评估结果公示',
  closed: '评估结束',
};

export interface CampaignStage {
  key: CampaignStageKey;
  label: string;
  state: 'done' | 'current' | 'pending';
  startedAt: string | null;
  endedAt: string | null;
}

/** First and last time a kind of file event happened in the campaign. */
export interface Span {
  first: string;
  last: string;
}

export interface CampaignStageFacts {
  /** The campaign workflow's own phase. */
  phase: 'notice' | 'application_window' | 'assessment' | 'closed' | string;
  noticeAt: string;
  windowOpensAt: string;
  windowClosesAt: string;
  applicationsClosedAt: string | null;
  closedAt: string | null;
  /** The campaign's files by status. */
  statuses: Record<string, number>;
  /** Files opened (eligibility and panel), scored, decided by the committee, publicised. */
  events: { opened?: Span; scored?: Span; decided?: Span; publicised?: Span };
  /** The latest end of a file's publicity. */
  lastPublicityEndsAt: string | null;
}

/** Statuses of files still in or before each phase after the window. */
const WAITING: Record<
  'eligibility_check' | 'field_assessment' | 'committee_decision' | 'publicity',
  string[]
> = {
  eligibility_check: ['applied'],
  field_assessment: ['assigned'],
  committee_decision: ['scored', 'recommended_upward'],
  publicity: ['publicised', 'review_requested'],
};

export function campaignStages(f: CampaignStageFacts): CampaignStage[] {
  const past = f.phase === 'assessment' || f.phase === 'closed';
  const count = (statuses: string[]) => statuses.reduce((n, s) => n + (f.statuses[s] ?? 0), 0);
  const waitingUpTo = (key: keyof typeof WAITING) => {
    const keys = Object.keys(WAITING) as (keyof typeof WAITING)[];
    return count(keys.slice(0, keys.indexOf(key) + 1).flatMap((k) => WAITING[k]));
  };
  const closedApplications = f.applicationsClosedAt ?? f.windowClosesAt;
  const spans: Record<CampaignStageKey, [string | null, string | null, boolean]> = {
    notice_published: [
      f.noticeAt,
      f.phase === 'notice' ? null : f.windowOpensAt,
      f.phase !== 'notice',
    ],
    application_window: [
      f.phase === 'notice' ? null : f.windowOpensAt,
      past ? closedApplications : null,
      past,
    ],
    eligibility_check: after(
      past,
      waitingUpTo('eligibility_check'),
      closedApplications,
      f.events.opened?.last,
    ),
    field_assessment: after(
      past,
      waitingUpTo('field_assessment'),
      f.events.opened?.first,
      f.events.scored?.last,
    ),
    committee_decision: after(
      past,
      waitingUpTo('committee_decision'),
      f.events.decided?.first,
      f.events.decided?.last,
    ),
    publicity: after(
      past,
      waitingUpTo('publicity'),
      f.events.publicised?.first,
      f.lastPublicityEndsAt,
    ),
    closed: [f.closedAt, f.closedAt, f.phase === 'closed'],
  };
  let current = false;
  return CAMPAIGN_STAGES.map((key) => {
    const [startedAt, endedAt, done] = spans[key];
    const state = done && !current ? 'done' : current ? 'pending' : 'current';
    if (state === 'current') current = true;
    return {
      key,
      label: CAMPAIGN_STAGE_LABEL[key],
      state,
      startedAt,
      endedAt: state === 'done' ? endedAt : null,
    };
  });
}

/** A phase after the window: done once no file waits in it or before it. */
function after(
  past: boolean,
  waiting: number,
  first: string | undefined,
  last: string | null | undefined,
): [string | null, string | null, boolean] {
  if (!past) return [null, null, false];
  const done = waiting === 0;
  return [first ?? null, done ? (last ?? first ?? null) : null, done];
}
