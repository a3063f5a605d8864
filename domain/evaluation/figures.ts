import { addCalendarMonths } from '../calendar';
import { registeredFullYears } from './registered-years';

export interface FigureOrganization {
  id: string;
  registeredOn: string | null;
}

export interface FigureGrade {
  organizationId: string;
  level: number;
  awardedOn: string;
  expiresOn: string;
  status: string;
}

export interface DistrictFigures {
  /** Registered organisations with enough full years (满两个年度) to be evaluated. */
  dueForEvaluation: number;
  withValidGrade: number;
  /** Share of the organisations due that hold a valid grade (0–1), null when none are due. */
  gradedShare: number | null;
  target: number;
  meetsTarget: boolean;
  byLevel: Record<'1A' | '2A' | '3A' | '4A' | '5A', number>;
  expiringWithin12Months: number;
}

/** The district's figures on a day (the 2014 plan's target: ≥ 30 % graded). */
export function districtFigures(
  orgs: FigureOrganization[],
  grades: FigureGrade[],
  today: string,
  opts: { registeredYears: number; target: number },
): DistrictFigures {
  const valid = grades.filter(
    (g) => g.status === 'active' && g.awardedOn <= today && today < g.expiresOn,
  );
  const validByOrg = new Map(valid.map((g) => [g.organizationId, g]));
  const due = orgs.filter(
    (o) =>
      o.registeredOn !== null && registeredFullYears(o.registeredOn, today) >= opts.registeredYears,
  );
  const withValidGrade = due.filter((o) => validByOrg.has(o.id)).length;
  const byLevel = { '1A': 0, '2A': 0, '3A': 0, '4A': 0, '5A': 0 };
  const inDistrict = new Set(orgs.map((o) => o.id));
  const horizon = addCalendarMonths(today, 12);
  let expiring = 0;
  for (const g of valid) {
    if (!inDistrict.has(g.organizationId)) continue;
    byLevel[`${g.level}A` as keyof typeof byLevel]++;
    if (g.expiresOn <= horizon) expiring++;
  }
  const gradedShare = due.length ? withValidGrade / due.length : null;
  return {
    dueForEvaluation: due.length,
    withValidGrade,
    gradedShare,
    target: opts.target,
    meetsTarget: gradedShare !== null && gradedShare >= opts.target,
    byLevel,
    expiringWithin12Months: expiring,
  };
}
