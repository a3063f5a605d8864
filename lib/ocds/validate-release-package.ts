import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';

/**
 * Validates against the official OCDS 1.1.5 release-package schema (draft-04), shipped in
 * lib/ocds/schema with its licence. The package schema refers to the release schema by id.
 */

const DIR = path.join(__dirname, 'schema');
const load = (f: string) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8'));

let compiled: ReturnType<Ajv['compile']> | null = null;

function validator() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // The two formats the schemas use, checked without another dependency.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addSchema(load('release-schema.json'));
  compiled = ajv.compile(load('release-package-schema.json'));
  return compiled;
}

export function validateReleasePackage(pkg: unknown): { valid: boolean; errors: string[] } {
  const v = validator();
  const valid = v(pkg) as boolean;
  return {
    valid,
    errors: (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`),
  };
}

/** The codes of one codelist CSV (first column), for checks beyond the schema's enums. */
export function codelist(name: string): string[] {
  const lines = readFileSync(path.join(DIR, 'codelists', `${name}.csv`), 'utf8')
    .trim()
    .split(/\r?\n/);
  return lines.slice(1).map((l) => (l.split(',')[0] ?? '').replace(/^"|"$/g, ''));
}
