import { z } from 'zod';
import { ZDay, ZInstant, ZOffers, ZPage } from './common';

/**
 * Answers of the evaluation's oversight routes: complaints (举报), the public results and the
 * grades' life (api/routes/evaluation-complaints.ts, evaluation-public.ts, evaluation-grades.ts).
 */

export const ZTally = z.object({
  members: z.number().int(),
  present: z.number().int(),
  approvals: z.number().int(),
  quorum: z.boolean(),
  approved: z.boolean(),
});

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
export const ZComplaintList = ZPage(ZComplaintSummary);

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

/** The grade as its page reads it: the view and the decisions open to the reader now. */
export const ZGradeDetail = ZGradeView.extend(ZOffers);

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

export type ComplaintSummary = z.infer<typeof ZComplaintSummary>;
export type PublicResults = z.infer<typeof ZPublicResults>;
export type Tally = z.infer<typeof ZTally>;
export type ComplaintView = z.infer<typeof ZComplaintView>;
export type ComplaintDetail = z.infer<typeof ZComplaintDetail>;
export type GradeStatusView = z.infer<typeof ZGradeDetail>;
