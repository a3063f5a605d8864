import { localDateOf } from '../../domain/calendar';
import type { RuleSetRef } from '../../domain/registration/policy';
import type { Db } from '../db';
import { jurisdictionChain, mergeLayers } from './jurisdictions';

/** No rule set in force, or one that does not parse: an administrator must fix the data. */
export class RuleSetError extends Error {
  constructor(
    readonly kind: 'missing' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** A process's policy parser: its zod schema's `safeParse`, defaults filled in. */
type PolicyParser<P> = (
  settings: unknown,
) => { success: true; data: P } | { success: false; error: { message: string } };

/**
 * The rules of one process (`RuleSet.process`) in force on a date for a district: the latest
 * layer of each jurisdiction (national → province → city → district), deep-merged, then parsed.
 * Every process uses this, so rule versions work the same way everywhere (DOMAIN §8).
 */
export async function loadRuleLayers<P>(
  db: Db,
  process: string,
  districtCode: string,
  at: number,
  parse: PolicyParser<P>,
): Promise<{ ref: RuleSetRef; policy: P }> {
  const day = localDateOf(at);
  const chain = jurisdictionChain(districtCode);
  const sets = await db.ruleSet.findMany({
    where: {
      process,
      jurisdiction: { in: chain },
      effectiveFrom: { lte: new Date(`${day}T00:00:00Z`) },
    },
    orderBy: { effectiveFrom: 'desc' },
  });
  const layers = chain
    .map((j) => sets.find((s) => s.jurisdiction === j))
    .filter((s): s is (typeof sets)[number] => s !== undefined);
  const top = layers.at(-1);
  if (!top) throw new RuleSetError('missing', `${day} 没有生效的规则（${process}）`);
  const parsed = parse(mergeLayers(layers.map((l) => l.settings as never)));
  if (!parsed.success) {
    throw new RuleSetError('invalid', `规则 ${top.version} 无效：${parsed.error.message}`);
  }
  return {
    ref: {
      version: layers.map((l) => l.version).join(' + '),
      jurisdiction: top.jurisdiction,
      effectiveFrom: top.effectiveFrom.toISOString().slice(0, 10),
    },
    policy: parsed.data,
  };
}

/**
 * The settings of the layers a new version at `jurisdiction` sits on: the latest version of
 * each higher jurisdiction in force on `effectiveFrom` (its own jurisdiction's older versions
 * are what it replaces).
 */
export async function loadLayersAbove(
  db: Db,
  process: string,
  districtCode: string,
  jurisdiction: string,
  effectiveFrom: string,
): Promise<unknown[]> {
  const chain = jurisdictionChain(districtCode);
  const above = chain.slice(0, Math.max(0, chain.indexOf(jurisdiction)));
  const sets = await db.ruleSet.findMany({
    where: {
      process,
      jurisdiction: { in: above },
      effectiveFrom: { lte: new Date(`${effectiveFrom}T00:00:00Z`) },
    },
    orderBy: { effectiveFrom: 'desc' },
  });
  return above
    .map((j) => sets.find((s) => s.jurisdiction === j)?.settings)
    .filter((s) => s !== undefined);
}
