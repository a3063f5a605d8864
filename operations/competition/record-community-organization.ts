import type { Db } from '../../lib/db';
import type { Actor } from '../audited';
import { changeOrganization, day } from '../organization/change-organization';
import { Refused } from '../refused';

/**
 * Records a community organisation's 备案 (it may then apply under the lower cap). The record is
 * a fact of the organisation's profile, so its entry goes into the organisation's trail; the
 * same record again changes nothing.
 */
export async function recordCommunityOrganization(
  db: Db,
  input: { organizationId: string; recordNo: string; recordedOn: string; actor: Actor },
) {
  const org = await db.organization.findUnique({ where: { id: input.organizationId } });
  if (!org) throw new Refused('unprocessable', '没有该组织');
  if (org.status === 'registered')
    throw new Refused('unprocessable', '该组织已依法登记，按已登记组织申报，无需备案');
  const mine = await db.communityOrgRecord.findUnique({ where: { organizationId: org.id } });
  if (mine && mine.recordNo !== input.recordNo)
    throw new Refused('conflict', `该组织已备案，备案编号 ${mine.recordNo}`);
  const taken = await db.communityOrgRecord.findUnique({ where: { recordNo: input.recordNo } });
  if (taken && taken.organizationId !== org.id) throw new Refused('conflict', '备案编号已被使用');
  if (!mine)
    await changeOrganization(db, {
      id: org.id,
      actor: input.actor,
      action: 'community_record_registered',
      now: new Date(),
      write: async (tx) => {
        await tx.communityOrgRecord.upsert({
          where: { organizationId: org.id },
          create: {
            organizationId: org.id,
            recordNo: input.recordNo,
            recordedOn: day(input.recordedOn),
            recordedById: input.actor.id,
          },
          update: {},
        });
        return {
          value: undefined,
          details: { recordNo: input.recordNo, recordedOn: input.recordedOn },
        };
      },
    });
  return { organizationId: org.id, recordNo: input.recordNo };
}
