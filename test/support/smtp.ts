import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  raw: string;
  subject: string;
  messageId: string;
}

function header(raw: string, name: string): string {
  const m = raw.match(new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im'));
  return m?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim() ?? '';
}

/** RFC 2047 encoded-words (=?UTF-8?B?...?=, =?UTF-8?Q?...?=) back to text. */
function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/**
 * How a misbehaving server drops the connection: before the message (at MAIL FROM: nothing was
 * delivered), or after the whole message arrived, before its reply (it was delivered).
 */
export type SmtpDrop = 'before-data' | 'after-data';

/** A real SMTP server on loopback that keeps what it receives, for assertions. */
export async function startSmtpServer(
  opts: {
    rejectWith?: () => string | null;
    dropWith?: () => SmtpDrop | null;
    /** Runs when a whole message has arrived, before the server answers. */
    onMessage?: () => Promise<void> | void;
  } = {},
) {
  const received: ReceivedMail[] = [];
  const sockets = new Map<number, Socket>();
  const drop = (session: { remotePort: number }) => sockets.get(session.remotePort)?.destroy();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, session, callback) {
      if (opts.dropWith?.() === 'before-data') return drop(session);
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const refusal = opts.rejectWith?.();
        if (refusal) return callback(Object.assign(new Error(refusal), { responseCode: 451 }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
          subject: decodeWords(header(raw, 'Subject')),
          messageId: header(raw, 'Message-ID'),
        });
        await opts.onMessage?.();
        // Delivered, but the client never hears so.
        if (opts.dropWith?.() === 'after-data') return drop(session);
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    if (socket.remotePort) sockets.set(socket.remotePort, socket);
    socket.once('close', () => socket.remotePort && sockets.delete(socket.remotePort));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mails to an address whose subject contains `text`. */
    to(address: string, text = ''): ReceivedMail[] {
      return received.filter(
        (m) => m.to.includes(address.toLowerCase()) && m.subject.includes(text),
      );
    },
    async waitFor(
      predicate: (m: ReceivedMail) => boolean,
      timeoutMs = 15_000,
    ): Promise<ReceivedMail> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find(predicate);
        if (hit) return hit;
        if (Date.now() > until) {
          throw new Error(
            `no such mail within ${timeoutMs} ms; got: ${received.map((m) => `${m.to.join(',')} ${m.subject}`).join(' | ')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtpServer>>;
