import type { ActionDef as KernelAction } from '../shared/action';
import type { Effect } from './effects';
import type { WithActor } from './messages';
import type { CaseState } from './state';

/**
 * One human decision of a registration (the kernel's action over the case and its effects):
 * `check` is the Update validator; `apply` changes the case and returns the effects.
 */
export type ActionDef<A extends WithActor> = KernelAction<CaseState, A, Effect>;
