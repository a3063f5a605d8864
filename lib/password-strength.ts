import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Checks a new password (ASVS 5.0 6.2): long enough, not one of the common passwords (the
 * ~49,000 of zxcvbn-ts's list and a few Chinese habits it lacks), and not built from the
 * account's or the bureau's own names. Messages are zh-CN; an empty list means acceptable.
 */

const COMMON = new Set<string>([
  ...(dictionary['passwords-common'] as string[]),
  // Habits of Chinese users that the English-centred list misses.
  ...[
    'woaini',
    'woaini1314',
    'woaini520',
    '5201314',
    '1314520',
    'a123456',
    'qq123456',
    'aa123456',
    'zxcvbnm',
    'zhang123',
    'wang123',
    'li123456',
    'asd123456',
    'abc123456',
    'admin123',
    'admin@123',
    'qwe123',
    'p@ssw0rd',
    'mima123',
    'mima',
    'zhonglou',
    'changzhou',
    'minzheng',
  ],
]);

export interface PasswordContext {
  username: string;
  displayName?: string | null;
  email?: string | null;
  /** The district's and the bureau's names (e.g. 常州市钟楼区, 钟楼区民政局). */
  places: string[];
}

/** Lower case, full-width folded, common substitutions undone (p@ssw0rd → password). */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/\$/g, 's');
}

/** The password without digits and punctuation around it: "Password2026!" → "password". */
function core(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
}

function isCommon(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  return [lower, core(lower), fold(lower), core(fold(lower))].some(
    (v) => v.length > 0 && COMMON.has(v),
  );
}

/** Names shorter than this are too short to judge a password by (e.g. a 2-letter login). */
const MIN_CONTEXT = 3;

function contextWords(ctx: PasswordContext): string[] {
  const emailName = ctx.email?.split('@')[0] ?? '';
  const words = [ctx.username, ctx.displayName ?? '', emailName, ...ctx.places];
  // 常州市钟楼区民政局 is also 常州市, 钟楼区, 民政局 and, without the unit, 常州, 钟楼, 民政.
  const parts = ctx.places.flatMap((p) =>
    (p.match(/[^省市区县镇乡局]+[省市区县镇乡局]/gu) ?? []).flatMap((seg) =>
      seg.length > 2 ? [seg, seg.slice(0, -1)] : [seg],
    ),
  );
  return [...words, ...parts]
    .map((w) => w.normalize('NFKC').toLowerCase().trim())
    .filter((w) => [...w].length >= MIN_CONTEXT || /[\u4e00-\u9fff]{2,}/.test(w));
}

export function checkNewPassword(
  password: string,
  ctx: PasswordContext,
  minLength: number,
): string[] {
  const problems: string[] = [];
  const length = [...password.normalize('NFKC')].length;
  if (length < minLength) problems.push(`密码至少 ${minLength} 位`);
  if (isCommon(password)) problems.push('该密码属于常见密码，容易被猜中，请换一个');
  const lower = password.normalize('NFKC').toLowerCase();
  const folded = fold(password);
  const hit = contextWords(ctx).find((w) => lower.includes(w) || folded.includes(fold(w)));
  if (hit) problems.push('密码不能包含用户名、姓名、邮箱名或本区、本机关的名称');
  if (/^(.)\1+$/u.test(password)) problems.push('密码不能由同一个字符重复组成');
  return problems;
}
