/**
 * Who acts, in every process and every operation: the one shape workflows record in their audit
 * trails and the API builds from a session. In `domain/` because operations and workflows both
 * need it and neither may import the other.
 */

/** The roles of an account (the Prisma enum). */
export const ACCOUNT_ROLES = [
  'applicant',
  'reviewer',
  'section_head',
  'bureau_head',
  'evaluator',
  'purchaser',
  'administrator',
  'committee_member',
  'agency',
  'judge',
  'finance',
  'security_admin',
  'auditor',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** An account's role, the system (timers, rulings), or a public complainant without account. */
export type ActorRole = AccountRole | 'system' | 'public';

export interface Actor {
  id: string;
  name: string;
  role: ActorRole;
  /** The organisation an applicant account acts for; null or absent for staff. */
  organizationId?: string | null;
  /**
   * The same, as evaluation messages recorded before the one Actor named it: running evaluation
   * workflows and their histories still carry it. Read both through `organizationOf`.
   */
  org?: string | null;
}

export interface WithActor {
  actor: Actor;
}

/** The organisation the actor acts for, whichever name the message gave it. */
export const organizationOf = (a: Actor): string | null => a.organizationId ?? a.org ?? null;

/** The process itself acting (a timer, a rule): no account. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', role: 'system' };
