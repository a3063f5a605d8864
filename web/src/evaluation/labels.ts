import type { FileStatus } from './types';

export const FILE_STATUS: Record<FileStatus, { label: string; tone: string }> = {
  applied: { label: '已申报', tone: 'info' },
  ineligible: { label: '不予受理', tone: 'bad' },
  assigned: { label: '评估中', tone: 'warn' },
  scored: { label: '已评分', tone: 'info' },
  recommended_upward: { label: '已推荐上级评定', tone: 'info' },
  publicised: { label: '公示中', tone: 'info' },
  review_requested: { label: '复核中', tone: 'warn' },
  confirmed: { label: '已确认等级', tone: 'ok' },
  not_graded: { label: '未评定等级', tone: 'muted' },
};

export const SEAT_STATUS: Record<string, string> = {
  assigned: '待声明回避情形',
  cleared: '已声明无回避情形',
};

export const PHASE: Record<string, string> = {
  notice: '已发布通知',
  application_window: '申报中',
  assessment: '资格审查与评估',
  closed: '已结束',
};

export const levelLabel = (level: number | null) => (level ? `${level}A` : '—');

/** A file's short reference: the first block of its id, enough to tell files apart on a list. */
export const fileRef = (id: string) => `PG-${id.slice(0, 8).toUpperCase()}`;
