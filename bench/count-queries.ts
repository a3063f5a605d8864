import pg from 'pg';

/** `SELECT Registration`, `UPDATE OutboxMail`, `BEGIN`: the verb and the first table. */
function statementKind(sql: string): string {
  const verb = sql.trim().split(/\s+/)[0]?.toUpperCase() ?? '?';
  const table = /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"?(\w+)"?/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/**
 * Counts the SQL statements this process sends to PostgreSQL (Prisma's, raw ones, BEGIN and
 * COMMIT alike: each is a round trip) while a phase runs. Prisma's driver adapter sends every
 * statement through node-postgres' Client#query, so counting there misses nothing.
 */
export async function countingQueries<T>(
  run: () => Promise<T>,
): Promise<{ result: T; queries: number; byStatement: Record<string, number> }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const counts = new Map<string, number>();
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    const kind = statementKind(text);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return original.apply(this, args);
  };
  try {
    const result = await run();
    const byStatement = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
    const queries = [...counts.values()].reduce((a, b) => a + b, 0);
    return { result, queries, byStatement };
  } finally {
    proto.query = original;
  }
}
