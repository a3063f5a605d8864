import { startEmbeddedPostgres } from '../lib/embedded-postgres';

/**
 * `tsx scripts/embedded-postgres.ts [dataDir]`: an embedded PostgreSQL in its own process,
 * printing `ready <url>`; stops on SIGTERM/SIGINT. Jest tests use it because PGlite cannot load
 * inside Jest's module sandbox.
 */
async function main(): Promise<void> {
  const db = await startEmbeddedPostgres({ dataDir: process.argv[2] });
  console.log(`ready ${db.url}`);
  const stop = () => void db.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
