import { signalOrganizationProfileChanged } from '../../client/grade-client';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { AppError, hiddenFrom } from '../problem';

/** Staff who read any organisation's profile; applicants read their own only. */
export const STAFF = [
  'reviewer',
  'section_head',
  'bureau_head',
  'administrator',
  'purchaser',
  'finance',
];
export const READERS = ['applicant', ...STAFF] as never[];
/** Who records inspections, penalties and list flags (the registration authority's staff). */
export const KEEPERS = ['administrator', 'section_head'] as const;
export const IMPORT_MAX_ROWS = 10_000;

export const actor = (s: Session) => ({ id: s.sub, name: s.name, role: s.role });

/** The profile if this caller may see it; another organisation's answers 404 (no existence leak). */
export async function profileFor(deps: AppDeps, id: string, session: Session) {
  if (!STAFF.includes(session.role) && session.org !== id) throw hiddenFrom('未找到');
  const profile = await loadOrganizationProfile(deps.db, id);
  if (!profile) throw new AppError('not_found');
  return profile;
}

export async function mustExist(deps: AppDeps, id: string) {
  const org = await deps.db.organization.findUnique({ where: { id }, select: { id: true } });
  if (!org) throw new AppError('not_found', '组织不存在');
}

/**
 * A changed inspection, penalty or flag may trigger a grade downgrade (DOMAIN §4.3): the
 * organisation's grade workflow re-reads the profile. The change itself is committed already;
 * if Temporal does not answer, the signal is logged as missed and the change stands.
 */
export function profileChangedSignal(deps: AppDeps): (id: string) => Promise<void> {
  return async (id: string) => {
    await signalOrganizationProfileChanged(
      deps.evaluation.client,
      id,
      deps.evaluation.limits,
    ).catch((err) =>
      deps.logger.warn(
        { organizationId: id, err: String(err) },
        'grade workflow not told of a profile change',
      ),
    );
  };
}
