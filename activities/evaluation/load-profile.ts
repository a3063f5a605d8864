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

/**
 * §4.5 rule 1: the profile as it stood on the application date, stored with the file when the
 * organisation applied. Files applied before snapshots were kept fall back to today's profile.
 */
export function makeLoadApplicationProfile(db: Db) {
  const live = makeLoadProfileSnapshot(db);
  return async function loadApplicationProfile({
    fileId,
  }: {
    fileId: string;
  }): Promise<OrganizationProfile> {
    const f = await db.evaluationFile.findUnique({
      where: { id: fileId },
      select: { organizationId: true, profileSnapshot: true },
    });
    if (!f) throw nonRetryable(ACTIVITY_ERRORS.NOT_FOUND, `评估事项 ${fileId} 不存在`);
    if (f.profileSnapshot) return f.profileSnapshot as unknown as OrganizationProfile;
    return live({ organizationId: f.organizationId });
  };
}
