import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, api, onUnauthenticated } from './api';
import type { Account, AppInfo, SignedIn } from './types';

/** A password accepted; the second factor still to give (verify) or to set up (enrol). */
export interface PendingSignIn {
  stage: 'verify' | 'enrol';
  account: Account;
}

interface SessionState {
  account: Account | null;
  pending: PendingSignIn | null;
  info: AppInfo | null;
  ready: boolean;
  signIn(username: string, password: string): Promise<SignedIn>;
  /** The second factor accepted (or set up): the session is now complete. */
  completeSignIn(signedIn: SignedIn): void;
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
  const [pending, setPending] = useState<PendingSignIn | null>(null);
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
    return onUnauthenticated(() => {
      setAccount(null);
      setPending(null);
    });
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const r = await api.post<SignedIn>('/api/auth/login', { username, password });
    if (r.secondFactor) setPending({ stage: r.secondFactor, account: r.account });
    else setAccount(r.account);
    return r;
  }, []);

  const completeSignIn = useCallback((r: SignedIn) => {
    setPending(null);
    setAccount(r.account);
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setPending(null);
    setAccount(null);
  }, []);

  return (
    <SessionContext.Provider
      value={{ account, pending, info, ready, signIn, completeSignIn, signOut }}
    >
      {children}
    </SessionContext.Provider>
  );
}
