import { Chip, Group, Radio, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The kind of care as radio buttons that wrap at any width; arrows move between them. */
export function KindChoice({ kinds, value = '', onChange }: { kinds: readonly string[]; value?: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('care.form.kind')} value={value} onChange={onChange}>
      <Group gap="md" mt={4}>
        {kinds.map((k) => <Radio key={k} value={k} label={t(`care.kinds.${k}`)} />)}
      </Group>
    </Radio.Group>
  );
}

/** A coded list as chips: Tab reaches each, Space ticks it. */
export function ChipList({ label, data, value = [], onChange }: { label: string; data: { value: string; label: string }[]; value?: string[]; onChange: (v: string[]) => void }) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>{label}</Text>
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap={6} role="group" aria-label={label}>
          {data.map((d) => <Chip key={d.value} value={d.value} size="xs">{d.label}</Chip>)}
        </Group>
      </Chip.Group>
    </div>
  );
}

