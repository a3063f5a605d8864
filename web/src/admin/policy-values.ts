import { quoteValue } from '../../../domain/plain-issues';
import { type SettingMeta, settingMeta, TIME_UNIT_LABEL } from '../../../domain/policy-labels';
import { yuan, yuanToFen } from '../money';

/**
 * The rule-settings form's values: JSON Schema nodes as the API serves them (z.toJSONSchema),
 * the policy as a plain object edited by path, numbers typed as text and parsed per setting.
 */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: (string | number)[];
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export type Path = (string | number)[];
export const key = (p: Path) => p.join('.');

/** The node a `$ref` points to ('#/$defs/x'), the node itself otherwise. */
export function resolve(root: SchemaNode, n: SchemaNode): SchemaNode {
  if (!n.$ref) return n;
  const name = n.$ref.split('/').at(-1) ?? '';
  return root.$defs?.[name] ?? n;
}

/** The non-null alternative of a nullable node, and whether it may be null. */
export function unNull(n: SchemaNode): { node: SchemaNode; nullable: boolean } {
  if (n.anyOf) {
    const other = n.anyOf.find((x) => x.type !== 'null');
    const nullable = n.anyOf.some((x) => x.type === 'null');
    if (other && nullable) return { node: other, nullable };
  }
  if (Array.isArray(n.type) && n.type.includes('null')) {
    return { node: { ...n, type: n.type.find((t) => t !== 'null') }, nullable: true };
  }
  return { node: n, nullable: false };
}

export const isDuration = (n: SchemaNode) =>
  n.type === 'object' &&
  Object.keys(n.properties ?? {}).length === 2 &&
  Boolean(n.properties?.amount && n.properties?.unit);

export function getAt(o: unknown, p: Path): unknown {
  return p.reduce<unknown>((v, k) => (v == null ? undefined : (v as never)[k]), o);
}

export function setAt<T>(o: T, p: Path, value: unknown): T {
  if (p.length === 0) return value as T;
  const [head, ...rest] = p as [string | number, ...Path];
  const copy = (Array.isArray(o) ? [...o] : { ...(o as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, value);
  return copy as T;
}

const MB = 1024 * 1024;

/** How a number setting is typed: 元 for amounts, % for fractions, MB for bytes, plain otherwise. */
export function numberText(meta: SettingMeta | undefined, v: unknown): string {
  if (typeof v !== 'number') return '';
  if (meta?.money === 'fen') return (v / 100).toFixed(2);
  if (meta?.money === 'yuan') return v.toFixed(2);
  if (meta?.fraction) return String(Math.round(v * 10000) / 100);
  if (meta?.megabytes) return String(Math.round(v / MB));
  return String(v);
}

/** The typed text as the setting's number, or the plain reason it is not one. */
export function parseNumber(
  meta: SettingMeta | undefined,
  integer: boolean,
  text: string,
  optional = false,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return optional ? { ok: true, value: undefined } : { ok: false, message: '请填写' };
  const q = quoteValue(t);
  if (meta?.money) {
    const fen = yuanToFen(t);
    if (Number.isNaN(fen)) return { ok: false, message: `${q}不是有效的金额（元，最多两位小数）` };
    return { ok: true, value: meta.money === 'fen' ? fen : fen / 100 };
  }
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, message: `${q}不是数字` };
  const n = Number(t);
  if (meta?.fraction) return { ok: true, value: n / 100 };
  if (meta?.megabytes)
    return Number.isInteger(n) && n >= 1
      ? { ok: true, value: n * MB }
      : { ok: false, message: `${q}不是正整数（MB）` };
  if (integer && !Number.isInteger(n)) return { ok: false, message: `${q}不是整数` };
  return { ok: true, value: n };
}

/** A setting's value as people read it, for the list of versions. */
export function describeValue(process: string, path: string, v: unknown): string {
  const meta = settingMeta(process, path.replace(/\.(amount|unit)$/, ''));
  if (v === null) return '不设';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    if (meta?.money === 'fen') return `${yuan(v)}元`.replace(/^¥/, '');
    if (meta?.money === 'yuan') return `${yuan(Math.round(v * 100))}元`.replace(/^¥/, '');
    if (meta?.fraction) return `${Math.round(v * 10000) / 100}%`;
    if (meta?.megabytes) return `${Math.round(v / MB)}MB`;
    return `${v}${meta?.unit ?? ''}`;
  }
  if (typeof v === 'string') return meta?.options?.[v] ?? v;
  if (Array.isArray(v)) {
    return v
      .map((x) =>
        x && typeof x === 'object'
          ? ((x as { name?: string }).name ?? describeObject(process, `${path}.0`, x))
          : (meta?.options?.[String(x)] ?? `${String(x)}${meta?.unit ?? ''}`),
      )
      .join('、');
  }
  if (v && typeof v === 'object') {
    const d = v as { amount?: number; unit?: string };
    if (typeof d.amount === 'number' && typeof d.unit === 'string' && Object.keys(d).length === 2)
      return `${d.amount}${TIME_UNIT_LABEL[d.unit] ?? d.unit}`;
    return describeObject(process, path, v);
  }
  return String(v);
}

function describeObject(process: string, path: string, v: object): string {
  return Object.entries(v)
    .map(([k, x]) => {
      const meta = settingMeta(process, `${path}.${k}`);
      return meta?.auto ? null : `${meta?.label ?? k}${describeValue(process, `${path}.${k}`, x)}`;
    })
    .filter(Boolean)
    .join('，');
}

/** A version's settings as 'label：value' lines, one per changed leaf. */
export function describeSettings(
  process: string,
  settings: unknown,
  prefix = '',
): [string, string][] {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return [];
  return Object.entries(settings).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    const meta = settingMeta(process, path);
    const isLeafObject =
      v && typeof v === 'object' && !Array.isArray(v) && 'amount' in v && 'unit' in v;
    if (v && typeof v === 'object' && !Array.isArray(v) && !isLeafObject)
      return describeSettings(process, v, path);
    return [[meta?.label ?? k, describeValue(process, path, v)] as [string, string]];
  });
}

/** A fresh code for a new row ('custom_b'), unlike the others in the list. */
export function newCode(taken: string[]): string {
  for (let i = 0; ; i++) {
    let s = '';
    let n = i;
    do {
      s = String.fromCharCode(97 + (n % 26)) + s;
      n = Math.floor(n / 26) - 1;
    } while (n >= 0);
    const code = `custom_${s}`;
    if (!taken.includes(code)) return code;
  }
}

/** The name of the nearest named setting at or above a path ('limits.decision.amount'). */
export function settingLabelAt(process: string, path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const m = settingMeta(process, parts.slice(0, n).join('.'));
    if (m) return m.label;
  }
  return path;
}
