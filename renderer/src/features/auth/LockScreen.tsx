import type { SessionInfo } from '@core/domains/auth/contract';
import { Button, Divider, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { CenteredCard } from '../../components/CenteredCard';
import { CredentialsForm } from './CredentialsForm';

/** Shown instead of the whole app while the session is locked: no data is mounted behind it. */
export function LockScreen({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { unlock, switchUser, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [switching, switcher] = useDisclosure();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!password) return setError(t('validation.required'));
    setBusy(true);
    try {
      await unlock(password);
    } catch (e) {
      if (e instanceof ApiError && e.code.startsWith('auth.')) setError(e.message);
      else notifyError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredCard title={t('lock.title')}>
      <Group gap="xs" mb="md" wrap="nowrap">
        <IconLock size={20} />
        <Text size="sm">{t('lock.text', { name: session.displayName })}</Text>
      </Group>
      {switching ? (
        <CredentialsForm submitLabel={t('switchUser.submit')} onSubmit={switchUser} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('lock.password', { name: session.displayName })}
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('lock.unlock')}
            </Button>
          </Stack>
        </form>
      )}
      <Divider my="md" />
      <Group justify="space-between">
        <Button variant="subtle" size="compact-sm" onClick={switching ? switcher.close : switcher.open}>
          {switching ? t('lock.unlock') : t('lock.switchUser')}
        </Button>
        <Button variant="subtle" color="red" size="compact-sm" onClick={() => void signOut()}>
          {t('lock.logout')}
        </Button>
      </Group>
    </CenteredCard>
  );
}
