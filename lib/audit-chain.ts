import type { Db } from './db';

/**
 * Verifies the hash chains of the audit log (`AuditEntry`) and of the security log
 * (`SecurityEvent`) with the digest functions the database chained them with: every entry's
 * hash is recomputed, each must name its predecessor's hash, and the positions must run 1, 2, 3…
 * without a gap. A changed, deleted or inserted row breaks the chain at that row.
 *
 * The head (last position and hash) is returned: an auditor who keeps it outside the database
 * passes it back as `expect` to prove that nothing was cut off the end since.
 */

export const CHAINS = {
  audit: { table: 'AuditEntry', digest: 'audit_entry_digest' },
  security: { table: 'SecurityEvent', digest: 'security_event_digest' },
} as const;
export type ChainName = keyof typeof CHAINS;

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainReport {
  chain: ChainName;
  ok: boolean;
  entries: number;
  head: ChainHead | null;
  /** The first position where the chain does not hold, and why. */
  firstBreak: { seq: number | null; id: string; reason: string } | null;
  /** Whether the expected head (kept by the auditor) is still in the chain unchanged. */
  expected?: { seq: number; found: boolean };
}

const ZERO = '0'.repeat(64);

interface Row {
  id: string;
  seq: string | null;
  reason: string | null;
}

export async function verifyChain(
  db: Db,
  chain: ChainName,
  expect?: ChainHead,
): Promise<ChainReport> {
  const { table, digest } = CHAINS[chain];
  // Identifiers come from the constant map above, never from input.
  const broken = await db.$queryRawUnsafe<Row[]>(`
    SELECT id::text AS id, "chainSeq"::text AS seq,
      CASE
        WHEN "chainSeq" IS NULL OR hash IS NULL THEN 'not in the chain'
        WHEN "chainSeq" <> COALESCE(prev_seq, 0) + 1 THEN 'position out of sequence (an entry is missing before it)'
        WHEN "prevHash" <> COALESCE(prev_hash, '${ZERO}') THEN 'does not name its predecessor''s hash'
        WHEN hash <> recomputed THEN 'content changed since it was written'
      END AS reason
    FROM (
      SELECT x.id, x."chainSeq", x."prevHash", x.hash, ${digest}(x) AS recomputed,
        lag(x."chainSeq") OVER w AS prev_seq, lag(x.hash) OVER w AS prev_hash
      FROM "${table}" x WINDOW w AS (ORDER BY x."chainSeq" NULLS FIRST)
    ) t
    WHERE "chainSeq" IS NULL OR hash IS NULL
       OR "chainSeq" <> COALESCE(prev_seq, 0) + 1
       OR "prevHash" <> COALESCE(prev_hash, '${ZERO}')
       OR hash <> recomputed
    ORDER BY "chainSeq" NULLS FIRST
    LIMIT 1`);
  const [summary] = await db.$queryRawUnsafe<
    { n: string; seq: string | null; hash: string | null }[]
  >(
    `SELECT count(*)::text AS n,
       (SELECT h."chainSeq"::text FROM "${table}" h ORDER BY h."chainSeq" DESC NULLS LAST LIMIT 1) AS seq,
       (SELECT h.hash FROM "${table}" h ORDER BY h."chainSeq" DESC NULLS LAST LIMIT 1) AS hash
     FROM "${table}"`,
  );
  const first = broken[0];
  const report: ChainReport = {
    chain,
    ok: !first,
    entries: Number(summary?.n ?? 0),
    head: summary?.seq && summary.hash ? { seq: Number(summary.seq), hash: summary.hash } : null,
    firstBreak: first
      ? {
          seq: first.seq === null ? null : Number(first.seq),
          id: first.id,
          reason: first.reason ?? '',
        }
      : null,
  };
  if (expect) {
    const rows = await db.$queryRawUnsafe<{ hash: string }[]>(
      `SELECT hash FROM "${table}" WHERE "chainSeq" = $1`,
      BigInt(expect.seq),
    );
    const found = rows[0]?.hash === expect.hash;
    report.expected = { seq: expect.seq, found };
    if (!found) report.ok = false;
  }
  return report;
}
