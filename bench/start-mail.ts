import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { startSmtpSink } from './smtp-sink';

export interface BenchMail {
  /** Configuration keys that point the product's mailer here. */
  env: Record<string, string>;
  description: string;
  received(): { messages: number; megabytes: number };
  stop(): Promise<void>;
}

/**
 * Where the product's mail goes. `folder` is embedded mode's outbox folder (removed at the end);
 * `smtp` is a loopback smtp-server, which pauses 100 ms before every greeting (its early-talker
 * check, not configurable): that pause is part of the product's timings in that mode.
 */
export async function startMail(kind: 'folder' | 'smtp', stamp: string): Promise<BenchMail> {
  if (kind === 'smtp') {
    const sink = await startSmtpSink();
    return {
      env: { SMTP_URL: sink.url },
      description: `SMTP sink in this process (smtp-server at ${sink.url}, messages discarded)`,
      received: () => {
        const { messages, bytes } = sink.received();
        return { messages, megabytes: bytes / 2 ** 20 };
      },
      stop: sink.close,
    };
  }
  const dir = path.join(__dirname, 'results', `mail-${stamp}`);
  return {
    env: { MAIL_OUTBOX_DIR: dir },
    description: `outbox folder ${path.relative(process.cwd(), dir)} (no SMTP_URL; removed at the end)`,
    received: () => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
      return { messages: files.length, megabytes: bytes / 2 ** 20 };
    },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
