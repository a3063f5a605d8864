/** The inbox as the API answers it (api/inbox/task.ts). */

export type InboxProcess = 'registration' | 'evaluation' | 'competition' | 'purchase';

export interface InboxTask {
  key: string;
  process: InboxProcess;
  processLabel: string;
  title: string;
  subject: string;
  reference: string | null;
  link: string;
  dueAt: string | null;
  urgency: 'overdue' | 'near_due' | 'normal';
  workingDaysLeft: number | null;
  claimable: boolean;
  claim: { accountId: string; name: string; claimedAt: string; mine: boolean } | null;
}

export interface InboxList {
  items: InboxTask[];
  total: number;
  page: number;
  pageSize: number;
}

export interface InboxCounts {
  total: number;
  overdue: number;
  nearDue: number;
  byProcess: Record<InboxProcess, number>;
}

export const PROCESSES: { id: InboxProcess; label: string }[] = [
  { id: 'registration', label: '直接登记' },
  { id: 'evaluation', label: '等级评估' },
  { id: 'competition', label: '公益创投' },
  { id: 'purchase', label: '政府购买服务' },
];
