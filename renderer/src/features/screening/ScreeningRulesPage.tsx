import type { Output } from '@core/contract';
import { INSTRUMENT } from '@core/screening/instrument';
import { RulesSchema, type Level, type Rules } from '@core/screening/rules';
import { validate } from '@core/validation';
import { ActionIcon, Alert, Button, Card, Group, MultiSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { accentInsensitiveFilter } from '../../app/filter';
import { formatDateTime } from '../../app/format';
import i18n from '../../app/i18n';
import { notifySuccess } from '../../app/notify';
import { indicatorLabel, LevelBadge } from './level';

type Preview = Output<'screening.previewRules'>;
const TIERS = ['red', 'yellow'] as const;

/**
 * The traffic-light rules, editable by an admin without code: which indicators make red or
 * yellow, "at least N of" groups, and the hours to act. A preview shows how the screenings of
 * the last 30 days would change before a new version is saved.
 */
export function ScreeningRulesPage() {
  const { t } = useTranslation();
  const current = useCallQuery('screening.rules', {}, { staleTime: 0 });
  const [rules, setRules] = useState<Rules | null>(null);
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const previewCall = useCallMutation('screening.previewRules');
  const save = useCallMutation('screening.saveRules', ['screening.rules']);
  const active = current.data?.active;
  useEffect(() => {
    if (active && !rules) setRules(structuredClone(active.rules));
  }, [active, rules]);
  if (!current.data || !rules || !active) return null;

  const options = INSTRUMENT.indicators.map((i) => ({ value: i.id, label: indicatorLabel(i.id) }));
  const change = (mutate: (draft: Rules) => void) => {
    const next = structuredClone(rules);
    mutate(next);
    setRules(next);
    setPreview(null);
    setProblems([]);
  };
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'input.invalid') setProblems(((error.details?.issues ?? []) as { message: string }[]).map((i) => i.message));
    else throw error;
  };
  // The core checks again; checking here first shows the problems at once, in plain words.
  const valid = () => {
    const result = validate(RulesSchema, rules, i18n.language === 'en' ? 'en' : 'es');
    // Messages name indicators by id; the admin reads them as the instrument words them.
    if (!result.success) setProblems(result.issues.map((i) => i.message.replace(/«([a-z_]+)»/g, (_, id: string) => `«${indicatorLabel(id)}»`)));
    return result.success;
  };
  const runPreview = async () => {
    if (!valid()) return;
    try {
      setPreview(await previewCall.mutateAsync({ rules }));
    } catch (error) {
      refused(error);
    }
  };
  const runSave = async () => {
    if (!valid()) return;
    try {
      const saved = await save.mutateAsync({ rules, note });
      notifySuccess(t('screening.rules.saved', { version: saved.version }));
      setRules(structuredClone(saved.rules));
      setNote('');
      setPreview(null);
    } catch (error) {
      refused(error);
    }
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('screening.rules.title')}</Title>
      <Text c="dimmed">{t('screening.rules.help')}</Text>
      <Text fw={500}>{t('screening.rules.active', { version: active.version })}</Text>
      {TIERS.map((tier) => (
        <Card withBorder key={tier} data-testid={`tier-${tier}`}>
          <Group justify="space-between" mb="sm">
            <LevelBadge level={tier} size="lg" />
            <NumberInput label={t('screening.rules.deadlineHours')} w={160} min={1} max={720} value={rules[tier].deadline_hours} onChange={(v) => change((d) => { d[tier].deadline_hours = Number(v) || 0; })} />
          </Group>
          <MultiSelect
            label={t('screening.rules.any')}
            data={options}
            value={rules[tier].any}
            onChange={(v) => change((d) => { d[tier].any = v; })}
            searchable
            filter={accentInsensitiveFilter}
            hidePickedOptions
          />
          {rules[tier].at_least.map((group, i) => (
            <Group key={i} align="flex-end" mt="sm" wrap="nowrap" data-testid="at-least-group">
              <NumberInput label={t('screening.rules.atLeast')} w={110} min={1} max={20} value={group.count} onChange={(v) => change((d) => { d[tier].at_least[i]!.count = Number(v) || 0; })} />
              <MultiSelect
                style={{ flex: 1 }}
                label={t('screening.rules.of')}
                data={options}
                value={group.of}
                onChange={(v) => change((d) => { d[tier].at_least[i]!.of = v; })}
                searchable
                filter={accentInsensitiveFilter}
                hidePickedOptions
              />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('screening.rules.removeGroup')} onClick={() => change((d) => { d[tier].at_least.splice(i, 1); })}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" mt="sm" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => change((d) => { d[tier].at_least.push({ count: 2, of: [] }); })}>
            {t('screening.rules.addGroup')}
          </Button>
        </Card>
      ))}
      <Card withBorder>
        <Group justify="space-between">
          <div>
            <LevelBadge level="green" size="lg" />
            <Text size="sm" c="dimmed" mt={4}>{t('screening.rules.greenHelp')}</Text>
          </div>
          <NumberInput label={t('screening.rules.deadlineHours')} w={160} min={1} max={720} value={rules.green.deadline_hours} onChange={(v) => change((d) => { d.green.deadline_hours = Number(v) || 0; })} />
        </Group>
      </Card>
      {problems.length > 0 && (
        <Alert color="red" role="alert" data-testid="rules-problems">
          {problems.map((p) => <Text key={p} size="sm">{p}</Text>)}
        </Alert>
      )}
      <Textarea label={t('screening.rules.note')} required autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => change((d) => Object.assign(d, structuredClone(active.rules)))}>{t('screening.rules.reset')}</Button>
        <Button variant="light" onClick={() => void runPreview()} loading={previewCall.isPending}>{t('screening.rules.preview')}</Button>
        <Button onClick={() => void runSave()} loading={save.isPending} disabled={note.trim().length < 5}>
          {t('screening.rules.saveVersion', { version: Math.max(...current.data.versions.map((v) => v.version)) + 1 })}
        </Button>
      </Group>
      {preview && <PreviewTable preview={preview} />}
      <Card withBorder>
        <Title order={4} mb="sm">{t('screening.rules.versions')}</Title>
        <Table fz="sm">
          <Table.Tbody>
            {current.data.versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td w={60}>{v.version}</Table.Td>
                <Table.Td>{v.createdAt ? formatDateTime(v.createdAt) : t('screening.rules.shipped')}</Table.Td>
                <Table.Td>{v.createdBy}</Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const levels: Level[] = ['red', 'yellow', 'green'];
  return (
    <Card withBorder data-testid="rules-preview">
      <Title order={4}>{t('screening.rules.previewTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('screening.rules.considered', { count: preview.considered })}</Text>
      <SimpleGrid cols={2} maw={520}>
        {(['current', 'proposed'] as const).map((side) => (
          <div key={side}>
            <Text fw={600} size="sm">{t(`screening.rules.${side}`)}</Text>
            {levels.map((l) => (
              <Group key={l} gap="xs" mt={4}>
                <LevelBadge level={l} short w={90} />
                <Text size="sm" data-testid={`${side}-${l}`}>{preview[side][l]}</Text>
              </Group>
            ))}
          </div>
        ))}
      </SimpleGrid>
      <Text fw={600} size="sm" mt="md">{preview.changes.length ? t('screening.rules.changes') : t('screening.rules.noChanges')}</Text>
      {preview.changes.map((c) => (
        <Group key={c.screeningId} gap="xs" mt={4} data-testid="preview-change">
          <Text size="sm">{formatDateTime(c.screenedAt)} · {t('screening.sequence', { sequence: c.sequence })}</Text>
          <LevelBadge level={c.from} short />
          <Text size="sm">→</Text>
          <LevelBadge level={c.to} short />
        </Group>
      ))}
    </Card>
  );
}
