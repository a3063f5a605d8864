/** The API on the same origin; the session rides in the httpOnly cookie `mzf_session`. */

export interface ProblemIssue {
  path: string;
  message: string;
  /** The field's Chinese name, where the API's schema gives one. */
  label?: string;
}

/** An RFC 9457 problem answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: ProblemIssue[] = [],
  ) {
    super(detail || title);
  }
}

type Listener = () => void;
const unauthenticated = new Set<Listener>();

/** Called when a request finds the session gone, so the shell can show the sign-in page. */
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticated.add(fn);
  return () => unauthenticated.delete(fn);
}

async function problemOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    title?: string;
    detail?: string;
    errors?: ProblemIssue[];
  } | null;
  return new ApiError(
    res.status,
    body?.title ?? `请求失败（${res.status}）`,
    body?.detail ?? '',
    body?.errors ?? [],
  );
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && !(body instanceof FormData)
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body: body instanceof FormData ? body : body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, '网络连接失败', '无法连接服务器，请检查网络后重试。');
  }
  // A wrong password or code is the form's to show; elsewhere a 401 means the session is gone.
  if (res.status === 401 && path !== '/api/auth/login' && !path.startsWith('/api/auth/mfa/')) {
    for (const fn of unauthenticated) fn();
  }
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Idempotency-Keys of one decision dialog: the same body sent again (after a 503 or a lost
 * answer) carries the same key and gets the first outcome instead of a refusal; a changed body
 * is another decision. Start a new set once a decision has gone through.
 */
export function decisionKeys(): (body: unknown) => Record<string, string> {
  const keys = new Map<string, string>();
  return (body) => {
    const text = JSON.stringify(body ?? {});
    const key = keys.get(text) ?? crypto.randomUUID();
    keys.set(text, key);
    return { 'Idempotency-Key': key };
  };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/** Field errors of a problem keyed by the form's own path ('body.application.' stripped). */
export function fieldErrors(err: unknown, prefixes: string[] = ['body.']): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) {
    let p = e.path;
    for (const prefix of prefixes) if (p.startsWith(prefix)) p = p.slice(prefix.length);
    out[p] ??= e.message;
  }
  return out;
}
