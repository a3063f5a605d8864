import { z } from 'zod';
import { DISQUALIFICATION_GROUNDS } from '../domain/evaluation/disqualification';
import { ZDay, ZIdOnly, ZInstant, ZItems, ZJson } from './common';

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

export const ZTally = z.object({
  members: z.number().int(),
  present: z.number().int(),
  approvals: z.number().int(),
  quorum: z.boolean(),
  approved: z.boolean(),
});

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
export const ZFileList = ZItems(ZFileSummary);

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
export const ZCampaignList = ZItems(ZCampaign);

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

export const ZOfficeTasks = ZItems(
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

// ── complaints (举报) ──

const ZComplaintStatus = z.enum(['filed', 'verified', 'dismissed', 'upheld', 'rejected']);
const ZComplaintMeasure = z.enum(['file_disqualified', 'grade_cancelled', 'none']);

export const ZComplaintSummary = z.object({
  id: z.uuid(),
  subjectType: z.enum(['file', 'grade']),
  fileId: z.string().nullable(),
  gradeId: z.string().nullable(),
  organizationId: z.uuid(),
  content: z.string(),
  status: ZComplaintStatus,
  filedAt: ZInstant,
  upheld: z.boolean().nullable(),
  measure: ZComplaintMeasure.nullable(),
  channel: z.enum(['account', 'public']),
  complainantId: z.string().nullable().optional(),
  contact: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable()
    .optional(),
  // What complaintExtras adds to a listed or opened complaint.
  organizationName: z.string().nullable().optional(),
  fileNo: z.string().nullable().optional(),
  verificationDueAt: ZInstant.nullable().optional(),
  overdue: z.boolean().optional(),
  round: z.number().int().optional(),
  awaitingMyVote: z.boolean().optional(),
});
export const ZComplaintList = ZItems(ZComplaintSummary);

/** The complaint workflow's view (workflows/evaluation/complaint-messages.ts). */
export const ZComplaintView = z
  .object({
    status: ZComplaintStatus,
    verificationDueAt: z.string().nullable(),
    overdue: z.boolean(),
    verification: z
      .object({ by: z.string(), at: z.string(), note: z.string().nullable() })
      .loose()
      .nullable(),
    dismissal: z.object({ by: z.string(), at: z.string(), reason: z.string() }).loose().nullable(),
    committee: z
      .object({
        members: z.number().int(),
        round: z.number().int(),
        votes: z.number().int(),
        lastTally: ZTally.nullable(),
      })
      .loose(),
    ruling: z
      .object({
        at: z.string(),
        upheld: z.boolean(),
        tally: ZTally,
        measure: ZComplaintMeasure.nullable(),
      })
      .loose()
      .nullable(),
  })
  .loose();

export const ZComplaintDetail = ZComplaintSummary.extend({
  view: ZComplaintView.nullable(),
  votes: z.array(
    z
      .object({
        round: z.number().int(),
        memberId: z.string(),
        memberName: z.string(),
        approve: z.boolean(),
        votedAt: ZInstant,
      })
      .loose(),
  ),
});

export const ZPublicComplaintFiled = z.object({
  id: z.uuid(),
  status: ZComplaintStatus,
  filedAt: ZInstant,
  message: z.string(),
});

export const ZPublicResults = z.object({
  publicity: z.array(
    z.object({
      fileId: z.uuid(),
      organizationId: z.uuid(),
      organizationName: z.string().nullable(),
      campaignTitle: z.string(),
      level: z.number().int().nullable(),
    }),
  ),
  grades: z.array(
    z.object({
      organizationId: z.uuid(),
      organizationName: z.string().nullable(),
      level: z.number().int(),
      awardingLevel: z.string(),
      awardedOn: ZDay,
      expiresOn: ZDay,
    }),
  ),
});

// ── grades ──

/** The grade workflow's view (workflows/evaluation/messages.ts GradeView). */
export const ZGradeView = z
  .object({
    organizationId: z.string(),
    grade: z
      .object({
        id: z.string(),
        level: z.number().int(),
        awardedOn: z.string(),
        expiresOn: z.string(),
        hasCertificate: z.boolean(),
      })
      .loose()
      .nullable(),
    status: z.enum(['active', 'downgraded', 'cancelled', 'expired']),
    certificateDue: z.object({ gradeId: z.string(), at: z.string() }).nullable(),
    certificateVoided: z.boolean(),
  })
  .loose();

export const ZEvaluationFigures = z
  .object({
    dueForEvaluation: z.number().int(),
    withValidGrade: z.number().int(),
    gradedShare: z.number().nullable(),
    target: z.number(),
    meetsTarget: z.boolean(),
    byLevel: z.record(z.string(), z.number().int()),
    expiringWithin12Months: z.number().int(),
    campaign: z
      .object({
        id: z.uuid(),
        year: z.number().int(),
        progress: z.record(z.string(), z.number()),
      })
      .nullable(),
  })
  .loose();

export type FileView = z.infer<typeof ZFileView>;
export type FileSummary = z.infer<typeof ZFileSummary>;
export type FileDetail = z.infer<typeof ZFileDetail>;
export type Campaign = z.infer<typeof ZCampaign>;
export type ComplaintSummary = z.infer<typeof ZComplaintSummary>;
export type PublicResults = z.infer<typeof ZPublicResults>;
export type OfficeTask = z.infer<typeof ZOfficeTasks>['items'][number];
export type Tally = z.infer<typeof ZTally>;
export type CampaignStage = z.infer<typeof ZCampaignStage>;
export type ExpertCandidate = z.infer<typeof ZExpertCandidate>;
export type ComplaintView = z.infer<typeof ZComplaintView>;
export type ComplaintDetail = z.infer<typeof ZComplaintDetail>;
export type GradeStatusView = z.infer<typeof ZGradeView>;
export type Disqualification = z.infer<typeof ZDisqualification>;
export type ReviewRequest = z.infer<typeof ZReviewRequest>;
