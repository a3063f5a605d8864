import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
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

/**
 * Whether a failed send certainly did not deliver. A server's reply (4xx, 5xx) says so, and so
 * does a failure before the whole message was handed to the connection: without the final dot
 * the server takes nothing. A connection lost after the whole message was written (nodemailer
 * reports command `CONN`) may have delivered it: that is uncertain, and never resent by itself.
 */
export function classifySendError(err: unknown, handedOver: boolean): MailSendError {
  const e = err as { message?: string; responseCode?: number };
  const certainlyNotSent = typeof e.responseCode === 'number' || !handedOver;
  return new MailSendError(e.message ?? String(err), certainlyNotSent);
}

/** Extra field of a mail: called once the whole message has been read by the SMTP connection. */
type WithHandOver = SendMailOptions & { onHandedOver?: () => void };

export function createSmtpMailer(smtpUrl: string): Mailer {
  // One pooled connection set for all mails instead of a handshake per message.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 2 });
  // The message stream's end, as the connection reads it: its DATA has been written in full.
  // (The source is buffered ahead of DATA, so only the last stage's end tells.)
  transport.use('stream', (mail, done) => {
    const onHandedOver = (mail.data as WithHandOver).onHandedOver;
    if (onHandedOver) {
      mail.message.processFunc((stream) => {
        stream.once('end', onHandedOver);
        return stream;
      });
    }
    done();
  });
  return {
    async send(mail) {
      let handedOver = false;
      const options: WithHandOver = {
        ...toNodemailer(mail),
        onHandedOver: () => {
          handedOver = true;
        },
      };
      try {
        await transport.sendMail(options);
      } catch (err) {
        throw classifySendError(err, handedOver);
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
  // Made once (and again should it fail), not per mail.
  let made: Promise<unknown> | null = null;
  return {
    async send(mail) {
      made ??= mkdir(dir, { recursive: true }).catch((err) => {
        made = null;
        throw err;
      });
      await made;
      const raw = await new MailComposer(toNodemailer(mail)).compile().build();
      const id = mail.messageId.replace(/[<>]/g, '').split('@')[0]?.slice(0, 12);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      const base = path.join(dir, `${stamp}_${mail.to.address.replace(/[^\w.@-]/g, '_')}_${id}`);
      await writeFile(`${base}.eml`, raw).catch((err) => {
        // The folder was removed meanwhile: the next attempt makes it again.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') made = null;
        throw err;
      });
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
