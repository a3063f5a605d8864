import { z } from 'zod';
import type { Account } from '../generated/prisma/client';
import type { Prisma } from '../lib/db';
import { ROLE_LABEL, roleSchema } from './auth/session';
import { lookupShape } from './lookup';
import { dateRange, dateRangeShape, pagedQuery } from './paging';
import { literal } from './search-text';
import { type Column, exportShape } from './table-export';

/**
 * The accounts as they page, export and fill the dropdowns that pick a person (reviewers,
 * judges, experts, committee members): a lookup by role answers active accounts only.
 */

const boolFromQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const accountFilters = {
  role: roleSchema.optional().meta({ title: '角色' }),
  active: boolFromQuery.optional().meta({ title: '是否启用' }),
  q: z.string().trim().max(100).optional().meta({ title: '用户名或姓名' }),
  ...dateRangeShape,
};
type AccountFilters = z.infer<z.ZodObject<typeof accountFilters>>;
export const ZAccountListQuery = pagedQuery(accountFilters);
export const ZAccountExportQuery = z.object({ ...accountFilters, ...exportShape });
/** One role or several (`role=reviewer&role=section_head`). */
export const ZAccountLookupQuery = z.object({
  ...lookupShape,
  role: z
    .union([roleSchema, z.array(roleSchema).max(13)])
    .transform((r) => (Array.isArray(r) ? r : [r]))
    .optional()
    .meta({ title: '角色' }),
});

/** By role, then user name (unique). */
export const ACCOUNT_ORDER: Prisma.AccountOrderByWithRelationInput[] = [
  { role: 'asc' },
  { username: 'asc' },
];

const search = (q: string | undefined): Prisma.AccountWhereInput =>
  q
    ? {
        OR: [{ username: { contains: literal(q) } }, { displayName: { contains: literal(q) } }],
      }
    : {};

/** `from`/`to` are the days an account was made. */
export function accountWhere(q: AccountFilters): Prisma.AccountWhereInput {
  const createdAt = dateRange(q);
  return {
    ...(q.role ? { role: q.role } : {}),
    ...(q.active !== undefined ? { active: q.active } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...search(q.q),
  };
}

export function accountLookupWhere(
  q: z.infer<typeof ZAccountLookupQuery>,
): Prisma.AccountWhereInput {
  return { active: true, ...(q.role ? { role: { in: q.role } } : {}), ...search(q.q) };
}

export const ACCOUNT_COLUMNS: Column<Account>[] = [
  { header: '用户名', value: (a) => a.username, width: 22 },
  { header: '姓名', value: (a) => a.displayName },
  { header: '角色', value: (a) => ROLE_LABEL[a.role] ?? a.role },
  { header: '电子邮箱', value: (a) => a.email, width: 28 },
  { header: '状态', value: (a) => (a.active ? '启用' : '停用') },
  { header: '动态验证码', value: (a) => (a.mfaSecret !== null ? '已绑定' : '未绑定') },
  { header: '建立时间', kind: 'time', value: (a) => a.createdAt },
];
