import { createFolderMailer, createSmtpMailer, type Mailer } from '../activities/mail/mailer';
import { createOutbox, type Outbox } from '../activities/mail/outbox';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db';

/** SMTP when configured; otherwise the outbox folder a person can open (embedded mode). */
export function createMailing(
  config: Config,
  db: Db,
): { mailer: Mailer; outbox: Outbox; where: string } {
  const mailer = config.SMTP_URL
    ? createSmtpMailer(config.SMTP_URL)
    : createFolderMailer(config.outboxDir);
  const where = config.SMTP_URL
    ? config.SMTP_URL.replace(/\/\/[^@]*@/, '//***@')
    : config.outboxDir;
  return { mailer, outbox: createOutbox(db, mailer, { from: config.MAIL_FROM }), where };
}
