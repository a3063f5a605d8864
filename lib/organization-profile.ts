import { localDateOf } from '../domain/calendar';
import type { OrganizationProfile } from '../domain/organization/profile';
import type { Db } from './db';

/** A `@db.Date` column: stored as UTC midnight of the calendar day. */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
/** A timestamp column: the local (Beijing) calendar day of the instant. */
const localDay = (d: Date | null) => (d ? localDateOf(d.getTime()) : null);

/** The profile snapshot of one organisation, or null when there is none with this id. */
export async function loadOrganizationProfile(
  db: Db,
  organizationId: string,
): Promise<OrganizationProfile | null> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    include: {
      inspections: { orderBy: { year: 'asc' } },
      penalties: { orderBy: { decidedOn: 'asc' } },
      grades: { orderBy: { awardedOn: 'asc' } },
    },
  });
  if (!org) return null;
  return {
    id: org.id,
    name: org.name,
    status: org.status,
    legalForm: org.legalForm,
    category: org.category,
    creditCode: org.creditCode,
    registeredOn: localDay(org.registeredAt),
    inspections: org.inspections.map((i) => ({ year: i.year, result: i.result })),
    penalties: org.penalties.map((p) => ({
      decisionNo: p.decisionNo,
      kind: p.kind,
      decidedOn: day(p.decidedOn) as string,
      executedOn: day(p.executedOn),
    })),
    abnormalListedOn: localDay(org.abnormalListedAt),
    dishonestListedOn: localDay(org.dishonestListedAt),
    underInvestigationSince: localDay(org.underInvestigationSince),
    partyOrganization:
      org.hasPartyOrganization === null
        ? null
        : {
            present: org.hasPartyOrganization,
            recordedOn: localDay(org.partyOrgRecordedAt) ?? '',
          },
    budgetFundedStaffing: org.budgetFundedStaffing,
    grades: org.grades.map((g) => ({
      id: g.id,
      level: g.level,
      awardingLevel: g.awardingLevel,
      awardedOn: day(g.awardedOn) as string,
      expiresOn: day(g.expiresOn) as string,
      status: g.status,
      endedOn: day(g.endedOn),
      endReason: g.endReason,
    })),
  };
}
