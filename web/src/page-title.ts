import { useEffect } from 'react';
import { useSession } from './session';

/** The browser tab's title: this page, then the authority (never the software's name). */
export function pageTitle(title: string, authority: string | undefined): string {
  return `${title} - ${authority ?? '民政局'}`;
}

/**
 * Names the page in the browser tab. Every route has a title (modules.tsx); a page about one
 * thing (an application, a project) calls this with that thing's name once it is loaded.
 */
export function usePageTitle(title: string | null | undefined): void {
  const { info } = useSession();
  useEffect(() => {
    if (title) document.title = pageTitle(title, info?.authorityName);
  }, [title, info?.authorityName]);
}
