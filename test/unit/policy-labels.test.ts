import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { POLICY_FORMS, settingMeta, settingPattern } from '../../domain/policy-labels';
import { POLICY_SCHEMAS } from '../../lib/rules/policy-schemas';

type Node = {
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  $ref?: string;
  enum?: unknown[];
};

/** Every setting path of a policy's JSON Schema, as the rule-settings form walks it. */
function paths(
  root: Node & { $defs?: Record<string, Node> },
  n: Node,
  p: string,
  seen = 0,
): string[] {
  if (n.$ref)
    return seen > 2
      ? []
      : paths(root, root.$defs?.[n.$ref.split('/').at(-1) ?? ''] ?? {}, p, seen + 1);
  if (n.anyOf) return paths(root, n.anyOf.find((x) => x.type !== 'null') ?? {}, p, seen);
  const here = p ? [p] : [];
  if (n.type === 'object' && n.properties) {
    const keys = Object.keys(n.properties);
    if (keys.length === 2 && keys.includes('amount') && keys.includes('unit')) return here;
    return [
      ...here,
      ...keys.flatMap((k) => paths(root, n.properties?.[k] ?? {}, p ? `${p}.${k}` : k, seen)),
    ];
  }
  if (n.type === 'array' && n.items)
    return [...here, ...paths(root, n.items, `${p}.0`, seen)].filter((x) => x !== `${p}.0`);
  return here;
}

// Every process an administrator edits (lib/rules/policy-schemas.ts), evaluation included.
const schemas: Record<string, z.ZodType> = POLICY_SCHEMAS;

describe('the names of the policy settings', () => {
  it.each(Object.keys(schemas))(
    'given the %s policy, then every setting has a Chinese name',
    (process) => {
      const js = z.toJSONSchema(schemas[process] as z.ZodType, {
        io: 'input',
        unrepresentable: 'any',
      }) as Node;
      const unnamed = paths(js, js, '').filter((p) => !settingMeta(process, p));
      expect(unnamed).toEqual([]);
      expect(POLICY_FORMS[process]?.title).toBeTruthy();
    },
  );

  it('given a path in a list or an indicator tree, then it folds onto the named pattern', () => {
    expect(settingPattern('rubric.2.max')).toBe('rubric.*.max');
    expect(settingPattern('indicators.foundation.1.children.0.children.3.name')).toBe(
      'indicators.foundation.*.name',
    );
    expect(settingMeta('evaluation', 'indicators.foundation.1.children.0.max')?.label).toBe('分值');
  });
});
