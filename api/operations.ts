import { Refused } from '../operations/refused';
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
