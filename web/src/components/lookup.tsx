import { useEffect, useState } from 'react';
import { api } from '../api';
import { useLoad } from '../use-load';

/** A dropdown's choices as the lookup routes answer them (api/lookup.ts). */
export interface Lookup<T> {
  items: T[];
  more: boolean;
  max: number;
}

/** How long typing rests before the lookup asks the server. */
const TYPING_PAUSE_MS = 300;

/**
 * Search-as-you-type for a dropdown: the first choices matching what is typed, asked once the
 * typing pauses; `filters` are the lookup's other query parameters.
 */
export function useLookup<T>(path: string, typed: string, filters = '') {
  const [q, setQ] = useState(typed.trim());
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(t);
  }, [typed]);
  const query = [filters, q && `q=${encodeURIComponent(q)}`].filter(Boolean).join('&');
  const url = `${path}${query ? `?${query}` : ''}`;
  return useLoad(() => api.get<Lookup<T>>(url), url);
}

/** Said under a dropdown whose lookup stopped at its cap: the person narrows the search. */
export function LookupNote({ lookup }: { lookup: Lookup<unknown> | null }) {
  if (!lookup?.more) return null;
  return (
    <p className="muted" role="status">
      符合条件的超过 {lookup.max} 项，这里只列出前 {lookup.max} 项，请输入更多关键字缩小范围。
    </p>
  );
}
