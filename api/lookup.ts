import { z } from 'zod';

/**
 * A bounded lookup for a dropdown (issue 15 point 7): the first `max` matches (the setting
 * LOOKUP_MAX) and whether there are more, so the page says "more than N, narrow the search"
 * instead of a list that stops silently.
 */

export { ZLookup } from '../contract/common';

export const lookupShape = {
  q: z.string().trim().max(100, '关键字最多100个字').optional().meta({ title: '关键字' }),
};

/** Reads one more row than `max` to know whether there are more. */
export async function readLookup<T, U>(
  max: number,
  read: (take: number) => Promise<T[]>,
  map: (row: T) => U,
): Promise<{ items: U[]; more: boolean; max: number }> {
  const rows = await read(max + 1);
  return { items: rows.slice(0, max).map(map), more: rows.length > max, max };
}
