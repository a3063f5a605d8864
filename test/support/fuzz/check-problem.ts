import type { RawResponse } from './send-raw';

/**
 * What every answer must satisfy, whatever was sent: no 5xx, and every refusal an RFC 9457
 * problem whose `status` repeats the HTTP status. Returns what is wrong (empty when nothing).
 */
export function checkAnswer(res: RawResponse, method: string): string[] {
  if (res.status === 0) return [`no HTTP answer: ${res.text}`];
  if (res.status >= 500) return [`${res.status} server error`];
  if (res.status < 400 || method === 'HEAD') return [];
  const wrong: string[] = [];
  if (!res.contentType.startsWith('application/problem+json'))
    wrong.push(
      `${res.status} with content-type "${res.contentType}", not application/problem+json`,
    );
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(res.text);
  } catch {
    return [...wrong, `${res.status} body is not JSON`];
  }
  for (const field of ['type', 'title', 'detail'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '')
      wrong.push(`problem.${field} missing or not a string`);
  }
  if (body.status !== res.status)
    wrong.push(`problem.status ${String(body.status)} ≠ HTTP ${res.status}`);
  return wrong;
}
