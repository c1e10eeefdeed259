import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { accentInsensitiveFilter } from '../../app/filter';
import { institutionCountry } from '../../app/labels';

/**
 * The institutions a person agrees to share data with: the active directory grouped by country
 * (international bodies last), plus any already chosen that were retired since.
 */
export function ShareWithSelect({ keep = [], ...props }: Omit<MultiSelectProps, 'data'> & { keep?: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const institutions = useCallQuery('institutions.list', {});
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const i of institutions.data ?? []) {
    const group = institutionCountry(i.country);
    groups.set(group, [...(groups.get(group) ?? []), { value: i.id, label: `${i.code} — ${i.name}` }]);
  }
  const listed = new Set((institutions.data ?? []).map((i) => i.id));
  const retired = keep.filter((k) => !listed.has(k.value));
  const data = [...groups].map(([group, items]) => ({ group, items }));
  if (retired.length) data.push({ group: t('institutions.inactive'), items: retired });
  return (
    <MultiSelect
      label={t('registration.shareWith')}
      description={t('registration.shareWithHelp')}
      data={data}
      searchable
      filter={accentInsensitiveFilter}
      {...props}
    />
  );
}
