import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: { address: string; name?: string | null };
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** A failed send, and whether the message certainly did not leave (so a retry is safe). */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly certainlyNotSent: boolean,
  ) {
    super(message);
  }
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function toNodemailer(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    text: mail.text,
    attachments: mail.attachments,
    headers: { 'Content-Language': 'zh-CN' },
  };
}

/** Errors before the message body was handed over mean nothing was delivered. */
function classify(err: unknown): MailSendError {
  const e = err as { message?: string; command?: string; responseCode?: number; code?: string };
  const afterData = e.command === 'DATA' || e.command === 'DATA_END' || e.command === 'MESSAGE';
  const certainlyNotSent = !afterData || typeof e.responseCode === 'number';
  return new MailSendError(e.message ?? String(err), certainlyNotSent);
}

export function createSmtpMailer(smtpUrl: string): Mailer {
  // One pooled connection set for all mails instead of a handshake per message.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 2 });
  return {
    async send(mail) {
      try {
        await transport.sendMail(toNodemailer(mail));
      } catch (err) {
        throw classify(err);
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Embedded mode: each mail becomes an .eml file a mail program opens, with a plain-text twin a
 * person can read in any editor; names start with the time so the folder reads in order.
 */
export function createFolderMailer(dir: string): Mailer {
  return {
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const raw = await new MailComposer(toNodemailer(mail)).compile().build();
      const id = mail.messageId.replace(/[<>]/g, '').split('@')[0]?.slice(0, 12);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      const base = path.join(dir, `${stamp}_${mail.to.address.replace(/[^\w.@-]/g, '_')}_${id}`);
      await writeFile(`${base}.eml`, raw);
      const attachments = (mail.attachments ?? []).map((a) => `附件：${a.filename}`).join('\n');
      const text = [
        `收件人：${mail.to.name ?? ''} <${mail.to.address}>`,
        `主题：${mail.subject}`,
        '',
        mail.text,
        '',
        attachments,
      ];
      await writeFile(`${base}.txt`, `${text.join('\n').trimEnd()}\n`);
    },
    close() {},
  };
}
