import type { Application } from '../../domain/registration/application';
import type { Db } from '../../lib/db';
import { resolveDocuments } from './file-registration';

/**
 * A new text of an application (补正, resubmission, founding), stored in full before the
 * workflow sees its masked copy; a retried request writes the same version again. The decision
 * itself, and its trail, is the workflow's.
 */
export async function storeApplicationVersion(
  db: Db,
  input: { registrationId: string; application: Application; submittedById: string },
): Promise<{ version: number; application: Application }> {
  const reg = await db.registration.findUniqueOrThrow({ where: { id: input.registrationId } });
  const application = await resolveDocuments(db, reg.organizationId, input.application);
  const version = reg.applicationVersion + 1;
  const submittedById = input.submittedById;
  await db.applicationVersion.upsert({
    where: { registrationId_version: { registrationId: reg.id, version } },
    create: { registrationId: reg.id, version, data: application, submittedById },
    update: { data: application, submittedById, submittedAt: new Date() },
  });
  return { version, application };
}
