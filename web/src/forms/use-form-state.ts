import { useCallback, useState } from 'react';
import { fieldErrors } from '../api';

export type FieldErrors = Record<string, string>;

/**
 * The state every form shares: busy while a request runs, the problem the API answered, and
 * the errors to show beside each field (the browser's own checks first, then the server's).
 * `submit` runs a request once at a time; field errors of a problem are keyed by the form's
 * own paths (`body.` and the given prefixes stripped, `rename` for names the form calls
 * otherwise). A form that reads a problem itself (`place`) says where its parts go, and what is
 * left to show above the buttons. `onFieldErrors` hears of a refusal's field errors (a form of
 * several steps goes to the first).
 */
export function useFormState(
  opts: {
    prefixes?: string[];
    rename?: (path: string) => string;
    place?: (err: unknown) => { errors: FieldErrors; problem: unknown } | undefined;
    onFieldErrors?: (errors: FieldErrors) => void;
  } = {},
) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { prefixes, rename, place, onFieldErrors } = opts;

  const submit = useCallback(
    async <T>(request: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setProblem(null);
      setErrors({});
      try {
        return await request();
      } catch (err) {
        const placed = place?.(err);
        if (placed) {
          setProblem(placed.problem);
          setErrors(placed.errors);
          return undefined;
        }
        setProblem(err);
        const byField: FieldErrors = {};
        for (const [k, v] of Object.entries(fieldErrors(err, [...(prefixes ?? []), 'body.']))) {
          const key = rename ? rename(k) : k;
          byField[key] = byField[key] ? `${byField[key]}；${v}` : v;
        }
        setErrors(byField);
        if (Object.keys(byField).length > 0) onFieldErrors?.(byField);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [prefixes, rename, place, onFieldErrors],
  );

  /** Errors found in the browser before anything is sent; true when there are none. */
  const check = useCallback((found: FieldErrors) => {
    setErrors(found);
    setProblem(null);
    return Object.keys(found).length === 0;
  }, []);

  /** Forgets the errors of a field (and of its parts, 'tranches' → 'tranches.0.percent'). */
  const clearField = useCallback(
    (path: string) =>
      setErrors((e) => {
        const keep = Object.entries(e).filter(([k]) => k !== path && !k.startsWith(`${path}.`));
        return keep.length === Object.keys(e).length ? e : Object.fromEntries(keep);
      }),
    [],
  );

  const reset = useCallback(() => {
    setProblem(null);
    setErrors({});
  }, []);

  return { busy, problem, errors, submit, check, clearField, reset };
}

export type FormState = ReturnType<typeof useFormState>;
