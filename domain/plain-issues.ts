import { z } from 'zod';

/**
 * Validation messages as an official reads them: the value typed and what is wrong with it, in
 * zh-CN, without the validator's words (array, string, int, ISO, regular expressions). Installed
 * as zod's error map by the API and by the web front end, so both say the same thing; a schema's
 * own message still wins where it has one.
 */

const MAX_SHOWN = 40;

/** 「value」 for a value a person typed; null when there is nothing worth quoting. */
export function quoteValue(input: unknown): string | null {
  if (typeof input === 'number' || typeof input === 'bigint' || typeof input === 'boolean') {
    return typeof input === 'boolean' ? null : `「${String(input)}」`;
  }
  if (typeof input !== 'string' || input.trim() === '') return null;
  const s = input.length > MAX_SHOWN ? `${input.slice(0, MAX_SHOWN)}…` : input;
  return `「${s}」`;
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const FORMAT: Record<string, string> = {
  date: '不是有效的日期',
  datetime: '不是有效的日期和时间',
  time: '不是有效的时间',
  email: '不是有效的电子邮箱地址',
  url: '不是有效的网址',
  uuid: '不是有效的编号',
  guid: '不是有效的编号',
  regex: '的格式不对',
  starts_with: '的开头不对',
  ends_with: '的结尾不对',
  includes: '缺少应有的内容',
};

const num = (n: unknown) => Number(n);

interface RawIssue {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  exact?: boolean;
  values?: readonly unknown[];
  divisor?: unknown;
  keys?: readonly string[];
}

function typeMessage(i: RawIssue): string {
  const q = quoteValue(i.input);
  if (isBlank(i.input)) return i.expected === 'array' ? '请至少填写一项' : '请填写';
  switch (i.expected) {
    case 'number':
      return `${q ?? '填写的内容'}不是数字`;
    case 'int':
      return `${q ?? '填写的内容'}不是整数`;
    case 'boolean':
      return '请选择“是”或“否”';
    case 'string':
      return '请填写文字';
    case 'array':
    case 'object':
    case 'record':
      return '填写的内容格式不对';
    default:
      return q ? `${q}不符合要求` : '填写的内容不符合要求';
  }
}

function sizeMessage(i: RawIssue, small: boolean): string {
  const limit = num(small ? i.minimum : i.maximum);
  const strict = i.inclusive === false;
  const q = quoteValue(i.input) ?? '';
  switch (i.origin) {
    case 'string':
      if (small && limit <= 1) return '请填写';
      if (i.exact) return `应为${limit}个字（现为${String(i.input ?? '').length}个字）`;
      return small
        ? `至少${limit}个字（现为${String(i.input ?? '').length}个字）`
        : `不能超过${limit}个字（现为${String(i.input ?? '').length}个字）`;
    case 'array':
    case 'set':
      return small ? `至少${limit}项` : `不能超过${limit}项`;
    case 'number':
    case 'int':
    case 'bigint':
      if (!small && limit >= Number.MAX_SAFE_INTEGER) return `${q}太大`;
      return small
        ? `${q}${strict ? '须大于' : '不能小于'}${limit}`
        : `${q}${strict ? '须小于' : '不能大于'}${limit}`;
    case 'date':
      return small ? '日期太早' : '日期太晚';
    default:
      return small ? `不能少于${limit}` : `不能多于${limit}`;
  }
}

/** The plain message of one issue, or undefined to keep zod's own. */
export function plainIssueMessage(i: RawIssue): string | undefined {
  const q = quoteValue(i.input);
  switch (i.code) {
    case 'invalid_type':
      return typeMessage(i);
    case 'too_small':
      return sizeMessage(i, true);
    case 'too_big':
      return sizeMessage(i, false);
    case 'invalid_format':
      if (isBlank(i.input)) return '请填写';
      return `${q ?? '填写的内容'}${FORMAT[i.format ?? ''] ?? '的格式不对'}`;
    case 'invalid_value':
      return isBlank(i.input) ? '请选择' : `${q ?? '所选的值'}不是可选的值`;
    case 'not_multiple_of':
      return `${q ?? ''}须是${String(i.divisor)}的整数倍`;
    case 'unrecognized_keys':
      return `含有不认识的项：${(i.keys ?? []).join('、')}`;
    case 'invalid_union':
      return isBlank(i.input) ? '请填写' : `${q ?? '填写的内容'}不符合要求`;
    default:
      return undefined;
  }
}

/** Installs the plain messages as zod's error map (zh-CN locale underneath for the rest). */
export function installPlainIssues(): void {
  z.config(z.locales.zhCN());
  z.config({ customError: (iss) => plainIssueMessage(iss as unknown as RawIssue) });
}

type Node = { _zod: { def: Record<string, unknown> } };

const titleOf = (s: Node) =>
  (z.globalRegistry.get(s as unknown as z.ZodType)?.title as string) ?? null;

/**
 * The Chinese name (`.meta({ title })`) of the field at `path` in a schema, looking through
 * optional, default and nullable wrappers; null when the schema names none.
 */
export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | null {
  let node = schema as unknown as Node;
  let title: string | null = null;
  const unwrap = () => {
    for (;;) {
      title = titleOf(node) ?? title;
      const inner = (node._zod.def.innerType ?? (node._zod.def.in as Node | undefined)) as
        | Node
        | undefined;
      if (
        !inner ||
        !['optional', 'default', 'prefault', 'nullable', 'pipe', 'readonly'].includes(
          node._zod.def.type as string,
        )
      )
        return;
      node = inner;
    }
  };
  unwrap();
  for (const key of path) {
    title = null;
    const def = node._zod.def;
    if (def.type === 'object' && typeof key === 'string') {
      const next = (def.shape as Record<string, Node>)[key];
      if (!next) return null;
      node = next;
    } else if (def.type === 'array' && typeof key === 'number') {
      node = def.element as Node;
    } else if (def.type === 'record') {
      node = def.valueType as Node;
    } else return null;
    unwrap();
  }
  return title;
}
