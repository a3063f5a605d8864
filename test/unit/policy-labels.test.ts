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

/** Every setting of a policy's JSON Schema by path, as the rule-settings form walks it. */
function settings(
  root: Node & { $defs?: Record<string, Node> },
  n: Node,
  p: string,
  seen = 0,
  out = new Map<string, Node>(),
): Map<string, Node> {
  if (n.$ref) {
    if (seen <= 2)
      settings(root, root.$defs?.[n.$ref.split('/').at(-1) ?? ''] ?? {}, p, seen + 1, out);
    return out;
  }
  if (n.anyOf) return settings(root, n.anyOf.find((x) => x.type !== 'null') ?? {}, p, seen, out);
  if (p) out.set(p, n);
  if (n.type === 'object' && n.properties) {
    const keys = Object.keys(n.properties);
    if (keys.length === 2 && keys.includes('amount') && keys.includes('unit')) return out;
    for (const k of keys) settings(root, n.properties[k] ?? {}, p ? `${p}.${k}` : k, seen, out);
  }
  // A list's rows are named by their fields ('rubric.*.max'), not as a row.
  if (n.type === 'array' && n.items && n.items.type === 'object')
    settings(root, n.items, `${p}.0`, seen, out);
  if (n.type === 'array' && n.items?.$ref) settings(root, n.items, `${p}.0`, seen, out);
  out.delete(`${p}.0`);
  return out;
}

/** The values a setting (or each element of a list setting) may take, if it is a choice. */
function choices(n: Node): unknown[] | undefined {
  return n.enum ?? n.items?.enum;
}

// Every process an administrator edits (lib/rules/policy-schemas.ts), evaluation included.
const schemas: Record<string, z.ZodType> = POLICY_SCHEMAS;

describe('the names of the policy settings', () => {
  const settingsOf = (process: string) => {
    const js = z.toJSONSchema(schemas[process] as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
    }) as Node;
    return settings(js, js, '');
  };

  it.each(Object.keys(schemas))(
    'given the %s policy, then every setting has a Chinese name',
    (process) => {
      const unnamed = [...settingsOf(process).keys()].filter((p) => !settingMeta(process, p));
      expect(unnamed).toEqual([]);
      expect(POLICY_FORMS[process]?.title).toBeTruthy();
    },
  );

  it.each(Object.keys(schemas))(
    'given the %s policy, then every name is of a setting it still has',
    (process) => {
      const patterns = new Set([...settingsOf(process).keys()].map(settingPattern));
      const stale = Object.keys(POLICY_FORMS[process]?.labels ?? {}).filter(
        (k) => !patterns.has(k),
      );
      expect(stale).toEqual([]);
    },
  );

  it.each(Object.keys(schemas))(
    'given the %s policy, then every choice offers exactly the values the policy accepts',
    (process) => {
      const wrong = [...settingsOf(process)].flatMap(([path, node]) => {
        const values = choices(node);
        const options = settingMeta(process, path)?.options;
        if (!values || !options) return [];
        const named = Object.keys(options).sort();
        const accepted = values.map(String).sort();
        return JSON.stringify(named) === JSON.stringify(accepted)
          ? []
          : [{ path, named, accepted }];
      });
      expect(wrong).toEqual([]);
    },
  );

  it('given the settings issue 14 added and removed, then the new ones are named and the removed ones are not', () => {
    for (const [process, path, label] of [
      ['registration', 'names.forbiddenPrefixForms', '不得冠以上述字样的组织形式'],
      ['registration', 'names.fieldTerms', '行业、领域用语'],
      ['registration', 'names.brandMinLength', '字号最少字数'],
      ['registration', 'creditCode.position17', '第17位（组织机构代码校验码）不符时'],
      ['purchase', 'purchaser.allowedKinds', '可作为购买主体的单位'],
      ['purchase', 'methods.minResponsePeriod.competitive_negotiation', '竞争性谈判'],
      ['purchase', 'panel.tenderMinSize', '招标项目评审委员会最少人数'],
      ['purchase', 'bidBond.maxPercent', '保证金不超过预算的'],
      ['purchase', 'bidBond.returnLimit', '保证金退还期限'],
      ['purchase', 'contract.amendmentMaxIncreasePercent', '合同变更增加金额不超过原合同的'],
      ['competition', 'inspectionExemptMonths', '上年末前登记未满此月数的免查上年年检'],
    ] as const)
      expect([process, path, settingMeta(process, path)?.label]).toEqual([process, path, label]);
    expect(settingMeta('purchase', 'purchaser.allowedKinds')?.options?.state_organ).toBe(
      '国家机关',
    );
    expect(settingMeta('registration', 'limits.certificateDelivery')).toBeUndefined();
    expect(settingMeta('evaluation', 'limits.eligibility')).toBeUndefined();
  });

  it('given a path in a list or an indicator tree, then it folds onto the named pattern', () => {
    expect(settingPattern('rubric.2.max')).toBe('rubric.*.max');
    expect(settingPattern('indicators.foundation.1.children.0.children.3.name')).toBe(
      'indicators.foundation.*.name',
    );
    expect(settingMeta('evaluation', 'indicators.foundation.1.children.0.max')?.label).toBe('分值');
  });
});
