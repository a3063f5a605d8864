import { Router } from 'express';
import { z } from 'zod';
import {
  ZAuditEntriesResponse,
  ZAuditVerifyResponse,
  ZSecurityEventsResponse,
} from '../../contract/admin';
import {
  AUDIT_SUBJECT_LABEL,
  SECURITY_EVENT_LABEL,
  SECURITY_OUTCOME_LABEL,
} from '../../domain/log-labels';
import type { AuditEntry, SecurityEvent } from '../../generated/prisma/client';
import { type ChainHead, type ChainName, verifyChain } from '../../lib/audit-chain';
import type { Prisma } from '../../lib/db';
import { SECURITY_EVENT_KINDS } from '../../lib/security-log';
import type { AppContext } from '../app';
import { ROLE_LABEL, type Role } from '../auth/session';
import { addLogRoutes, LOG_ORDER } from '../log-routes';
import { dateRange } from '../paging';
import type { RouteRegistry } from '../route';
import type { Column } from '../table-export';

/**
 * The logs for the auditor (三权分立): the decisions' audit log of every process and the
 * security log, read-only, and the check of both hash chains. No route changes or deletes an
 * entry, and the database refuses it too (triggers of the migration `security`).
 */

const TAG = '审计';

const head = z
  .string()
  .regex(/^\d{1,15}:[0-9a-f]{64}$/, '格式：位置:哈希（如 1024:3fa…）')
  .transform((s): ChainHead => {
    const [seq, hash] = s.split(':') as [string, string];
    return { seq: Number(seq), hash };
  });

/** The day range of a log: China Standard Time days (api/paging.ts), on the entry's time. */
const atRange = (q: { from?: string; to?: string }) => {
  const at = dateRange(q);
  return at ? { at } : {};
};

const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { header: '链上位置', kind: 'count', value: (r) => r.chainSeq },
  { header: '时间', kind: 'time', value: (r) => r.at },
  { header: '事项类别', value: (r) => AUDIT_SUBJECT_LABEL[r.subjectType] ?? r.subjectType },
  { header: '事项编号', value: (r) => r.subjectId, width: 38 },
  { header: '决定', value: (r) => r.action, width: 22 },
  { header: '原状态', value: (r) => r.fromStatus },
  { header: '新状态', value: (r) => r.toStatus },
  { header: '办理人', value: (r) => r.actorName },
  {
    header: '办理人角色',
    value: (r) => (r.actorRole ? (ROLE_LABEL[r.actorRole as Role] ?? r.actorRole) : null),
  },
  { header: '理由', value: (r) => r.reason, width: 30 },
  { header: '法律依据', value: (r) => r.legalBasis, width: 30 },
  { header: '哈希', value: (r) => r.hash, width: 66 },
];

const SECURITY_COLUMNS: Column<SecurityEvent>[] = [
  { header: '链上位置', kind: 'count', value: (r) => r.chainSeq },
  { header: '时间', kind: 'time', value: (r) => r.at },
  { header: '事件', value: (r) => SECURITY_EVENT_LABEL[r.kind] ?? r.kind },
  { header: '结果', value: (r) => SECURITY_OUTCOME_LABEL[r.outcome] ?? r.outcome },
  { header: '账号', value: (r) => r.username },
  { header: '角色', value: (r) => (r.role ? (ROLE_LABEL[r.role as Role] ?? r.role) : null) },
  { header: '来源地址', value: (r) => r.sourceIp },
  { header: '请求', value: (r) => (r.method ? `${r.method} ${r.path ?? ''}` : null), width: 40 },
  { header: '客户端', value: (r) => r.userAgent, width: 40 },
  { header: '哈希', value: (r) => r.hash, width: 66 },
];

