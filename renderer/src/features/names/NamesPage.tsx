import { SaveNameEntry, type NameEntry } from '@core/domains/names/contract';
import { normalize } from '@core/names';
import { ActionIcon, Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { contractResolver } from '../../app/form';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';

const KINDS = ['nickname', 'spelling', 'surname'] as const;
type Filter = 'all' | NameEntry['kind'] | 'centre';
/** The table shows this many rows; the search narrows the rest. */
const SHOWN = 200;

/** "José, Josué" or "jose josue" → ["José", "Josué"] as typed; the core normalises them. */
const splitMeans = (text: string) => text.split(/[,;/\s]+/).filter(Boolean);

/**
 * What the matchers know of how names are written (resources/data/ and this centre's entries):
 * nicknames (Chepe: José), spellings (Brayan: Bryan), surname spellings. The admin adds the
 * centre's own and switches off a shipped one that misleads; alerts, repeat detection and search
 * use them at once, and the records they touch are re-keyed in the same step.
 */
export function NamesPage() {
  const { t } = useTranslation();
  const canEdit = useCurrentSession().roles.includes('admin');
  const list = useCallQuery('names.list', {});
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const setActive = useCallMutation('names.setActive', ['names.list']);
  const remove = useCallMutation('names.remove', ['names.list']);

  const needle = normalize(text).replace(/ /g, '');
  const matching = (list.data?.entries ?? []).filter(
    (e) =>
      (filter === 'all' || (filter === 'centre' ? e.source === 'centre' : e.kind === filter)) &&
      (!needle || e.written.includes(needle) || e.means.some((m) => m.includes(needle))),
  );

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('names.title')}</Title>
      <Text c="dimmed" maw={820}>{t('names.intro')}</Text>
      {canEdit && <AddEntry />}
      <Group align="end" wrap="wrap">
        <TextInput label={t('names.search')} leftSection={<IconSearch size={16} />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
        <SegmentedControl
          aria-label={t('names.filter')}
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={(['all', 'nickname', 'spelling', 'surname', 'abbreviation', 'centre'] as const).map((value) => ({ value, label: t(`names.filters.${value}`) }))}
        />
      </Group>
      <Table striped highlightOnHover withTableBorder verticalSpacing={6} aria-label={t('names.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('names.written')}</Table.Th>
            <Table.Th>{t('names.means')}</Table.Th>
            <Table.Th>{t('names.kind')}</Table.Th>
            <Table.Th>{t('names.source')}</Table.Th>
            <Table.Th w={170}>
              <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matching.slice(0, SHOWN).map((e) => (
            <Table.Tr key={`${e.source}:${e.written}`} data-testid="name-row" opacity={e.active ? 1 : 0.55}>
              <Table.Td>
                <Text fw={700}>{e.written}</Text>
              </Table.Td>
              <Table.Td>
                <Text style={{ overflowWrap: 'anywhere' }}>{e.means.join(', ')}</Text>
              </Table.Td>
              <Table.Td>{t(`names.kinds.${e.kind}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={e.source === 'centre' ? 'teal' : 'gray'} tt="none" style={{ whiteSpace: 'nowrap' }}>
                  {t(`names.sources.${e.source}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {!canEdit ? (
                  !e.active && <Text size="sm">{t('names.off')}</Text>
                ) : e.source === 'shipped' ? (
                  <Switch
                    size="sm"
                    label={e.active ? t('names.inUse') : t('names.off')}
                    aria-label={t('names.toggle', { written: e.written })}
                    checked={e.active}
                    disabled={setActive.isPending}
                    onChange={(ev) => {
                      const active = ev.currentTarget.checked; // read now: the event is gone when the call returns
                      void setActive.mutateAsync({ written: e.written, active }).then(() => notifySuccess(t(active ? 'names.switchedOn' : 'names.switchedOff', { written: e.written })));
                    }}
                  />
                ) : (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('names.remove', { written: e.written })}
                    loading={remove.isPending}
                    onClick={() => void remove.mutateAsync({ written: e.written }).then(() => notifySuccess(t('names.removed', { written: e.written })))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && matching.length === 0 && <Text c="dimmed">{t('names.none')}</Text>}
      {matching.length > SHOWN && <Text c="dimmed" size="sm">{t('names.more', { count: matching.length - SHOWN })}</Text>}
    </Stack>
  );
}

/** One line to add an entry: kind, how it is written, what it stands for. Enter saves. */
function AddEntry() {
  const { t } = useTranslation();
  const save = useCallMutation('names.save', ['names.list']);
  const [reindexed, setReindexed] = useState<{ persons: number; records: number } | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'nickname' as (typeof KINDS)[number], written: '', means: '' },
    validate: (values) => {
      // A word of the list that is wrong (means.1) is said under the one field.
      const errors = contractResolver(SaveNameEntry)({ ...values, means: splitMeans(values.means) });
      for (const key of Object.keys(errors)) if (key.startsWith('means.')) errors.means ??= errors[key];
      return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith('means.')));
    },
  });
  // What is typed survives the idle lock and a user switch, like every form (app/drafts).
  const draft = useFormDraft('names:new', form.values, form.setValues);
  const submit = form.onSubmit(async (values) => {
    const result = await save.mutateAsync({ kind: values.kind, written: values.written, means: splitMeans(values.means) });
    await draft.discard();
    setReindexed(result.reindexed);
    notifySuccess(t('names.saved', { written: normalize(values.written) }));
    form.setValues({ written: '', means: '' });
  });
  return (
    <Paper withBorder p="sm">
      <DraftNotice draft={draft} onDiscard={() => form.reset()} />
      <form onSubmit={submit} noValidate>
        <Group align="start" wrap="wrap">
          <Select
            label={t('names.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`names.kinds.${k}`) }))}
            allowDeselect={false}
            w={200}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('names.written')} description={t('names.writtenHelp')} maxLength={40} w={200} required {...form.getInputProps('written')} />
          <TextInput label={t('names.means')} description={t('names.meansHelp')} maxLength={200} w={300} required {...form.getInputProps('means')} />
          <Button type="submit" mt={42} leftSection={<IconPlus size={16} />} loading={save.isPending}>
            {t('names.add')}
          </Button>
        </Group>
      </form>
      {reindexed && (reindexed.persons > 0 || reindexed.records > 0) && (
        <Alert mt="sm" color="blue" variant="light" withCloseButton onClose={() => setReindexed(null)}>
          {t('names.reindexed', { persons: reindexed.persons, records: reindexed.records })}
        </Alert>
      )}
    </Paper>
  );
}
