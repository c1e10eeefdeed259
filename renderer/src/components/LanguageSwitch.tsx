import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { changeLanguage, LANGUAGES, type Language } from '../app/i18n';
import { notifyError } from '../app/notify';

/** ES / EN. Signed in (`saveForUser`), the choice is also kept in the session and the user's preference. */
export function LanguageSwitch({ saveForUser = false }: { saveForUser?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language}
      onChange={(value) => {
        const language = value as Language;
        void changeLanguage(language).then(() => {
          if (saveForUser) call('auth.setLocale', { locale: language }).catch(notifyError);
        });
      }}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
