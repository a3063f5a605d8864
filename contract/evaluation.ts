import { z } from 'zod';
import { DISQUALIFICATION_GROUNDS } from '../domain/evaluation/disqualification';
import { ZIdOnly, ZInstant, ZItems, ZJson, ZLookup, ZOffers, ZPage, ZSealLink } from './common';
import { ZTally } from './evaluation-oversight';

/**
 * Answers of the evaluation routes (api/routes/evaluation-*.ts). The workflows' views and the
 * larger records are declared with the fields the pages read and may carry more (`.loose()`).
 */

export const FILE_STATUSES = [
  'applied',
  'ineligible',
  'assigned',
  'scored',
  'recommended_upward',
  'publicised',
  'review_requested',
  'confirmed',
  'not_graded',
  'disqualified',
] as const;
const ZFileStatus = z.enum(FILE_STATUSES);
const ZTemporalUrl = { temporalUrl: z.string().optional() };

export const ZDisqualification = z
  .object({
    ground: z.enum(DISQUALIFICATION_GROUNDS),
    reason: z.string(),
    complaintId: z.string().nullable(),
    at: z.string(),
    by: z.string(),
    cancelledScore: z.number().nullable(),
  })
  .loose();

export const ZReviewRequest = z
  .object({
    kind: z.enum(['objection', 'review']),
    reason: z.string(),
    requestedLevel: z.number().int(),
    requestedAt: z.string(),
    round: z.number().int(),
    decidedAt: z.string().nullable(),
    upheld: z.boolean().nullable(),
    answerDueAt: z.string().nullable(),
    tally: ZTally.nullable(),
  })
  .loose();

/** The file workflow's view (workflows/evaluation/messages.ts FileView). */
export const ZFileView = z
  .object({
    fileId: z.string(),
    campaignId: z.string(),
    status: ZFileStatus,
    ruleVersion: z.string().nullable(),
    eligibility: z
      .object({ eligible: z.boolean(), basis: z.string().nullable(), reasons: z.array(z.string()) })
      .loose()
      .nullable(),
    evaluators: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          status: z.enum(['assigned', 'cleared', 'conflicted', 'recused']),
          total: z.number().nullable(),
        })
        .loose(),
    ),
    score: z
      .object({
        value: z.number(),
        spread: z.number(),
        flagged: z.boolean(),
        method: z.string(),
        used: z.array(z.number()),
      })
      .loose()
      .nullable(),
    proposedLevel: z.number().int().nullable(),
    committee: z
      .object({
        round: z.number().int(),
        votes: z.number().int(),
        lastTally: ZTally.nullable(),
        decidedAt: z.string().nullable(),
      })
      .loose(),
    decidedLevel: z.number().int().nullable(),
    awardingLevel: z.enum(['district', 'city', 'province']).nullable(),
    publicityEndsAt: z.string().nullable(),
    review: ZReviewRequest.nullable(),
    gradeId: z.string().nullable(),
    certificateFileId: z.string().nullable(),
    levelNote: z.string().nullable().optional(),
    disqualification: ZDisqualification.nullable().optional(),
    panelShortBy: z.number().int().optional(),
  })
  .loose();

export const ZFileSummary = z.object({
  id: z.uuid(),
  fileNo: z.string().nullable(),
  campaignId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string().nullable(),
  status: ZFileStatus,
  appliedAt: ZInstant,
  ineligibleReason: z.string().nullable(),
  finalScore: z.number().nullable(),
  proposedLevel: z.number().int().nullable(),
  decidedLevel: z.number().int().nullable(),
  flagged: z.boolean(),
  gradeId: z.string().nullable(),
  scoreCancelled: z.boolean(),
  disqualification: ZJson,
  panelShortBy: z.number().int(),
  awaitingMyVote: z.enum(['committee', 'review']).nullable().optional(),
  ...ZTemporalUrl,
});
export const ZFileList = ZPage(ZFileSummary);

export const ZTrailEntry = z.object({
  seq: z.number().int(),
  at: ZInstant,
  actor: z.object({ name: z.string(), role: z.string() }).loose(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), ZJson).nullable(),
});

export const ZNamedVote = z.object({
  body: z.enum(['committee', 'review']),
  round: z.number().int(),
  memberId: z.string(),
  memberName: z.string(),
  approve: z.boolean(),
  votedAt: ZInstant,
});

