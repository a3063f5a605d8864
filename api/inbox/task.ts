import { z } from 'zod';

/** 我的待办 across the four processes: one shape for every task, whichever process keeps it. */

export const INBOX_PROCESSES = ['registration', 'evaluation', 'competition', 'purchase'] as const;
export type InboxProcess = (typeof INBOX_PROCESSES)[number];
export const PROCESS_LABEL: Record<InboxProcess, string> = {
  registration: '直接登记',
  evaluation: '等级评估',
  competition: '公益创投',
  purchase: '政府购买服务',
};

/** A task as a process's store yields it, before claims and urgency are added. */
export interface SourceTask {
  /** `<process>:<kind>:<object id>[:<step>]`: the claim's key; a new step is a new task. */
  key: string;
  process: InboxProcess;
  /** What to do, in words (待初审, 待评分). */
  title: string;
  /** Whom or what it is about (an organisation's or a project's name). */
  subject: string;
  /** The number people quote (申请编号, 项目编号), when there is one. */
  reference: string | null;
  /** The page where the work is done. */
  link: string;
  dueAt: Date | null;
  /** The process has already marked it overdue (registration's own clock). */
  overdue?: boolean;
  /** A step several people may take (a pool): one claims it so that the others leave it. */
  shared: boolean;
}

export const ZTaskClaim = z.object({
  accountId: z.uuid(),
  name: z.string(),
  claimedAt: z.iso.datetime(),
  mine: z.boolean(),
});

export const ZInboxTask = z.object({
  key: z.string(),
  process: z.enum(INBOX_PROCESSES),
  processLabel: z.string(),
  title: z.string(),
  subject: z.string(),
  reference: z.string().nullable(),
  link: z.string(),
  dueAt: z.iso.datetime().nullable(),
  urgency: z.enum(['overdue', 'near_due', 'normal']),
  /** Working days to the deadline (0 once it is past); null without a deadline. */
  workingDaysLeft: z.number().int().nullable(),
  /** Shared step: it may be claimed (when nobody holds it) or released (by its holder). */
  claimable: z.boolean(),
  claim: ZTaskClaim.nullable(),
});
export type InboxTask = z.infer<typeof ZInboxTask>;

export const ZInboxQuery = z.object({
  process: z.enum(INBOX_PROCESSES).optional().meta({ title: '业务' }),
  urgency: z.enum(['overdue', 'near_due', 'normal']).optional().meta({ title: '紧急程度' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).meta({ title: '每页条数' }),
});

export const ZInboxPage = z.object({
  items: z.array(ZInboxTask),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZInboxCounts = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  nearDue: z.number().int(),
  byProcess: z.record(z.enum(INBOX_PROCESSES), z.number().int()),
});

export const ZClaimRequest = z.object({
  taskKey: z
    .string()
    .min(3)
    .max(200)
    .regex(/^[a-z_]+:[a-z_]+:[0-9a-f-]{36}(:[A-Za-z0-9_-]{1,64})?$/, '待办事项编号格式不正确')
    .meta({ title: '待办事项' }),
});

/** The page of the object a task key names, for the administrator's list of claims. */
export function linkOfKey(key: string): string | null {
  const [process, kind, id] = key.split(':');
  if (process === 'registration') return `/registrations/${id}`;
  if (process === 'purchase') return `/purchases/${id}`;
  if (process === 'evaluation')
    return kind === 'complaint' ? `/evaluation/complaints/${id}` : `/evaluation/files/${id}`;
  if (process === 'competition' && kind !== 'objection') return `/competition-proposals/${id}`;
  return null;
}
