import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { modals, ModalsProvider } from '@mantine/modals';
import { notifications, Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginPage } from '../features/auth/LoginPage';
import { JoiningPage, SetupPage } from '../features/setup/SetupPage';
import { notifyError } from './notify';
import { routes } from './routes';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
// Modals lock scrolling through react-remove-scroll, which injects its own <style>: same nonce.
setNonce(nonce);

export function App() {
  const authErrorHandler = useRef<(error: unknown) => void>(() => {});
  const queryClient = useMemo(
    () =>
      new QueryClient({
        // Errors are shown once, here; a lost or locked session sends the user to sign in / unlock.
        queryCache: new QueryCache({ onError: (e) => (authErrorHandler.current(e), notifyUnlessAuth(e)) }),
        mutationCache: new MutationCache({
          onError: (e, _input, _context, mutation) => {
            authErrorHandler.current(e);
            const handled = (mutation.meta?.handled ?? []) as string[];
            if (!handled.includes((e as { code?: string }).code ?? '')) notifyUnlessAuth(e);
          },
        }),
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
      }),
    [],
  );
  return (
    <MantineProvider theme={theme} getStyleNonce={() => nonce} defaultColorScheme="light">
      <Notifications position="top-right" limit={3} className="no-print" />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <AuthErrorBridge target={authErrorHandler} />
          <Localised />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

function notifyUnlessAuth(error: unknown): void {
  const code = (error as { code?: string }).code;
  if (code !== 'auth.required' && code !== 'auth.session-locked') notifyError(error);
}

function AuthErrorBridge({ target }: { target: React.RefObject<(error: unknown) => void> }) {
  const { onAuthError } = useSession();
  target.current = onAuthError;
  return null;
}

function Localised() {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <ModalsProvider labels={{ confirm: i18n.t('common.yes'), cancel: i18n.t('common.cancel') }}>
        <Screens />
      </ModalsProvider>
    </DatesProvider>
  );
}

const router = createBrowserRouter(routes);

function Screens() {
  const { state } = useSession();
  // Dialogs opened through `modals` and notifications live beside the screens, not inside them:
  // when the session locks, ends or changes hands they go too, so nothing of them (a reason
  // typed, a name) stays over the lock screen or before the next user.
  const holder = state.status === 'signed-in' ? `${state.session.userId}:${state.session.locked ? 'locked' : 'open'}` : state.status;
  useEffect(() => {
    modals.closeAll();
    notifications.clean();
  }, [holder]);
  switch (state.status) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader aria-label="…" />
        </Center>
      );
    case 'setup':
      return <SetupPage />;
    case 'joining':
      return <JoiningPage />;
    case 'signed-out':
      return <LoginPage centreName={state.centreName} />;
    case 'signed-in':
      // A locked session renders nothing of the app: the data is unmounted, not just covered.
      // Keyed by user: after a switch nothing the previous user typed stays on screen.
      return state.session.locked ? <LockScreen session={state.session} /> : <RouterProvider key={state.session.userId} router={router} />;
  }
}
