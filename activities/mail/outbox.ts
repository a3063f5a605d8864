import { createHash } from 'node:crypto';
import type { Db } from '../../lib/db';
import { type Mailer, MailSendError } from './mailer';

export interface OutboxEntry {
  key: string;
  toAddress: string;
  toName?: string | null;
  subject: string;
  text: string;
  attachmentFileIds?: string[];
}

export interface Outbox {
  enqueue(entries: OutboxEntry[]): Promise<void>;
  /** Sends what is due now; `keys` limits it to the given entries. */
  dispatch(keys?: string[]): Promise<void>;
  /** Starts sending these entries in the background, without waiting for the mail server. */
  dispatchSoon(keys: string[]): void;
  /** Resolves when background sending started by dispatchSoon has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** A send that was interrupted cannot be known to have failed: flag it, never resend it. */
  flagInterrupted(): Promise<number>;
  start(intervalMs: number): () => Promise<void>;
}

export const messageIdFor = (key: string) =>
  `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@minzheng-flow>`;

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Writes outbox rows (a duplicate key adds nothing). Given a transaction, the mails are committed
 * with whatever else it writes (a decision and its audit row), or not at all.
 */
export async function enqueueMails(db: Db | Tx, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.outboxMail.createMany({
    skipDuplicates: true,
    data: entries.map((e) => ({
      key: e.key,
      messageId: messageIdFor(e.key),
      toAddress: e.toAddress,
      toName: e.toName ?? null,
      subject: e.subject,
      text: e.text,
      attachments: e.attachmentFileIds ?? [],
    })),
  });
}

const RETRY_DELAYS_S = [10, 60, 300, 1800, 3600];
/** Mails claimed together: a claimed mail waits at most for the sends before it in its batch. */
const BATCH = 10;

interface ClaimedRow {
  id: string;
  messageId: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  text: string;
  attachments: unknown;
  attempts: number;
}
/** Tries to record `sent` at once before leaving it to the dispatcher's next tick. */
const RECORD_ATTEMPTS = 3;

const UNCERTAIN_NOTE =
  '邮件已完整发出，但邮件服务器在确认前断开了连接，无法确定是否已送达；请管理员核实后决定是否重发';

/**
 * The transactional outbox: a mail is a row with a unique key before it is sent, so a retried
 * activity or a second worker cannot make it twice. Sending claims the row first (status
 * `sending`); only a claimed row is sent, and a claim that outlives its lease is marked
 * `uncertain` for an administrator instead of being sent again. Once the mail server has taken
 * a mail the row never goes back to `pending`: if `sent` cannot be written then, it is written
 * by the next dispatcher tick (or, should this process end first, the lease makes it uncertain).
 */
