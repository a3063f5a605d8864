import { illegal, type Refusal } from '../shared/refusal';
import type { CampaignPhase, CampaignState } from './messages';

/**
 * A campaign's transitions, pure: the phase moves and the projection follows (the one effect,
 * run by the campaign workflow). The open files counted come in as an argument.
 */
export type CampaignEffect = { kind: 'phase'; phase: CampaignPhase; at: number };

export function phased(s: CampaignState, phase: CampaignPhase, now: number): CampaignEffect[] {
  s.phase = phase;
  return [{ kind: 'phase', phase, at: now }];
}

/** The window may be closed early while it is (or is about to be) open. */
export const checkWindowOpen = (s: CampaignState): Refusal | null =>
  s.phase === 'application_window' || s.phase === 'notice' ? null : illegal('申报期已经结束');

export const checkAssessing = (s: CampaignState): Refusal | null =>
  s.phase === 'assessment' ? null : illegal('评估尚未开始或已经结束');

/** Closing the window early is idempotent: a window the timer closed meanwhile stays closed. */
export const applicationsClosed = (s: CampaignState, now: number): CampaignEffect[] =>
  checkWindowOpen(s) ? [] : phased(s, 'assessment', now);

/** The campaign closes once every file has ended. */
export function campaignClosed(
  s: CampaignState,
  openFiles: number,
  now: number,
): Refusal | CampaignEffect[] {
  if (openFiles > 0) return illegal(`还有 ${openFiles} 个评估事项尚未办结`);
  s.closedAt = now;
  return phased(s, 'closed', now);
}
