/** The routes under test, read from the app's own OpenAPI document (built from its RouteRegistry). */

export type JsonSchema = { [key: string]: unknown };

export interface FuzzParam {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface FuzzRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI template, e.g. /api/registrations/{id}/files/{fileId}. */
  template: string;
  /** `POST /api/registrations/{id}/accept`: how reports and tests name the route. */
  key: string;
  pathParams: FuzzParam[];
  queryParams: FuzzParam[];
  headerParams: string[];
  /** The request body's schema with its `$defs`, when the route takes JSON. */
  jsonBody: JsonSchema | null;
  /** The multipart fields' schema, when the route takes an upload. */
  multipart: JsonSchema | null;
  public: boolean;
}

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}

const METHODS = ['get', 'post', 'put', 'delete'] as const;

export async function discoverRoutes(baseUrl: string): Promise<FuzzRoute[]> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>> };
  const routes: FuzzRoute[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const params = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} }));
      routes.push({
        method,
        template,
        key: `${method.toUpperCase()} ${template}`,
        pathParams: params('path'),
        queryParams: params('query'),
        headerParams: params('header').map((p) => p.name),
        jsonBody: op.requestBody?.content['application/json']?.schema ?? null,
        multipart: op.requestBody?.content['multipart/form-data']?.schema ?? null,
        public: op.security === undefined,
      });
    }
  }
  return routes;
}
