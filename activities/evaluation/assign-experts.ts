import { type ExpertFacts, visibleConflict } from '../../domain/evaluation/conflicts';
import type { Db } from '../../lib/db';
import { expertCandidates } from '../../lib/evaluation-expert-pool';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const SEATED = ['assigned', 'cleared'];

export interface AssignmentResult {
  agencyId: string | null;
  evaluators: { id: string; name: string }[];
  /** Experts the system kept off the file, with the reason (evidence of recusal). */
  blocked: { id: string; reason: string }[];
}

/**
 * Seats `count` experts on a file: an agency of the district, then its least-loaded experts
 * with no conflict the system can see (§4.1). Serialised per district with an advisory lock
 * so that workloads stay balanced; a retried call returns the seats of the first attempt.
 */
export function makeAssignExperts(db: Db, districtCode: string) {
  // Queue here before taking a connection: waiting on the advisory lock inside a transaction
  // would hold a pooled connection per waiting file and starve every other activity.
  let queue: Promise<unknown> = Promise.resolve();
  return function assignExperts(input: AssignInput): Promise<AssignmentResult> {
    const run = queue.then(() => assign(db, districtCode, input));
    queue = run.catch(() => undefined);
    return run;
  };
}

interface AssignInput {
  fileId: string;
  organizationId: string;
  count: number;
  day: string;
  lookbackYears: number;
  /** Everyone ever seated on the file: never seated again. */
  exclude: string[];
  /** The office's choice from the pool (replacements); without it the system picks. */
  chosen?: string[];
}

async function assign(db: Db, districtCode: string, input: AssignInput): Promise<AssignmentResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`evaluation-assign:${districtCode}`}))`;
      const file = await tx.evaluationFile.findUniqueOrThrow({ where: { id: input.fileId } });
      const earlier = await tx.evaluationAssignment.findMany({
        where: { fileId: input.fileId, evaluatorId: { notIn: input.exclude } },
      });
      if (earlier.length > 0)
        return result(
          tx,
          file.agencyId,
          earlier.map((e) => e.evaluatorId),
          [],
        );

      if (input.chosen) return seatChosen(tx, districtCode, input, file.agencyId);

      const agencies = await tx.evaluationAgency.findMany({
        where: { districtCode, active: true },
        include: { experts: { where: { active: true } } },
        orderBy: { createdAt: 'asc' },
      });
      const ids = agencies.flatMap((a) => a.experts.map((e) => e.accountId));
      const [accounts, jobs, loads] = await Promise.all([
        tx.account.findMany({ where: { id: { in: ids }, active: true } }),
        tx.expertEmployment.findMany({ where: { accountId: { in: ids } } }),
        tx.evaluationAssignment.groupBy({
          by: ['evaluatorId'],
          where: { evaluatorId: { in: ids }, status: { in: SEATED } },
          _count: { _all: true },
        }),
      ]);
      const load = new Map(loads.map((l) => [l.evaluatorId, l._count._all]));
      const blocked: AssignmentResult['blocked'] = [];
      const free = (agencyId: string) => {
        const a = agencies.find((x) => x.id === agencyId);
        return (a?.experts ?? [])
          .map((e) => accounts.find((acc) => acc.id === e.accountId))
          .filter(
            (acc): acc is (typeof accounts)[number] => !!acc && !input.exclude.includes(acc.id),
          )
          .filter((acc) => {
            const facts: ExpertFacts = {
              accountId: acc.id,
              organizationId: acc.organizationId,
              employments: jobs
                .filter((j) => j.accountId === acc.id)
                .map((j) => ({
                  organizationId: j.organizationId,
                  startedOn: day(j.startedOn) as string,
                  endedOn: day(j.endedOn),
                })),
            };
            const reason = visibleConflict(
              facts,
              input.organizationId,
              input.day,
              input.lookbackYears,
            );
            if (reason && !blocked.some((b) => b.id === acc.id))
              blocked.push({ id: acc.id, reason });
            return reason === null;
          })
          .sort(
            (x, y) => (load.get(x.id) ?? 0) - (load.get(y.id) ?? 0) || x.id.localeCompare(y.id),
          );
      };
      const agencyId = file.agencyId ?? pickAgency(agencies, free, load, input.count);
      if (!agencyId) return { agencyId: null, evaluators: [], blocked };
      const chosen = free(agencyId).slice(0, input.count);
      await tx.evaluationAssignment.createMany({
        data: chosen.map((acc) => ({ fileId: input.fileId, evaluatorId: acc.id, agencyId })),
        skipDuplicates: true,
      });
      if (!file.agencyId)
        await tx.evaluationFile.update({ where: { id: input.fileId }, data: { agencyId } });
      return result(
        tx,
        agencyId,
        chosen.map((c) => c.id),
        blocked,
      );
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/**
 * The office's replacements: each chosen expert must be in the district's active pool and free
 * of any conflict the system sees; the others are returned as blocked with the reason.
 */
async function seatChosen(
  tx: Parameters<Parameters<Db['$transaction']>[0]>[0],
  districtCode: string,
  input: AssignInput,
  fileAgencyId: string | null,
): Promise<AssignmentResult> {
  const chosen = input.chosen ?? [];
  const pool = await expertCandidates(tx, {
    districtCode,
    organizationId: input.organizationId,
    day: input.day,
    lookbackYears: input.lookbackYears,
    exclude: input.exclude,
    only: chosen,
  });
  const blocked: AssignmentResult['blocked'] = [];
  const seated: typeof pool = [];
  for (const id of chosen) {
    const c = pool.find((x) => x.id === id);
    if (!c) blocked.push({ id, reason: '不在本区评估专家库中，或已在本事项专家组中' });
    else if (c.conflict) blocked.push({ id, reason: c.conflict });
    else seated.push(c);
  }
  await tx.evaluationAssignment.createMany({
    data: seated.map((c) => ({ fileId: input.fileId, evaluatorId: c.id, agencyId: c.agencyId })),
    skipDuplicates: true,
  });
  const agencyId = fileAgencyId ?? seated[0]?.agencyId ?? null;
  if (!fileAgencyId && agencyId)
    await tx.evaluationFile.update({ where: { id: input.fileId }, data: { agencyId } });
  return result(
    tx,
    agencyId,
    seated.map((c) => c.id),
    blocked,
  );
}

/** The least-loaded agency that can seat the whole group, else the one that seats the most. */
function pickAgency(
  agencies: { id: string }[],
  free: (agencyId: string) => { id: string }[],
  load: Map<string, number>,
  count: number,
): string | null {
  const scored = agencies.map((a) => {
    const f = free(a.id);
    return {
      id: a.id,
      seats: Math.min(count, f.length),
      load: f.reduce((s, e) => s + (load.get(e.id) ?? 0), 0) / Math.max(1, f.length),
    };
  });
  scored.sort((a, b) => b.seats - a.seats || a.load - b.load || a.id.localeCompare(b.id));
  const best = scored[0];
  return best && best.seats > 0 ? best.id : null;
}

async function result(
  tx: Pick<Db, 'account'>,
  agencyId: string | null,
  ids: string[],
  blocked: AssignmentResult['blocked'],
): Promise<AssignmentResult> {
  const accs = await tx.account.findMany({ where: { id: { in: ids } } });
  return {
    agencyId,
    evaluators: ids.map((id) => ({ id, name: accs.find((a) => a.id === id)?.displayName ?? id })),
    blocked,
  };
}
