import {
  type ExistingOrganizationName,
  findNameConflicts,
  type NamePolicy,
} from '../domain/name-rules';
import { OPEN_STATUSES } from '../workflows/registration/view-types';
import type { Db } from './db';

const STATUS_LABEL: Record<ExistingOrganizationName['status'], string> = {
  registered: '已登记',
  deregistered: '已注销',
  banned: '已取缔',
  pending: '申请中',
};

export interface NameConflicts {
  exact: { name: string; status: string }[];
  similar: { name: string; status: string }[];
}

/** Same or confusingly similar names among registered, pending and struck-off organisations. */
export async function nameConflictsInDistrict(
  db: Db,
  name: string,
  policy: NamePolicy,
  excludeRegistrationId?: string,
): Promise<NameConflicts> {
  const [orgs, pending] = await Promise.all([
    db.organization.findMany({
      where: { status: { in: ['registered', 'deregistered', 'banned'] } },
      select: { id: true, name: true, status: true },
    }),
    db.registration.findMany({
      where: {
        ...(excludeRegistrationId ? { id: { not: excludeRegistrationId } } : {}),
        status: { in: [...OPEN_STATUSES] },
      },
      select: { id: true, proposedName: true },
    }),
  ]);
  const existing: ExistingOrganizationName[] = [
    ...orgs.map((o) => ({
      id: o.id,
      name: o.name,
      status: o.status as ExistingOrganizationName['status'],
    })),
    ...pending.map((r) => ({ id: r.id, name: r.proposedName, status: 'pending' as const })),
  ];
  const found = findNameConflicts(name, existing, policy);
  const label = (o: ExistingOrganizationName) => ({ name: o.name, status: STATUS_LABEL[o.status] });
  return { exact: found.exact.map(label), similar: found.similar.map(label) };
}
