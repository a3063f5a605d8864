import http from 'node:http';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | null;
  chunked: boolean;
}

// A connection per request: an answer is never blamed on what an earlier request left behind.
const agent = new http.Agent({ keepAlive: false });

/**
 * Sends exactly the bytes given (fetch refuses a GET with a body and fixes up headers).
 * A request the server never answers resolves with status 0 and the socket error.
 */
export function sendRaw(
  baseUrl: string,
  req: RawRequest,
  timeoutMs = 30_000,
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = req.body === null ? null : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers };
  // Explicit framing: Node sends a GET body unframed unless told, which desyncs the connection.
  if (body !== null) {
    if (req.chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(body.length);
  }
  return new Promise((resolve) => {
    const r = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (err) => resolve({ status: 0, contentType: '', text: String(err) }));
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', (err) => resolve({ status: 0, contentType: '', text: String(err) }));
    if (body !== null) r.write(body);
    r.end();
  });
}

export function closeConnections(): void {
  agent.destroy();
}
