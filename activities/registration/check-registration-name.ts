import type { NamePolicy } from '../../domain/name-rules';
import type { LegalForm } from '../../domain/organization-types';
import type { Db } from '../../lib/db';
import { type NameConflicts, nameConflictsInDistrict } from '../../lib/name-conflicts';

export function makeCheckRegistrationName(db: Db) {
  return async function checkRegistrationName(input: {
    registrationId: string;
    name: string;
    legalForm: LegalForm;
    policy: NamePolicy;
  }): Promise<NameConflicts> {
    return nameConflictsInDistrict(db, input.name, input.policy, input.registrationId);
  };
}
