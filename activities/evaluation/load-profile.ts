import type { OrganizationProfile } from '../../domain/organization/profile';
import type { Db } from '../../lib/db';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

/** The profile snapshot a workflow decides on (eligibility, downgrade triggers). */
export function makeLoadProfileSnapshot(db: Db) {
  return async function loadProfileSnapshot({
    organizationId,
  }: {
    organizationId: string;
  }): Promise<OrganizationProfile> {
    const p = await loadOrganizationProfile(db, organizationId);
    if (!p) throw nonRetryable(ACTIVITY_ERRORS.NOT_FOUND, `组织 ${organizationId} 不存在`);
    return p;
  };
}
