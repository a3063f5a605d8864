import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to Wasm (PGlite) behind a Postgres wire-protocol socket, so the app
 * talks to it through the same adapter-pg path as to a real server. `dataDir` undefined keeps
 * it in memory (scratch databases for migration diffs and tests without a server).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string;
  port?: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(opts.dataDir ?? 'memory://');
  const host = opts.host ?? '127.0.0.1';
  const server = new PGLiteSocketServer({ db, port: opts.port ?? 0, host, maxConnections: 64 });
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgresql://postgres@${conn}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
