import type { Db } from '../../lib/db';

const date = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface LowerGrade {
  id: string;
  level: number;
  awardedOn: string;
  expiresOn: string;
}

/**
 * §4.5 rule 9: one level down, same expiry; a 1A grade has no level below and simply ends.
 * A retry finds the lower grade it made (its previousId is the downgraded grade).
 */
export function makeDowngradeGrade(db: Db) {
  return async function downgradeGrade(input: {
    gradeId: string;
    reason: string;
    day: string;
  }): Promise<LowerGrade | null> {
    return db.$transaction(async (tx) => {
      const made = await tx.grade.findFirst({
        where: { previousId: input.gradeId, source: 'downgrade' },
      });
      const g = await tx.grade.findUniqueOrThrow({ where: { id: input.gradeId } });
      if (made)
        return {
          id: made.id,
          level: made.level,
          awardedOn: iso(made.awardedOn),
          expiresOn: iso(made.expiresOn),
        };
      if (g.status !== 'active') return null;
      await tx.grade.update({
        where: { id: g.id },
        data: {
          status: 'downgraded',
          activeFor: null,
          endedOn: date(input.day),
          endReason: input.reason,
        },
      });
      if (g.level <= 1) return null;
      const lower = await tx.grade.create({
        data: {
          organizationId: g.organizationId,
          level: g.level - 1,
          awardingLevel: g.awardingLevel,
          awardedOn: date(input.day),
          expiresOn: g.expiresOn,
          activeFor: g.organizationId,
          source: 'downgrade',
          sourceId: g.id,
          previousId: g.id,
        },
      });
      return {
        id: lower.id,
        level: lower.level,
        awardedOn: input.day,
        expiresOn: iso(lower.expiresOn),
      };
    });
  };
}

/** Cancellation (an administrator's decision) or expiry: the grade stops being active. */
export function makeEndGrade(db: Db) {
  return async function endGrade(input: {
    gradeId: string;
    status: 'cancelled' | 'expired';
    reason: string;
    day: string;
  }): Promise<void> {
    await db.grade.updateMany({
      where: { id: input.gradeId, status: 'active' },
      data: {
        status: input.status,
        activeFor: null,
        endedOn: date(input.day),
        endReason: input.reason,
      },
    });
  };
}
