import type { SessionInfo } from '@core/domains/auth/contract';
import { Alert } from '@mantine/core';
import { useHotkeys, useIdle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, call, forgetToken } from '../api/client';
import { setCentreClock } from './centre-time';
import { flushDrafts } from './drafts';
import i18n, { changeLanguage } from './i18n';

const currentLanguage = () => (i18n.language === 'en' ? 'en' : 'es') as 'es' | 'en';

export type SessionState =
  | { status: 'loading' }
  | { status: 'setup' }
  | { status: 'joining' }
  | { status: 'signed-out'; centreName: string | null }
  | { status: 'signed-in'; session: SessionInfo };

interface SessionApi {
  state: SessionState;
  refresh(): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  switchUser(username: string, password: string): Promise<void>;
  unlock(password: string): Promise<void>;
  lock(): Promise<void>;
  signOut(): Promise<void>;
  /** Called by the query layer when the core says the session is gone or locked. */
  onAuthError(error: unknown): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for screens rendered inside the signed-in shell. */
export function useCurrentSession(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('no session');
  return state.session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();

  const adopt = useCallback(
    async (session: SessionInfo) => {
      if (session.locked) queryClient.clear();
      setState({ status: 'signed-in', session });
      await changeLanguage(session.locale);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    const status = await call('setup.status', {});
    if (status.centre) setCentreClock(status.centre.timeZone, status.now);
    if (!status.initialized) return setState({ status: 'setup' });
    if (status.joining) return setState({ status: 'joining' });
    try {
      await adopt(await call('auth.session', {}));
    } catch {
      forgetToken();
      setState({ status: 'signed-out', centreName: status.centre?.name ?? null });
    }
  }, [adopt]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'signed-out', centreName: null }));
  }, [refresh]);

  const signedOut = useCallback(() => {
    queryClient.clear();
    setState((s) => ({ status: 'signed-out', centreName: s.status === 'signed-in' ? s.session.centreName : null }));
  }, [queryClient]);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      refresh,
      async signIn(username, password) {
        // The language on screen at sign-in is the session's language.
        const { session } = await call('auth.login', { username, password, locale: currentLanguage() });
        await adopt(session);
      },
      async switchUser(username, password) {
        await flushDrafts(); // the leaving user's typing is theirs: kept before their session ends
        const { session } = await call('auth.switchUser', { username, password, locale: currentLanguage() });
        queryClient.clear();
        await adopt(session);
      },
      async unlock(password) {
        await adopt(await call('auth.unlock', { password }));
      },
      async lock() {
        // Keep what was being typed, then hide the data; the core locks the session too, whatever happens here.
        await flushDrafts().catch(() => undefined);
        queryClient.clear();
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-in', session: { ...s.session, locked: true } } : s));
        await call('auth.lock', {}).catch(() => undefined);
      },
      async signOut() {
        await flushDrafts().catch(() => undefined);
        await call('auth.logout', {}).catch(() => undefined);
        forgetToken();
        signedOut();
      },
      onAuthError(error) {
        if (!(error instanceof ApiError)) return;
        if (error.code === 'auth.required') signedOut();
        if (error.code === 'auth.session-locked')
          setState((s) => (s.status === 'signed-in' ? { status: 'signed-in', session: { ...s.session, locked: true } } : s));
      },
    }),
    [state, refresh, adopt, queryClient, signedOut],
  );

  return (
    <SessionContext.Provider value={api}>
      {state.status === 'signed-in' && !state.session.locked && <IdleLock minutes={state.session.idleLockMinutes} lock={api.lock} />}
      {children}
    </SessionContext.Provider>
  );
}

/**
 * Locks after the centre's idle time without keyboard or mouse activity, or on Ctrl+Shift+L.
 * A minute before (half-way for a one-minute lock) it says so, and keeps what was being typed.
 */
function IdleLock({ minutes, lock }: { minutes: number; lock: () => Promise<void> }) {
  const { t } = useTranslation();
  const idle = useIdle(minutes * 60_000, { initialState: false });
  const warn = useIdle(Math.max(minutes * 60_000 - 60_000, minutes * 30_000), { initialState: false });
  // Also from inside a text field: whoever steps away mid-typing must be able to lock at once.
  useHotkeys([['mod+shift+L', () => void lock()]], []);
  useEffect(() => {
    if (idle) void lock();
  }, [idle, lock]);
  useEffect(() => {
    if (warn) void flushDrafts();
  }, [warn]);
  if (!warn || idle) return null;
  return (
    <Alert color="orange" variant="filled" role="alert" data-testid="idle-warning" className="no-print" style={{ position: 'fixed', bottom: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 400, maxWidth: 560 }}>
      {t('lock.warning', { count: minutes > 1 ? 60 : 30 })}
    </Alert>
  );
}
