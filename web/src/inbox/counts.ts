import { useEffect, useState } from 'react';
import { api } from '../api';
import type { InboxCounts } from './types';

const listeners = new Set<() => void>();

/** Asks the menu's badge to count again (after a claim, or work done on a page). */
export function refreshInboxCounts(): void {
  for (const fn of listeners) fn();
}

/** The inbox counts for the menu's badge, read again on every page the person opens. */
export function useInboxCounts(wanted: boolean, path: string): InboxCounts | null {
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const fn = () => setTick((t) => t + 1);
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page or a refresh reads again.
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api
      .get<InboxCounts>('/api/inbox/counts')
      .then((c) => live && setCounts(c))
      .catch(() => live && setCounts(null));
    return () => {
      live = false;
    };
  }, [wanted, path, tick]);
  return counts;
}
