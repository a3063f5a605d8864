import { verifyChain } from '../lib/audit-chain';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';

/**
 * `npm run audit:verify [-- --expect-audit SEQ:HASH] [--expect-security SEQ:HASH]`: checks the
 * hash chains of the audit log and the security log in DATABASE_URL and prints each chain's
 * head for the auditor to keep outside the database. Exit 0 when both hold, 2 when not.
 */

function expected(flag: string) {
  const i = process.argv.indexOf(flag);
  const v = i > 0 ? process.argv[i + 1] : undefined;
  if (!v) return undefined;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(v);
  if (!m) throw new Error(`${flag}: expected SEQ:HASH, got ${v}`);
  return { seq: Number(m[1]), hash: m[2] as string };
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const db = createDb(config.DATABASE_URL, { maxConnections: 1 });
  try {
    let ok = true;
    for (const [chain, flag] of [
      ['audit', '--expect-audit'],
      ['security', '--expect-security'],
    ] as const) {
      const r = await verifyChain(db, chain, expected(flag));
      ok &&= r.ok;
      const head = r.head ? `${r.head.seq}:${r.head.hash}` : '(empty)';
      console.log(`${r.ok ? '✓' : '✗'} ${chain}: ${r.entries} entries, head ${head}`);
      if (r.firstBreak)
        console.log(
          `  first break at ${r.firstBreak.seq ?? '?'} (${r.firstBreak.id}): ${r.firstBreak.reason}`,
        );
      if (r.expected && !r.expected.found)
        console.log(`  the kept head ${r.expected.seq} is no longer in the chain unchanged`);
    }
    process.exitCode = ok ? 0 : 2;
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
