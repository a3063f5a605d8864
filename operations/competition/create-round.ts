import { randomUUID } from 'node:crypto';
import { type CompetitionPolicy, competitionPolicySchema } from '../../domain/competition/policy';
import type { Db, Prisma } from '../../lib/db';
import { mergeLayers } from '../../lib/rules/jurisdictions';
import { loadRuleLayers } from '../../lib/rules/load-rule-layers';
import { Refused } from '../refused';

async function refuseUnknownJudges(db: Db, ids: string[]) {
  const found = await db.account.count({
    where: { id: { in: ids }, role: 'judge', active: true },
  });
  if (found !== new Set(ids).size)
    throw new Refused('unprocessable', '评审名单中有账号不存在、已停用或不是评审角色');
}

/** The round's settings: the rule layers in force on the round-open date, then the administrator's. */
async function settingsFor(
  db: Db,
  districtCode: string,
  opensAt: number,
  overrides: Record<string, unknown>,
) {
  const layers = await loadRuleLayers(db, 'competition', districtCode, opensAt, (x) => ({
    success: true as const,
    data: x as Record<string, unknown>,
  }));
  const parsed = competitionPolicySchema.safeParse(
    mergeLayers([layers.policy as never, overrides as never]),
  );
  if (!parsed.success)
    throw new Refused(
      'unprocessable',
      '本轮设置不符合要求',
      parsed.error.issues.map((i) => ({
        path: ['body', 'settings', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    );
  return { policy: parsed.data, ruleVersion: layers.ref.version };
}

/**
 * A venture-philanthropy round (创投轮次) with its settings and both judging panels, open for
 * proposals. The caller starts its workflow.
 */
export async function createRound(
  db: Db,
  input: {
    title: string;
    callOpensAt: number;
    callClosesAt: number;
    judges: { first: string[]; roadshow: string[] };
    settings: Record<string, unknown>;
    districtCode: string;
    createdById: string;
    workflowIdOf: (roundId: string) => string;
  },
): Promise<{ id: string; policy: CompetitionPolicy; ruleVersion: string }> {
  const opens = input.callOpensAt;
  const closes = input.callClosesAt;
  if (closes <= opens) throw new Refused('unprocessable', '征集截止时间须晚于开始时间');
  await refuseUnknownJudges(db, [...input.judges.first, ...input.judges.roadshow]);
  const { policy, ruleVersion } = await settingsFor(db, input.districtCode, opens, input.settings);
  const id = randomUUID();
  await db.competitionRound.create({
    data: {
      id,
      title: input.title,
      workflowId: input.workflowIdOf(id),
      stage: 'call_open',
      settings: policy as unknown as Prisma.InputJsonValue,
      ruleVersion,
      budgetFen: BigInt(policy.budgetFen),
      callOpensAt: new Date(opens),
      callClosesAt: new Date(closes),
      createdById: input.createdById,
      judges: {
        create: [
          ...new Set(input.judges.first.map((a) => `first:${a}`)),
          ...new Set(input.judges.roadshow.map((a) => `roadshow:${a}`)),
        ].map((k) => ({
          phase: k.split(':')[0] as string,
          accountId: k.split(':')[1] as string,
        })),
      },
    },
  });
  return { id, policy, ruleVersion };
}
