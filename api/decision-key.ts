import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';
import type { Db } from '../lib/db';
import type { Session } from './auth/session';
import { AppError } from './problem';
import type { RouteContext, RouteSpec } from './route';

/** A decision sent under an Idempotency-Key: its Update id, and whether the key was seen before. */
export interface DecisionKey {
  updateId: string;
  /**
   * The same request came before (its answer may have been lost): the route skips checks
   * against the state the first attempt may have changed, and the Update id collects its outcome.
   */
  replay: boolean;
}

/** How decision routes document the header (OpenAPI). */
export const DECISION_HEADERS: NonNullable<RouteSpec['headers']> = [
  {
    name: 'Idempotency-Key',
    description:
      '客户端生成的唯一键（建议 UUID）。答复丢失或为 503 时，用同一个键重试，得到第一次办理的结果，不会重复办理',
    required: false,
  },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Claims the request's Idempotency-Key for this account (one row per key, the table filings use):
 * the same key with another request is 422. The Update id is derived from account and key, so
 * Temporal admits the decision once and answers a retry with its first outcome.
 */
export async function claimDecisionKey(
  db: Db,
  ctx: Pick<RouteContext<Record<string, unknown>, unknown, unknown>, 'req' | 'params' | 'body'> & {
    session: Session;
  },
): Promise<DecisionKey | undefined> {
  const key = ctx.req.get('Idempotency-Key')?.trim();
  if (!key) return undefined;
  if (key.length < 8 || key.length > 200)
    throw new AppError('bad_request', 'Idempotency-Key 长度应为8至200个字符');
  const accountId = ctx.session.sub;
  const requestHash = sha256(canonicalJson({ path: ctx.req.path, body: ctx.body ?? null }));
  const subject = Object.values(ctx.params).find((v) => typeof v === 'string' && UUID.test(v));
  const resourceId = (subject as string | undefined) ?? uuidFrom(requestHash);
  const updateId = `decision-${sha256(`${accountId}\n${key}`).slice(0, 40)}`;
  const created = await db.idempotencyRecord.createMany({
    data: [{ accountId, key, requestHash, resourceId }],
    skipDuplicates: true,
  });
  if (created.count === 1) return { updateId, replay: false };
  const seen = await db.idempotencyRecord.findUniqueOrThrow({
    where: { accountId_key: { accountId, key } },
  });
  if (seen.requestHash !== requestHash)
    throw new AppError('unprocessable', '该 Idempotency-Key 已用于另一项不同的请求');
  return { updateId, replay: true };
}

/** A UUID-shaped id from a hash, for a decision whose path names no object. */
function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
