import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../../api/app';
import { createWorkflowClients } from '../../../client/workflow-clients';
import type { Harness } from '../harness';

/** The header that names a request, so that a 500 can be matched with the error behind it. */
export const TRACE_HEADER = 'x-fuzz-id';

export interface TracedApp {
  baseUrl: string;
  /** The error the app logged for a 5xx answer to this request id ("Type: message @ frame"). */
  causeOf(id: string): string | undefined;
  close(): Promise<void>;
}

const ROOT = `${path.resolve(__dirname, '..', '..', '..')}/`;

interface LoggedError {
  type?: string;
  message?: string;
  stack?: string;
  code?: string;
  meta?: { driverAdapterError?: { cause?: { message?: string } } };
}

/** "Type: message @ file:line" with the first frame in this repository's own code. */
function summarize(line: string): string {
  const err: LoggedError = (JSON.parse(line) as { err?: LoggedError }).err ?? {};
  const frames = (err.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at '));
  const own = frames.find((f) => f.includes(ROOT) && !f.includes('node_modules')) ?? frames[0];
  const where = own
    ?.trim()
    .replace(/^at /, '')
    .replaceAll(ROOT, '')
    .replace(/.*node_modules\//, '');
  // Prisma's message is a code frame; the database's own words are in meta.
  const prismaCall = err.message?.match(/Invalid `([^`]+)` invocation/)?.[1];
  const dbMessage = err.meta?.driverAdapterError?.cause?.message;
  const message = prismaCall
    ? `${prismaCall} failed${err.code ? ` (${err.code})` : ''}: ${dbMessage ?? err.message?.split('\n').at(-1)}`
    : (err.message ?? '').replace(/\s+/g, ' ').trim();
  return `${err.type ?? 'Error'}: ${message.slice(0, 200)}${where ? ` @ ${where}` : ''}`;
}

/**
 * The same app the harness serves (createApp on the harness's database, Temporal client and
 * config) with a logger that keeps each unexpected error, so a report can say why a 5xx happened.
 * The error handler logs and answers in one synchronous step, so the last error logged when a
 * 5xx is written belongs to that response.
 */
export async function startTracedApp(h: Harness): Promise<TracedApp> {
  let lastError: string | null = null;
  const causes = new Map<string, string>();
  const logger = pino(
    { level: 'error', base: undefined },
    {
      write(line: string) {
        lastError = summarize(line);
      },
    },
  );
  const app = createApp({
    db: h.db,
    ...createWorkflowClients(h.client, h.config),
    config: h.config,
    logger,
    sessionSecret: randomBytes(32).toString('hex'),
  });
  const server = http.createServer((req, res) => {
    const id = String(req.headers[TRACE_HEADER] ?? '');
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.end = ((...args: unknown[]) => {
      if (res.statusCode >= 500 && lastError) causes.set(id, lastError);
      lastError = null;
      return end(...args);
    }) as typeof res.end;
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    causeOf: (id) => causes.get(id),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
