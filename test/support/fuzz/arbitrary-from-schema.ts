import fc from 'fast-check';
import type { JsonSchema } from './discover-routes';

/**
 * Values that satisfy a JSON Schema as zod's toJSONSchema writes it (the subset the API uses):
 * the "valid" starting point that the fuzzer then breaks one field at a time. Refinements that
 * JSON Schema cannot express are not honoured, so some of these are still refused: that is fine.
 */
export function arbitraryFromSchema(
  schema: JsonSchema,
  root: JsonSchema = schema,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitraryFromSchema(a, root)));
  switch (s.type) {
    case 'string':
      return stringFrom(s);
    case 'integer':
      return fc.integer({ min: bound(s, 'min', -1e6), max: bound(s, 'max', 1e6) });
    case 'number':
      return fc.double({
        min: bound(s, 'min', -1e6),
        max: bound(s, 'max', 1e6),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFromSchema((s.items as JsonSchema) ?? {}, root), {
        minLength: (s.minItems as number) ?? 0,
        maxLength: Math.min((s.maxItems as number) ?? 3, Math.max(3, (s.minItems as number) ?? 0)),
      });
    case 'object':
      return objectFrom(s, root);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  const target = (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
  if (!target) throw new Error(`unresolved ${ref}`);
  return resolve(target, root);
}

function bound(s: JsonSchema, side: 'min' | 'max', fallback: number): number {
  const inclusive = s[side === 'min' ? 'minimum' : 'maximum'];
  const exclusive = s[side === 'min' ? 'exclusiveMinimum' : 'exclusiveMaximum'];
  if (typeof inclusive === 'number') return inclusive;
  if (typeof exclusive === 'number') return side === 'min' ? exclusive + 1 : exclusive - 1;
  return fallback;
}

function stringFrom(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date') {
    // The whole range the format allows: year 0000 is a valid ISO date, but not a PostgreSQL one.
    return fc
      .date({ min: new Date('0000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (s.format === 'email') return fc.constantFrom('a@example.com', 'fuzz.user@test.example');
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern));
  const minLength = (s.minLength as number) ?? 0;
  const maxLength = Math.min((s.maxLength as number) ?? 40, minLength + 40);
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function objectFrom(s: JsonSchema, root: JsonSchema): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = (s.required ?? []) as string[];
  if (Object.keys(props).length === 0 && s.additionalProperties) {
    const value =
      typeof s.additionalProperties === 'object'
        ? arbitraryFromSchema(s.additionalProperties as JsonSchema, root)
        : fc.jsonValue({ maxDepth: 2 });
    const key = s.propertyNames
      ? (arbitraryFromSchema(s.propertyNames as JsonSchema, root) as fc.Arbitrary<string>)
      : fc.string();
    return fc.dictionary(key, value, { maxKeys: 3 });
  }
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) record[k] = arbitraryFromSchema(v, root);
  return fc.record(record, { requiredKeys: required });
}
