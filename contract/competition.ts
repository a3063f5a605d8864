import { z } from 'zod';
import { PHASES, PROPOSAL_STATUSES, ROUND_STAGES } from '../domain/competition/stages';
import { ZDay, ZInstant, ZJson, ZLookup, ZOffers, ZPage } from './common';

/** Answers of the competition routes (api/routes/competition-*.ts). */

const ZStage = z.enum(ROUND_STAGES);
const ZPhase = z.enum(PHASES);
const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
const ZTemporalUrl = { temporalUrl: z.string().optional() };

export const ZRoundSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  stage: ZStage,
  budgetFen: z.number(),
  callOpensAt: ZInstant,
  callClosesAt: ZInstant,
});
export const ZRoundList = ZPage(ZRoundSummary);
export const ZRoundLookup = ZLookup(z.object({ id: z.uuid(), title: z.string(), stage: ZStage }));

export const ZRoundCreated = z.object({ id: z.uuid(), ruleVersion: z.string(), settings: ZJson });

/** The round workflow's status (workflows/competition/messages.ts RoundView). */
export const ZRoundView = z.object({
  roundId: z.string(),
  title: z.string(),
  stage: ZStage,
  proposals: z.number().int(),
  callOpensAt: z.string(),
  callClosesAt: z.string(),
  publicityEndsAt: z.string().nullable(),
  pendingObjections: z.number().int(),
  newsPending: z.number().int().optional(),
  summary: z.record(z.string(), ZJson),
});

export const ZRoundDetail = ZRoundView.partial().extend({
  id: z.uuid(),
  title: z.string(),
  stage: ZStage,
  proposals: z.number().int(),
  settings: ZJson,
  ruleVersion: z.string(),
  ...ZOffers,
  ...ZTemporalUrl,
});

export const ZConflictsDeclared = z.object({ declared: z.number().int() });

export const ZCommunityRecord = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  organizationStatus: z.string().nullable(),
  recordNo: z.string(),
  recordedOn: ZDay,
  recordedBy: z.string(),
});
export const ZCommunityRecords = z.array(ZCommunityRecord);
export const ZCommunityRecordCreated = z.object({ organizationId: z.uuid(), recordNo: z.string() });

export const ZRoundFigures = z.object({
  proposalsByStatus: z.record(z.string(), z.number().int()),
  judges: z.array(
    z.object({
      phase: z.string(),
      judgeId: z.string(),
      count: z.number().int(),
      mean: z.number(),
      sd: z.number(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
  funds: z.object({
    budgetFen: z.number(),
    committedFen: z.number(),
    paidFen: z.number(),
    budget: z.string(),
    committed: z.string(),
    paid: z.string(),
    uncommitted: z.string(),
  }),
});

export const ZRoundResults = z.array(
  z.object({
    proposalId: z.uuid(),
    phase: ZPhase,
    roundId: z.uuid(),
    rank: z.number().int(),
    judges: z.number().int(),
    method: z.string(),
    rawMean: z.number(),
    trimmedMean: z.number(),
    normalised: z.number(),
    score: z.number(),
    outliers: z.number().int(),
    criterionMeans: ZJson,
    tieTrace: ZJson,
    /** The proposal's title, so that the ranking reads without the round's proposal list. */
    title: z.string(),
  }),
);

export const ZRoundApplicants = z.array(
  z.object({ id: z.uuid(), name: z.string(), creditCode: z.string().nullable() }),
);

/** Staff and applicants see these fields; a judge sees its assignment (phase, assignment). */
export const ZProposalRow = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.string(),
  status: ZProposalStatus.optional(),
  requestedFen: z.number().optional(),
  awardFen: z.number().nullable().optional(),
  recorded: z.boolean().optional(),
  midtermGrade: z.string().nullable().optional(),
  submittedAt: ZInstant.optional(),
  phase: ZPhase.optional(),
  assignment: z.enum(['assigned', 'declared_clear', 'conflicted', 'scored']).optional(),
});
export const ZProposalRows = ZPage(ZProposalRow);

export const ZPublicity = z.object({
  publicityEndsAt: ZInstant.nullable(),
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      category: z.string(),
      organizationName: z.string(),
      awardFen: z.number(),
      selected: z.boolean(),
      own: z.boolean(),
    }),
  ),
});

export const ZObjection = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  proposalTitle: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'upheld', 'dismissed']),
  filedAt: ZInstant,
  filedBy: z.string().optional(),
  decision: z.string().nullable(),
  decidedAt: ZInstant.nullable(),
});
export const ZObjections = z.array(ZObjection);
export const ZObjectionFiled = z.object({ objectionId: z.uuid() });

const ZActor = z.object({ id: z.string(), name: z.string(), role: z.string() }).loose();
export const ZTranche = z.object({
  n: z.number().int(),
  amountFen: z.number(),
  status: z.enum(['blocked', 'payable', 'ordered', 'paid', 'withheld']),
  orderedBy: ZActor.nullable(),
  confirmedBy: ZActor.nullable(),
});

/** The proposal workflow's status (workflows/competition/messages.ts ProposalView). */
export const ZProposalView = z.object({
  proposalId: z.string(),
  roundId: z.string(),
  status: ZProposalStatus,
  roundStage: ZStage,
  openPhase: ZPhase.nullable(),
  panels: z.record(ZPhase, z.array(z.string())),
  declarations: z.record(z.string(), z.enum(['clear', 'conflicted'])),
  scored: z.array(z.string()),
  awardFen: z.number().nullable(),
  publicityClosed: z.boolean(),
  midtermGrade: z.string().nullable(),
  tranches: z.array(ZTranche),
});

export const ZProposalSubmitted = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  status: z.literal('submitted'),
  capFen: z.number(),
  recorded: z.boolean(),
});

export const ZProposalDetail = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  title: z.string(),
  category: z.string(),
  requestedFen: z.number(),
  submittedAt: ZInstant,
  status: ZProposalStatus.optional(),
  organization: z
    .object({ id: z.uuid(), name: z.string(), creditCode: z.string().nullable() })
    .nullable()
    .optional(),
  /** The proposal as filed (domain/competition/proposal.ts), less what the caller may not see. */
  content: z.record(z.string(), ZJson),
  blind: z.boolean(),
  awardFen: z.number().nullable().optional(),
  qualificationNote: z.string().nullable().optional(),
  fundingReason: z.string().nullable().optional(),
  /** The funding decision (资助决定书), numbered once the funding list is final. */
  decision: z
    .object({
      /** The decision's seal (issue 15 point 11): the code as printed and the verification page. */
      seal: z.object({ code: z.string(), url: z.string() }).nullable(),
      decisionNo: z.string(),
      decidedAt: ZInstant,
      roundTitle: z.string(),
      categoryName: z.string(),
      awardFen: z.number(),
    })
    .nullable()
    .optional(),
  roundStage: ZStage.optional(),
  workflow: ZProposalView.nullable().optional(),
  evaluators: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
  ...ZTemporalUrl,
  ...ZOffers,
});

export const ZScoreDraft = z.object({
  draft: z
    .object({
      criteria: z.record(z.string(), z.number()),
      comment: z.string(),
      updatedAt: ZInstant,
    })
    .nullable(),
});

export type RoundSummary = z.infer<typeof ZRoundSummary>;
export type RoundFigures = z.infer<typeof ZRoundFigures>;
export type CommunityRecord = z.infer<typeof ZCommunityRecord>;
export type Publicity = z.infer<typeof ZPublicity>;
export type Objection = z.infer<typeof ZObjection>;
export type ProposalRow = z.infer<typeof ZProposalRow>;
