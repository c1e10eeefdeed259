import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallQuery } from '../../api/hooks';

/** Says, in plain words, why the caller cannot read or write notes of a service yet, and what to do. */
export function KeyNotice({ service }: { service: 'psychology' | 'medical' }) {
  const { t } = useTranslation();
  const access = useCallQuery('care.access', {}, { staleTime: 0 });
  const mine = access.data?.find((a) => a.service === service);
  if (!mine || mine.holds) return null;
  const name = t(`care.services.${service}`);
  const text = mine.me === 'own-password' ? t('care.noKeyOwnPassword') : !mine.keyExists ? t('care.noKeySetUp', { service: name }) : t('care.noKeyAsk', { service: name });
  return (
    <Alert color="orange" title={t('care.noKeyTitle')} data-testid="key-notice">
      <Text size="sm">{text}</Text>
      <Anchor component={Link} to="/atencion/llaves" size="sm">{t('care.keysLink')}</Anchor>
    </Alert>
  );
}
