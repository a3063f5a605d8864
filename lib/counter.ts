import type { Db } from './db';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Next value of a gap-free sequence, inside the caller's transaction: the row lock makes
 * concurrent callers queue, and a rolled-back transaction gives its number back.
 */
export async function nextCounterIn(tx: Tx, name: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" (name, value) VALUES (${name}, 1)
    ON CONFLICT (name) DO UPDATE SET value = "Counter".value + 1
    RETURNING value`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`counter ${name} returned no value`);
  return value;
}

export type { Tx };
