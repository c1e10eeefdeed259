import type { AttentionTag } from '@core/domains/screening/contract';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { optionLabel } from '../app/labels';

const COLOR: Record<AttentionTag['kind'], string> = {
  gender: 'pink',
  age: 'orange',
  disability: 'blue',
  indigenous: 'grape',
  language: 'grape',
  interpreter: 'violet',
  lgbtiq: 'indigo',
};

/**
 * Differentiated attention (gender, age group, disability, indigenous people and language,
 * LGBTIQ+): the same badges at every station, so whoever attends the person knows.
 */
export function AttentionTags({ tags, size = 'xs' }: { tags: readonly AttentionTag[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (!tags.length) return null;
  const label = (tag: AttentionTag) => {
    switch (tag.kind) {
      case 'gender':
        return ['F', 'M', 'X'].includes(tag.code) ? t(`tags.gender.${tag.code}`) : tag.code;
      case 'age':
        return t(`tags.age.${tag.code}`);
      case 'disability':
        return t('tags.disability', { type: optionLabel('disabilities', tag.code).toLowerCase() });
      case 'indigenous':
        return optionLabel('peoples', tag.code);
      case 'language':
        return optionLabel('languages', tag.code);
      case 'interpreter':
        return t('tags.interpreter');
      case 'lgbtiq':
        return t('tags.lgbtiq');
    }
  };
  return (
    <Group gap={4} aria-label={t('tags.title')} data-testid="attention-tags">
      {tags.map((tag) => (
        <Badge key={`${tag.kind}:${tag.code}`} size={size} variant="light" color={COLOR[tag.kind]} tt="none">
          {label(tag)}
        </Badge>
      ))}
    </Group>
  );
}
