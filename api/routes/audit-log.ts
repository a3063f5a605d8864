import { Router } from 'express';
import { z } from 'zod';
import {
  ZAuditEntriesResponse,
  ZAuditVerifyResponse,
  ZSecurityEventsResponse,
} from '../../contract/admin';
import { type ChainHead, type ChainName, verifyChain } from '../../lib/audit-chain';
import type { Prisma } from '../../lib/db';
import { SECURITY_EVENT_KINDS } from '../../lib/security-log';
import type { AppContext } from '../app';
import type { RouteRegistry } from '../route';

/**
 * The logs for the auditor (三权分立): the decisions' audit log of every process and the
 * security log, read-only, and the check of both hash chains. No route changes or deletes an
 * entry, and the database refuses it too (triggers of the migration `security`).
 */

const TAG = '审计';
const AUDITOR = ['auditor'] as const;

const page = {
  /** Entries before this chain position (the next page of a newest-first list). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

const head = z
  .string()
  .regex(/^\d{1,15}:[0-9a-f]{64}$/, '格式：位置:哈希（如 1024:3fa…）')
  .transform((s): ChainHead => {
    const [seq, hash] = s.split(':') as [string, string];
    return { seq: Number(seq), hash };
  });

const period = (q: { from?: string; to?: string }) =>
  q.from || q.to
    ? {
        at: {
          ...(q.from ? { gte: new Date(q.from) } : {}),
          ...(q.to ? { lt: new Date(q.to) } : {}),
        },
      }
    : {};
const seqBefore = (before?: number) => (before ? { chainSeq: { lt: BigInt(before) } } : {});

export function createAuditLogRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit/entries',
      tag: TAG,
      summary: '业务审计日志（各流程的每项决定，最新在前）',
      access: AUDITOR,
      limit: 'expensive',
      query: z.object({
        ...page,
        subjectType: z.string().max(40).optional(),
        subjectId: z.uuid().optional(),
        actorId: z.uuid().optional(),
        action: z.string().max(60).optional(),
      }),
      response: { status: 200, description: '审计记录', schema: ZAuditEntriesResponse },
    },
    async ({ query: q }) => {
      const where: Prisma.AuditEntryWhereInput = {
        ...period(q),
        ...seqBefore(q.before),
        ...(q.subjectType ? { subjectType: q.subjectType } : {}),
        ...(q.subjectId ? { subjectId: q.subjectId } : {}),
        ...(q.actorId ? { actorId: q.actorId } : {}),
        ...(q.action ? { action: q.action } : {}),
      };
      const rows = await db.auditEntry.findMany({
        where,
        orderBy: { chainSeq: 'desc' },
        take: q.limit,
      });
      return {
        items: rows.map((r) => ({
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
        })),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/audit/security-events',
      tag: TAG,
      summary: '安全日志（登录、会话、拒绝的访问和管理员的变更，最新在前；时间为 UTC）',
      access: AUDITOR,
      limit: 'expensive',
      query: z.object({
        ...page,
        kind: z.enum(SECURITY_EVENT_KINDS).optional(),
        outcome: z.enum(['success', 'failure', 'denied']).optional(),
        accountId: z.uuid().optional(),
        username: z.string().max(100).optional(),
      }),
      response: { status: 200, description: '安全事件', schema: ZSecurityEventsResponse },
    },
    async ({ query: q }) => {
      const where: Prisma.SecurityEventWhereInput = {
        ...period(q),
        ...seqBefore(q.before),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.outcome ? { outcome: q.outcome } : {}),
        ...(q.accountId ? { accountId: q.accountId } : {}),
        ...(q.username ? { username: q.username } : {}),
      };
      const rows = await db.securityEvent.findMany({
        where,
        orderBy: { chainSeq: 'desc' },
        take: q.limit,
      });
      return {
        items: rows.map((r) => ({
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
        })),
      };
    },
  );

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
