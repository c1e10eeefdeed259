import type { Role } from '@core/roles';
import { Alert, Button, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentSession } from '../app/session';

/** Screens a role may not open say so plainly; the core refuses the calls anyway. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (roles.some((r) => session.roles.includes(r))) return <>{children}</>;
  return (
    <Stack maw={560}>
      <Alert color="orange" icon={<IconLock />} title={t('common.forbiddenTitle')} role="alert">
        {t('common.forbiddenText')}
      </Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack maw={560}>
      <Alert color="gray">{t('common.notFound')}</Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
