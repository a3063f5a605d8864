import type { ScoreSheet } from '../../domain/evaluation/scoring';
import type { Db, Prisma } from '../../lib/db';

/** An evaluator's recusal declaration or removal, kept as evidence (DOMAIN §8 "Audit"). */
export function makeRecordAssignment(db: Db) {
  return async function recordAssignment(input: {
    fileId: string;
    evaluatorId: string;
    status: 'cleared' | 'conflicted' | 'recused';
    note: string | null;
    at: number;
  }): Promise<void> {
    await db.evaluationAssignment.update({
      where: { fileId_evaluatorId: { fileId: input.fileId, evaluatorId: input.evaluatorId } },
      data: { status: input.status, conflictNote: input.note, declaredAt: new Date(input.at) },
    });
  };
}

/** The submitted sheet, once: the workflow holds only its total. */
export function makeStoreSubmittedSheet(db: Db) {
  return async function storeSubmittedSheet(input: {
    fileId: string;
    evaluatorId: string;
    sheet: ScoreSheet;
    total: number;
    at: number;
  }): Promise<void> {
    const data = {
      scores: input.sheet as unknown as Prisma.InputJsonValue,
      total: input.total,
      status: 'submitted',
      submittedAt: new Date(input.at),
    };
    await db.evaluationScoreSheet.upsert({
      where: { fileId_evaluatorId: { fileId: input.fileId, evaluatorId: input.evaluatorId } },
      create: { fileId: input.fileId, evaluatorId: input.evaluatorId, ...data },
      update: data,
    });
  };
}

/** A named vote (记名表决) of the evaluation or review committee. */
export function makeRecordVote(db: Db) {
  return async function recordVote(input: {
    fileId: string;
    body: 'committee' | 'review';
    round: number;
    memberId: string;
    approve: boolean;
    at: number;
  }): Promise<void> {
    const key = {
      fileId: input.fileId,
      body: input.body,
      round: input.round,
      memberId: input.memberId,
    };
    // A retry keeps the first vote: one insert that skips a duplicate (an upsert with nothing to
    // update reads, inserts and reads again).
    await db.evaluationVote.createMany({
      data: [{ ...key, approve: input.approve, votedAt: new Date(input.at) }],
      skipDuplicates: true,
    });
  };
}
