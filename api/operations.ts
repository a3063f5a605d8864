import type { Actor } from '../operations/audited';
import { Refused } from '../operations/refused';
import type { Session } from './auth/session';
import { AppError } from './problem';

/** Runs an operation (operations/) and answers its refusal as problem details. */
export async function operate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Refused) throw new AppError(err.code, err.message, err.issues);
    throw err;
  }
}

/** The signed-in caller as an operation's actor (its audit entry names them). */
export const operatorOf = (s: Session): Actor => ({ id: s.sub, name: s.name, role: s.role });