export function createOutbox(
  db: Db,
  mailer: Mailer,
  opts: { from: string; leaseMs?: number },
): Outbox {
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  /** Sent mails whose `sent` could not be written yet. */
  const unrecorded = new Set<string>();

  async function markSent(ids: string[]): Promise<boolean> {
    try {
      await db.outboxMail.updateMany({
        where: { id: { in: ids } },
        data: { status: 'sent', sentAt: new Date(), lastError: null },
      });
      for (const id of ids) unrecorded.delete(id);
      return true;
    } catch {
      for (const id of ids) unrecorded.add(id);
      return false;
    }
  }

  async function recordSent(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    for (let attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
      if (await markSent(ids)) return;
      if (attempt < RECORD_ATTEMPTS) await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }

  async function recordFailure(row: { id: string; attempts: number }, err: unknown) {
    const safe = err instanceof MailSendError ? err.certainlyNotSent : true;
    const delay = RETRY_DELAYS_S[Math.min(row.attempts, RETRY_DELAYS_S.length - 1)] ?? 3600;
    const reason = String((err as Error).message ?? err);
    await db.outboxMail.update({
      where: { id: row.id },
      data: {
        status: safe ? 'pending' : 'uncertain',
        lastError: (safe ? reason : `${UNCERTAIN_NOTE}（${reason}）`).slice(0, 1000),
        nextAttemptAt: new Date(Date.now() + delay * 1000),
      },
    });
  }

  /** Claims the given pending rows in one statement: only a claimed row is ever sent. */
  async function claim(where: { ids: string[] } | { keys: string[] }): Promise<ClaimedRow[]> {
    const byIds = 'ids' in where;
    const list = byIds ? where.ids : where.keys;
    if (list.length === 0) return [];
    return byIds
      ? db.$queryRaw<ClaimedRow[]>`
          UPDATE "OutboxMail" SET status = 'sending', "claimedAt" = now(), attempts = attempts + 1
          WHERE id = ANY(${list}::uuid[]) AND status = 'pending'
          RETURNING id, "messageId", "toAddress", "toName", subject, text, attachments, attempts`
      : db.$queryRaw<ClaimedRow[]>`
          UPDATE "OutboxMail" SET status = 'sending', "claimedAt" = now(), attempts = attempts + 1
          WHERE key = ANY(${list}::text[]) AND status = 'pending'
          RETURNING id, "messageId", "toAddress", "toName", subject, text, attachments, attempts`;
  }

  /**
   * Sends a claimed batch: the attachments are read once for the batch (a step's mails to
   * several people carry the same PDFs), and the sent ones are recorded in one statement.
   */
  async function sendClaimed(rows: ClaimedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const attachmentsOf = (row: ClaimedRow) => (row.attachments as string[] | null) ?? [];
    const fileIds = [...new Set(rows.flatMap(attachmentsOf))];
    const files = new Map(
      (fileIds.length ? await db.storedFile.findMany({ where: { id: { in: fileIds } } }) : []).map(
        (f) => [f.id, f],
      ),
    );
    const sent: string[] = [];
    for (const row of rows) {
      try {
        await mailer.send({
          messageId: row.messageId,
          from: opts.from,
          to: { address: row.toAddress, name: row.toName },
          subject: row.subject,
          text: row.text,
          attachments: attachmentsOf(row).flatMap((id) => {
            const f = files.get(id);
            return f
              ? [{ filename: f.fileName, content: Buffer.from(f.content), contentType: f.mimeType }]
              : [];
          }),
        });
        sent.push(row.id);
      } catch (err) {
        // Not taken by the server, or not known to be: if even this cannot be written, the row
        // stays `sending` and its lease makes it uncertain.
        await recordFailure(row, err).catch(() => undefined);
      }
    }
    await recordSent(sent);
  }

  /** Writes `sent` for the mails whose record failed before. */
  async function recordLeftovers(): Promise<void> {
    if (unrecorded.size > 0) await markSent([...unrecorded]);
  }

  let background: Promise<void> = Promise.resolve();

  const outbox: Outbox = {
    async enqueue(entries) {
      await enqueueMails(db, entries);
    },
    async dispatch(keys) {
      // A step's few mails: claimed by key at once, no read first.
      if (keys && keys.length <= BATCH) return sendClaimed(await claim({ keys }));
      const due = await db.outboxMail.findMany({
        where: keys
          ? { key: { in: keys }, status: 'pending' }
          : { status: 'pending', nextAttemptAt: { lte: new Date() } },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
        take: 100,
      });
      // Claimed a few at a time, so no claim waits long for its send (see the lease).
      for (let i = 0; i < due.length; i += BATCH) {
        const ids = due.slice(i, i + BATCH).map((d) => d.id);
        await sendClaimed(await claim({ ids }));
      }
    },
    dispatchSoon(keys) {
      background = background.then(() => outbox.dispatch(keys)).catch(() => undefined);
    },
    idle: () => background,
    async flagInterrupted() {
      await recordLeftovers();
      const r = await db.outboxMail.updateMany({
        where: {
          status: 'sending',
          claimedAt: { lt: new Date(Date.now() - leaseMs) },
          id: { notIn: [...unrecorded] },
        },
        data: {
          status: 'uncertain',
          lastError: '发送过程中断，无法确定是否已送达；请管理员核实后决定是否重发',
        },
      });
      return r.count;
    },
    start(intervalMs) {
      let running: Promise<void> = Promise.resolve();
      const tick = () => {
        running = running
          .then(() => outbox.flagInterrupted())
          .then(() => outbox.dispatch())
          .catch(() => undefined);
      };
      const timer = setInterval(tick, intervalMs);
      return async () => {
        clearInterval(timer);
        await running;
        await background;
        await recordLeftovers().catch(() => undefined);
      };
    },
  };
  return outbox;
}
