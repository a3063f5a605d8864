import type { Db } from './db';

/**
 * A fixed-window counter in PostgreSQL (`RateCounter`), shared by every API process: one
 * upsert per counted request. Old windows are swept (lib/housekeeping.ts).
 */
export async function countRequest(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now = Date.now(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateCounter" (key, "windowStart", count) VALUES (${key}, ${new Date(start)}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateCounter".count + 1
    RETURNING count`;
  if ((row?.count ?? 0) <= limit) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)),
  };
}
