import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createSmtpMailer, type Mailer } from '../../activities/mail/mailer';
import { makeNotify } from '../../activities/mail/notify';
import { createOutbox } from '../../activities/mail/outbox';
import { createDb, type Db } from '../../lib/db';
import type { MailContext } from '../../workflows/registration/outputs';
import { type SmtpDrop, startSmtpServer, type TestSmtp } from '../support/smtp';
import { testEnv } from '../support/test-env';

let db: Db;
let smtp: TestSmtp;
let refuse: string | null = null;
/** A second, misbehaving server: it drops connections on purpose. */
let faulty: TestSmtp;
let dropping: SmtpDrop | null = null;
let onMessage: (() => Promise<void>) | null = null;

beforeAll(async () => {
  db = createDb(testEnv('databaseUrl'));
  smtp = await startSmtpServer({ rejectWith: () => refuse });
  faulty = await startSmtpServer({
    dropWith: () => dropping,
    onMessage: async () => onMessage?.(),
  });
});
/** Every mailer of the file: their pooled connections are closed before the servers. */
const mailers: Mailer[] = [];
const smtpMailer = (url: string) => {
  const m = createSmtpMailer(url);
  mailers.push(m);
  return m;
};

afterAll(async () => {
  for (const m of mailers) m.close();
  await smtp?.close();
  await faulty?.close();
  await db?.$disconnect();
});

const context: MailContext = {
  registrationId: randomUUID(),
  organizationId: randomUUID(),
  applicationNo: 'ZLDJ-2026-09999',
  name: '常州市钟楼区测试邮件促进会',
  legalForm: 'social_group',
  legalFormLabel: '社会团体',
  categoryLabel: '科技类',
  statusLabel: '初审中',
  receiptNo: '钟民登受字〔2026〕第0099号',
  acceptedOn: '2026-11-30',
  dueAt: '2027-03-01T15:59:59.999Z',
  creditCode: null,
};

async function account() {
  const email = `mail-${randomUUID().slice(0, 8)}@test.zhonglou.example`;
  const acc = await db.account.create({
    data: { username: email, displayName: '收件人', email, role: 'reviewer', passwordHash: 'x' },
  });
  return { id: acc.id, email };
}

function notifyWith(mailer = smtpMailer(smtp.url)) {
  const outbox = createOutbox(db, mailer, {
    from: '钟楼区民政局 <noreply@test.example>',
    leaseMs: 50,
  });
  return {
    outbox,
    notify: makeNotify(db, outbox, {
      portalUrl: 'http://127.0.0.1:3000',
      authority: '常州市钟楼区民政局',
    }),
  };
}

