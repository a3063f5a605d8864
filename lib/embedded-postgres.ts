import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface Item {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
}

// Extended-query messages that leave a cycle open until Sync: Parse, Bind, Describe, Execute,
// Close, Flush, and CopyData.
const OPENS_CYCLE = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'd']);

/**
 * PGlite is one session; several connections share it. pglite-socket's own queue interleaves
 * the messages of different connections inside an extended-query cycle (Parse … Sync), which
 * mixes up prepared statements (electric-sql/pglite#1046). This queue gives the database to one
 * connection until its cycle and its transaction are over.
 */
class ProtocolQueue {
  private readonly items: Item[] = [];
  private running = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      this.items.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const i = this.owner === null ? 0 : this.items.findIndex((x) => x.handlerId === this.owner);
        if (i < 0 || this.items.length === 0) break; // the owner's next message has not come yet
        const [item] = this.items.splice(i, 1);
        if (!item) break;
        await this.run(item);
        const type = String.fromCharCode(item.message[0] ?? 0);
        this.owner = OPENS_CYCLE.has(type) || this.db.isInTransaction() ? item.handlerId : null;
      }
    } finally {
      this.running = false;
    }
  }

  private async run(item: Item): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (d: Uint8Array) => {
            bytes += d.length;
            item.onData(d);
          },
        }),
      );
      item.resolve(bytes);
    } catch (err) {
      item.reject(err);
    }
  }

  getQueueLength(): number {
    return this.items.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (const x of this.items.filter((y) => y.handlerId === handlerId)) {
      this.items.splice(this.items.indexOf(x), 1);
      x.reject(new Error('connection closed'));
    }
  }

  /** A connection that goes away mid-transaction must not leave the session inside it. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.pump();
  }
}

/**
 * PostgreSQL compiled to Wasm (PGlite) behind a Postgres wire-protocol socket, so the app talks
 * to it through the same adapter-pg path as to a real server. `dataDir` undefined keeps it in
 * memory (scratch databases for migration diffs and tests without a server).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string;
  port?: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(opts.dataDir ?? 'memory://');
  const queue = new ProtocolQueue(db);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // The handler only needs the queue's enqueue/clear methods.
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    void handler.attach(socket);
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
