import type { Db, Prisma } from '../../lib/db';
import { type Actor, audited } from '../audited';
import { Refused } from '../refused';

/**
 * A new version of a process's rules for a jurisdiction, checked by the caller against the layers
 * it sits on. Versions are never changed: a name in use is refused.
 */
export async function createRuleSet(
  db: Db,
  input: {
    process: string;
    version: string;
    jurisdiction: string;
    effectiveFrom: string;
    settings: Record<string, unknown>;
    note?: string | undefined;
    actor: Actor;
  },
) {
  const exists = await db.ruleSet.findUnique({
    where: { process_version: { process: input.process, version: input.version } },
  });
  if (exists)
    throw new Refused(
      'conflict',
      `版本「${input.version}」已存在；规则版本不可修改，请另取版本名称`,
      [
        {
          path: 'body.version',
          message: `「${input.version}」已存在，请另取名称`,
          label: '版本名称',
        },
      ],
    );
  return audited(db, {
    subjectType: 'rule_set',
    actor: input.actor,
    action: 'rule_set_created',
    write: async (tx) => {
      const created = await tx.ruleSet.create({
        data: {
          process: input.process,
          version: input.version,
          jurisdiction: input.jurisdiction,
          effectiveFrom: new Date(`${input.effectiveFrom}T00:00:00Z`),
          settings: input.settings as Prisma.InputJsonValue,
          ...(input.note ? { note: input.note } : {}),
          createdById: input.actor.id,
        },
      });
      return {
        value: created,
        subjectId: created.id,
        details: {
          process: created.process,
          version: created.version,
          jurisdiction: created.jurisdiction,
          effectiveFrom: input.effectiveFrom,
        },
      };
    },
  });
}