export const ZFileDetail = ZFileSummary.extend({
  view: ZFileView.nullable(),
  materials: z
    .object({
      selfScore: z.number(),
      selfAssessment: z.string(),
      evidenceFileIds: z.array(z.string()),
    })
    .nullable(),
  trail: z.array(ZTrailEntry.loose()),
  votes: z.array(ZNamedVote.loose()),
  /** The seal of the grade certificate (3A and above), for the grade decision's print view. */
  decisionSeal: ZSealLink.nullable(),
  ...ZOffers,
});

export const ZSheetSaved = z.object({
  status: z.literal('draft'),
  sheet: ZJson,
  indicators: ZJson,
});
export const ZSheetAnswer = z.object({
  /** The indicator tree (domain/evaluation/policy.ts IndicatorNode[]). */
  indicators: z.array(ZJson),
  bonusMax: z.number(),
  status: z.enum(['empty', 'draft', 'submitted']),
  sheet: ZJson,
  total: z.number().nullable(),
});

export const ZExpertCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  agencyName: z.string(),
  load: z.number().int(),
  conflict: z.string().nullable(),
});
export const ZExpertCandidates = z.object({
  panelShortBy: z.number().int(),
  required: z.number().int(),
  items: z.array(ZExpertCandidate.loose()),
});

export const ZCampaignStage = z.object({
  key: z.string(),
  label: z.string(),
  state: z.enum(['done', 'current', 'pending']),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

export const ZCampaign = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  phase: z.string(),
  noticeAt: ZInstant,
  windowOpensAt: ZInstant,
  windowClosesAt: ZInstant,
  applicationsClosedAt: ZInstant.nullable(),
  committeeSize: z.number().int(),
  reviewCommitteeSize: z.number().int(),
  committeeIds: z.array(z.string()).optional(),
  reviewCommitteeIds: z.array(z.string()).optional(),
  closedAt: ZInstant.nullable(),
  notice: z.object({ id: z.uuid(), title: z.string(), publishedAt: ZInstant }).nullable(),
  stages: z.array(ZCampaignStage.loose()),
  progress: z.record(z.string(), z.number()),
  ...ZTemporalUrl,
});
/** A campaign as its page reads it: with the decisions open to the reader now. */
export const ZCampaignDetail = ZCampaign.extend(ZOffers);
export const ZCampaignList = ZPage(ZCampaign);
export const ZCampaignLookup = ZLookup(
  z.object({ id: z.uuid(), title: z.string(), year: z.number().int() }),
);

export const ZApplied = z.object({
  id: z.uuid(),
  fileNo: z.string().nullable(),
  campaignId: z.uuid(),
  status: ZFileStatus,
  appliedAt: ZInstant,
});

export const ZEvaluationEligibility = z.object({
  eligible: z.boolean(),
  basis: z.string().nullable(),
  reasons: z.array(z.string()),
});
export const ZCompetitionEligibility = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  capFen: z.number(),
  organizationName: z.string(),
});

export const ZOfficeTasks = ZPage(
  z.object({
    kind: z.literal('panel_incomplete'),
    task: z.string(),
    fileId: z.uuid(),
    campaignId: z.uuid(),
    campaignTitle: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string().nullable(),
    missing: z.number().int(),
    since: ZInstant,
  }),
);

export const ZAgencies = ZItems(
  z.object({ id: z.uuid(), name: z.string(), experts: z.array(z.uuid()) }),
);
export const ZAgencyCreated = z.object({ id: z.uuid(), name: z.string() });
export const ZExpertJoined = z.object({ accountId: z.uuid(), agencyId: z.uuid() });
export const ZEmploymentRecorded = ZIdOnly;

export type FileView = z.infer<typeof ZFileView>;
export type FileSummary = z.infer<typeof ZFileSummary>;
export type FileDetail = z.infer<typeof ZFileDetail>;
export type Campaign = z.infer<typeof ZCampaign>;
export type CampaignDetail = z.infer<typeof ZCampaignDetail>;
export type OfficeTask = z.infer<typeof ZOfficeTasks>['items'][number];
export type CampaignStage = z.infer<typeof ZCampaignStage>;
export type ExpertCandidate = z.infer<typeof ZExpertCandidate>;
export type Disqualification = z.infer<typeof ZDisqualification>;
export type ReviewRequest = z.infer<typeof ZReviewRequest>;

// Complaints, public results and grades: contract/evaluation-oversight.ts.
export * from './evaluation-oversight';
