import type { FuzzRoute } from './discover-routes';
import type { FuzzIdentity } from './fuzz-auth';
import { sendRaw } from './send-raw';

/**
 * Who gets past a route's access check, found by asking: a request with a malformed path
 * parameter and an array for a body is refused after the check (400) or by it (401/403), so the
 * probe changes nothing. The fuzzer then calls mostly as those who get through.
 */
export async function probeAccess(
  baseUrl: string,
  route: FuzzRoute,
  identities: FuzzIdentity[],
): Promise<FuzzIdentity[]> {
  const path = route.template.replace(/\{\w+\}/g, 'not-an-id');
  const answers = await Promise.all(
    identities.map((id) =>
      sendRaw(baseUrl, {
        method: route.method.toUpperCase(),
        path,
        headers: { authorization: `Bearer ${id.token}`, 'content-type': 'application/json' },
        body: route.method === 'get' ? null : '[]',
        chunked: false,
      }),
    ),
  );
  return identities.filter((_, i) => ![401, 403].includes(answers[i]?.status ?? 0));
}
