/** The product's HTTP API as a person's browser calls it: JSON or a form in, JSON out. */
export interface ApiClient {
  call<T>(method: string, path: string, opts?: CallOptions): Promise<T>;
}

interface CallOptions {
  body?: unknown;
  /** The status that counts as success; anything else throws with the problem document. */
  expect?: number;
  headers?: Record<string, string>;
}

export function apiClient(baseUrl: string, token?: string): ApiClient {
  return {
    async call<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
      const { body, expect = 200 } = opts;
      const form = body instanceof FormData;
      const res = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...opts.headers,
        },
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status !== expect)
        throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const { token } = await apiClient(baseUrl).call<{ token: string }>('POST', '/api/auth/login', {
    body: { username, password },
  });
  return token;
}