describe('the mail outbox', () => {
  it('given a notify activity that is retried with the same input, then each recipient receives the mail once, in Chinese', async () => {
    const to = await account();
    const { notify, outbox } = notifyWith();
    const input = {
      key: `wf-${randomUUID()}/u3/0/accepted`,
      registrationId: context.registrationId,
      organizationId: context.organizationId,
      audience: [{ kind: 'account' as const, accountId: to.id }],
      template: 'accepted' as const,
      context,
    };
    const env = new MockActivityEnvironment();
    await env.run(notify, input);
    await env.run(notify, input);
    await env.run(notify, input);
    await outbox.idle();
    const got = smtp.to(to.email);
    expect(got).toHaveLength(1);
    expect(got[0]?.subject).toContain('已受理');
    expect(got[0]?.subject).toContain('钟民登受字〔2026〕第0099号');
    expect(await db.outboxMail.count({ where: { toAddress: to.email } })).toBe(1);
  });

  it('given the mail server refuses for a while, then the mail stays queued and goes out once when it recovers', async () => {
    const to = await account();
    const { notify, outbox } = notifyWith();
    refuse = '451 try again later';
    await notify({
      key: `wf-${randomUUID()}/timer/0/deadline_reminder`,
      registrationId: context.registrationId,
      organizationId: context.organizationId,
      audience: [{ kind: 'account', accountId: to.id }],
      template: 'deadline_reminder',
      context: { ...context, extra: { deadline: 'decision' } },
    });
    await outbox.idle();
    const row = await db.outboxMail.findFirstOrThrow({ where: { toAddress: to.email } });
    expect(row.status).toBe('pending');
    expect(row.lastError).toContain('try again later');
    refuse = null;
    await db.outboxMail.update({ where: { id: row.id }, data: { nextAttemptAt: new Date() } });
    await outbox.dispatch();
    await outbox.dispatch();
    expect(smtp.to(to.email, '即将到期')).toHaveLength(1);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
  });

  it('given a send that was interrupted after its claim, then it is flagged for a person and never sent again by itself', async () => {
    const to = await account();
    const { outbox } = notifyWith();
    const key = `wf-${randomUUID()}/u1/0/filed/${to.email}`;
    await outbox.enqueue([{ key, toAddress: to.email, subject: '【已收到】测试', text: '正文' }]);
    // A worker claimed it and died before recording the outcome.
    await db.outboxMail.update({
      where: { key },
      data: { status: 'sending', claimedAt: new Date(Date.now() - 60_000) },
    });
    expect(await outbox.flagInterrupted()).toBeGreaterThanOrEqual(1);
    await outbox.dispatch();
    expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('uncertain');
    expect(smtp.to(to.email)).toHaveLength(0);
  });

  it('given the mail server cannot be reached, then the mail is kept as certainly not sent and retried later', async () => {
    const to = await account();
    const { notify, outbox } = notifyWith(smtpMailer('smtp://127.0.0.1:1'));
    await notify({
      key: `wf-${randomUUID()}/u2/0/withdrawn`,
      registrationId: context.registrationId,
      organizationId: context.organizationId,
      audience: [{ kind: 'account', accountId: to.id }],
      template: 'withdrawn',
      context,
    });
    await outbox.idle();
    const row = await db.outboxMail.findFirstOrThrow({ where: { toAddress: to.email } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('given two dispatchers racing over the same queue, then every mail is sent exactly once', async () => {
    const to = await account();
    const a = notifyWith().outbox;
    const b = notifyWith().outbox;
    const keys = Array.from({ length: 8 }, (_, i) => `race-${randomUUID()}-${i}`);
    await a.enqueue(
      keys.map((key) => ({ key, toAddress: to.email, subject: `【竞争】${key}`, text: '正文' })),
    );
    await Promise.all([a.dispatch(keys), b.dispatch(keys), a.dispatch(keys), b.dispatch(keys)]);
    expect(smtp.to(to.email)).toHaveLength(8);
    expect(new Set(smtp.to(to.email).map((m) => m.messageId)).size).toBe(8);
  });
});

describe('a mail server that misbehaves', () => {
  const outboxOn = (server: TestSmtp) =>
    createOutbox(db, smtpMailer(server.url), {
      from: '钟楼区民政局 <noreply@test.example>',
      leaseMs: 50,
    });
  const mailTo = async (outbox: ReturnType<typeof createOutbox>, prefix = 'drop') => {
    const to = await account();
    const key = `${prefix}-${randomUUID()}/u1/0/accepted/${to.email}`;
    await outbox.enqueue([{ key, toAddress: to.email, subject: '【已受理】测试', text: '正文' }]);
    return { to, key };
  };
  /** Time passes and every dispatcher pass runs: nothing due may go out again. */
  const later = async (outbox: ReturnType<typeof createOutbox>, key: string) => {
    await db.outboxMail.update({ where: { key }, data: { nextAttemptAt: new Date() } });
    await new Promise((r) => setTimeout(r, 100));
    await outbox.flagInterrupted();
    await outbox.dispatch();
    await outbox.dispatch([key]);
  };

  it('given the connection drops after the whole message was written, then the send is uncertain, flagged for a person, and never sent again by itself', async () => {
    const outbox = outboxOn(faulty);
    const { to, key } = await mailTo(outbox);
    dropping = 'after-data';
    try {
      await outbox.dispatch([key]);
    } finally {
      dropping = null;
    }
    const row = await db.outboxMail.findUniqueOrThrow({ where: { key } });
    expect(row.status).toBe('uncertain');
    expect(row.lastError).toContain('无法确定是否已送达');
    await later(outbox, key);
    expect(faulty.to(to.email)).toHaveLength(1);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('uncertain');
  });

  it('given the connection drops before the message was sent, then it certainly did not go out and is sent once later', async () => {
    const outbox = outboxOn(faulty);
    const { to, key } = await mailTo(outbox);
    dropping = 'before-data';
    try {
      await outbox.dispatch([key]);
    } finally {
      dropping = null;
    }
    expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('pending');
    expect(faulty.to(to.email)).toHaveLength(0);
    await later(outbox, key);
    expect(faulty.to(to.email)).toHaveLength(1);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('sent');
  });

  it('given the database refuses to record `sent` after the server took the mail, then the row never goes back to pending, the mail is not sent again, and `sent` is recorded once the database answers', async () => {
    const outbox = outboxOn(faulty);
    const prefix = `blip${randomUUID().replace(/-/g, '')}`;
    const { to, key } = await mailTo(outbox, prefix);
    // The outage begins while the server takes the mail: PostgreSQL refuses to mark it sent.
    const fn = `mzf_test_${prefix}`;
    onMessage = async () => {
      await db.$executeRawUnsafe(`
        CREATE FUNCTION ${fn}() RETURNS trigger AS $$
        BEGIN
          IF NEW.status = 'sent' AND NEW.key LIKE '${prefix}-%' THEN
            RAISE EXCEPTION 'simulated outage';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${fn} BEFORE UPDATE ON "OutboxMail" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      );
    };
    const outageOver = async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${fn} ON "OutboxMail"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${fn}()`);
    };
    try {
      await outbox.dispatch([key]);
      onMessage = null;
      expect(faulty.to(to.email)).toHaveLength(1);
      expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('sending');
      await later(outbox, key);
      expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('sending');
    } finally {
      onMessage = null;
      await outageOver();
    }
    await later(outbox, key);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { key } })).status).toBe('sent');
    expect(faulty.to(to.email)).toHaveLength(1);
  });
});
