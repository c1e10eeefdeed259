import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../app/i18n';

/** ES / EN. `onChanged` lets a signed-in screen also save the choice for the user. */
export function LanguageSwitch({ onChanged }: { onChanged?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language}
      onChange={(value) => {
        const language = value as Language;
        void changeLanguage(language).then(() => onChanged?.(language));
      }}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
