import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  received(): { messages: number; bytes: number };
  close(): Promise<void>;
}

/** An SMTP server on loopback that accepts every message, counts it and throws it away. */
export async function startSmtpSink(): Promise<SmtpSink> {
  let messages = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Its default reverse DNS lookup of 127.0.0.1 would be timed as the product's mail.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      stream.on('end', () => {
        messages++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => ({ messages, bytes }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