function auditItem(r: AuditEntry) {
  return {
    chainSeq: Number(r.chainSeq),
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    seq: r.seq,
    at: r.at.toISOString(),
    actor: { id: r.actorId, name: r.actorName, role: r.actorRole },
    action: r.action,
    from: r.fromStatus,
    to: r.toStatus,
    reason: r.reason,
    legalBasis: r.legalBasis,
    recordedAt: r.recordedAt.toISOString(),
    hash: r.hash,
  };
}

function securityItem(r: SecurityEvent) {
  return {
    chainSeq: Number(r.chainSeq),
    at: r.at.toISOString(),
    kind: r.kind,
    outcome: r.outcome,
    accountId: r.accountId,
    username: r.username,
    role: r.role,
    sourceIp: r.sourceIp,
    userAgent: r.userAgent,
    method: r.method,
    path: r.path,
    details: r.details,
    hash: r.hash,
  };
}

export function createAuditLogRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db } = deps;

  addLogRoutes(registry, router, deps, {
    path: '/api/audit/entries',
    tag: TAG,
    summary: '业务审计日志（各流程的每项决定，最新在前；可按日期、事项、办理人、决定筛选）',
    title: '业务审计日志',
    filters: {
      subjectType: z.string().max(40).optional().meta({ title: '事项类别' }),
      subjectId: z.uuid().optional().meta({ title: '事项编号' }),
      actorId: z.uuid().optional().meta({ title: '办理人' }),
      action: z.string().max(60).optional().meta({ title: '决定' }),
    },
    where: (q): Prisma.AuditEntryWhereInput => ({
      ...atRange(q),
      ...(q.subjectType ? { subjectType: q.subjectType } : {}),
      ...(q.subjectId ? { subjectId: q.subjectId } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.action ? { action: q.action } : {}),
    }),
    count: (where) => db.auditEntry.count({ where }),
    read: (where, page) => db.auditEntry.findMany({ where, orderBy: LOG_ORDER, ...page }),
    item: auditItem,
    schema: ZAuditEntriesResponse,
    columns: AUDIT_COLUMNS,
  });

  addLogRoutes(registry, router, deps, {
    path: '/api/audit/security-events',
    tag: TAG,
    summary:
      '安全日志（登录、会话、拒绝的访问和管理员的变更，最新在前；可按日期、事件、结果、账号筛选）',
    title: '安全日志',
    filters: {
      kind: z.enum(SECURITY_EVENT_KINDS).optional().meta({ title: '事件类型' }),
      outcome: z.enum(['success', 'failure', 'denied']).optional().meta({ title: '结果' }),
      accountId: z.uuid().optional().meta({ title: '账号' }),
      username: z.string().max(100).optional().meta({ title: '用户名' }),
    },
    where: (q): Prisma.SecurityEventWhereInput => ({
      ...atRange(q),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.accountId ? { accountId: q.accountId } : {}),
      ...(q.username ? { username: q.username } : {}),
    }),
    count: (where) => db.securityEvent.count({ where }),
    read: (where, page) => db.securityEvent.findMany({ where, orderBy: LOG_ORDER, ...page }),
    item: securityItem,
    schema: ZSecurityEventsResponse,
    columns: SECURITY_COLUMNS,
  });

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit/verify',
      tag: TAG,
      summary: '校验审计日志和安全日志的哈希链（任何一条被改、删或插入即不通过）',
      description:
        '返回每条链的末端（位置和哈希）。审计员在库外保存末端，下次以 expectAudit / expectSecurity 传回，可证明末尾没有被截去。',
      access: ['auditor', 'security_admin'],
      limit: 'expensive',
      query: z.object({ expectAudit: head.optional(), expectSecurity: head.optional() }),
      response: { status: 200, description: '校验结果', schema: ZAuditVerifyResponse },
    },
    async ({ query }) => {
      const check = (chain: ChainName, expect?: ChainHead) => verifyChain(db, chain, expect);
      const [audit, security] = [
        await check('audit', query.expectAudit),
        await check('security', query.expectSecurity),
      ];
      return { ok: audit.ok && security.ok, checkedAt: new Date().toISOString(), audit, security };
    },
  );
  return router;
}
