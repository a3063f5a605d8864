import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, onUnauthenticated } from './api';
import type { Account, AppInfo } from './types';

interface SessionState {
  account: Account | null;
  info: AppInfo | null;
  ready: boolean;
  signIn(username: string, password: string): Promise<Account>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Who is signed in (from the session cookie, asked of /api/auth/me) and the site's facts. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    Promise.all([
      api.get<AppInfo>('/api/app-info').then(setInfo),
      api
        .get<Account>('/api/auth/me')
        .then(setAccount)
        .catch((e) => {
          if (!(e instanceof ApiError && e.status === 401)) throw e;
        }),
    ])
      .catch(() => undefined)
      .finally(() => setReady(true));
    return onUnauthenticated(() => setAccount(null));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api.post<{ account: Account }>('/api/auth/login', { username, password });
    setAccount(r.account);
    return r.account;
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setAccount(null);
  }, []);

  return (
    <SessionContext.Provider value={{ account, info, ready, signIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}
