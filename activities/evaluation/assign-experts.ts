import type { Db } from '../../lib/db';
import { type ExpertCandidate, expertCandidates } from '../../lib/evaluation-expert-pool';

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

      const pool = await expertCandidates(tx, {
        districtCode,
        organizationId: input.organizationId,
        day: input.day,
        lookbackYears: input.lookbackYears,
        exclude: input.exclude,
      });
      // The pool comes least loaded first, so each agency's free experts do too.
      const free = (agencyId: string) =>
        pool.filter((c) => c.agencyId === agencyId && c.conflict === null);
      const agencyId = file.agencyId ?? pickAgency(pool, free, input.count);
      const blocked = pool
        .filter((c) => c.conflict !== null && (!file.agencyId || c.agencyId === file.agencyId))
        .map((c) => ({ id: c.id, reason: c.conflict as string }));
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
  pool: ExpertCandidate[],
  free: (agencyId: string) => ExpertCandidate[],
  count: number,
): string | null {
  const scored = [...new Set(pool.map((c) => c.agencyId))].map((id) => {
    const f = free(id);
    return {
      id,
      seats: Math.min(count, f.length),
      load: f.reduce((s, e) => s + e.load, 0) / Math.max(1, f.length),
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
