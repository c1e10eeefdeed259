import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { CenteredCard } from '../../components/CenteredCard';
import { CredentialsForm } from './CredentialsForm';

export function LoginPage({ centreName }: { centreName: string | null }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  return (
    <CenteredCard title={t('login.title')}>
      {centreName && (
        <Text size="sm" c="dimmed" mb="md">
          {t('login.centre', { centre: centreName })}
        </Text>
      )}
      <CredentialsForm submitLabel={t('login.submit')} onSubmit={signIn} />
    </CenteredCard>
  );
}
