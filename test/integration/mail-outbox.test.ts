import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createSmtpMailer } from '../../activities/mail/mailer';
import { makeNotify } from '../../activities/mail/notify';
import { createOutbox } from '../../activities/mail/outbox';
import { createDb, type Db } from '../../lib/db';
import type { MailContext } from '../../workflows/registration/outputs';
import { startSmtpServer, type TestSmtp } from '../support/smtp';
import { testEnv } from '../support/test-env';

let db: Db;
let smtp: TestSmtp;
let refuse: string | null = null;

beforeAll(async () => {
  db = createDb(testEnv('databaseUrl'));
  smtp = await startSmtpServer({ rejectWith: () => refuse });
});
afterAll(async () => {
  await smtp?.close();
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

function notifyWith(mailer = createSmtpMailer(smtp.url)) {
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
    const { notify, outbox } = notifyWith(createSmtpMailer('smtp://127.0.0.1:1'));
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
