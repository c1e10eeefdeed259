import type { PersonArrivalRow } from '@core/contract/persons-common';
import { PERMISSIONS, roleAllows } from '@core/permissions';
import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconFileImport, IconFolder, IconScan, IconUserPlus, IconShieldSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDate, formatPartialDate, formatTime } from '../../app/format';
import { countryName, personName } from '../../app/labels';
import { notifyError, notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { answerCheckIn, matchArrivalPeople } from './checkin';
import { ManifestImportModal } from './ManifestImportModal';
import { ManifestImports } from './ManifestImports';

export function ArrivalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const data = useCallQuery('arrivals.get', { id }, { staleTime: 0 });
  const checkIn = useCallMutation('arrivals.checkIn', ['arrivals.get', 'arrivals.list', 'flow.board']);
  const close = useCallMutation('arrivals.close', ['arrivals.get', 'arrivals.list', 'flow.board']);
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<PersonArrivalRow[] | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [note, setNote] = useState<{ color: string; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const batchCheck = useCallMutation('alerts.checkArrival', ['flow.board']);
  const session = useCurrentSession();
  if (!data.data) return null;
  const { arrival, persons } = data.data;
  const shown = query.trim() ? matchArrivalPeople(query, persons) : persons;

  const markArrived = async (input: { personArrivalId: string } | { arrivalId: string; ticketCode: string }) => {
    try {
      const row = await checkIn.mutateAsync(input);
      notifySuccess(t('arrivals.checkedIn', { name: personName(row) }));
    } catch (error) {
      if (!(error instanceof ApiError)) notifyError(error);
    }
  };

  // Enter: a scanned ticket code, or the only expected person the typed text matches; several
  // are offered to choose with the arrows; no match, or someone already arrived, is said. The
  // box is cleared at once on a check-in, so the next scan can start before the server answers.
  const onEnter = () => {
    if (choices) {
      const row = choices[highlight];
      setChoices(null);
      setQuery('');
      if (row) void markArrived({ personArrivalId: row.personArrivalId });
      return;
    }
    if (!query.trim()) return;
    const answer = answerCheckIn(query, persons);
    setNote(null);
    switch (answer.kind) {
      case 'ticket':
        setQuery('');
        return void markArrived({ arrivalId: arrival.id, ticketCode: answer.row.ticketCode });
      case 'one':
        setQuery('');
        return void markArrived({ personArrivalId: answer.row.personArrivalId });
      case 'choose':
        setHighlight(0);
        return setChoices(answer.rows);
      case 'already':
        return setNote({ color: 'orange', text: answer.rows.map((r) => t('arrivals.alreadyArrived', { name: personName(r), time: formatTime(r.checkedInAt) })).join(' ') });
      case 'none':
        return setNote({ color: 'red', text: t('arrivals.noMatch', { text: query.trim() }) });
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') return onEnter();
    if (!choices) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => (h + (e.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length);
    }
    if (e.key === 'Escape') setChoices(null);
  };

  const confirmClose = () =>
    modals.openConfirmModal({
      title: t('arrivals.close'),
      children: <Text size="sm">{t('arrivals.closeConfirm', { count: arrival.counts.expected })}</Text>,
      labels: { confirm: t('arrivals.close'), cancel: t('common.cancel') },
      onConfirm: async () => {
        const result = await close.mutateAsync({ id: arrival.id });
        notifySuccess(t('arrivals.closedDone', { count: result.noShows.length }));
      },
    });

  const status = (p: PersonArrivalRow) => (
    <Badge color={p.status === 'arrived' ? 'teal' : p.status === 'no_show' ? 'gray' : 'blue'} variant="light">
      {t(`arrivals.status.${p.status}`)}
    </Badge>
  );

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{[arrival.carrier, arrival.reference].filter(Boolean).join(' ') || t(`arrivals.kinds.${arrival.kind}`)}</Title>
          <Text c="dimmed">
            {t(`arrivals.kinds.${arrival.kind}`)} · {t(`arrivals.routes.${arrival.route}`)} · {countryName(arrival.originCountry)} · {formatDate(arrival.date)}{' '}
            {formatTime(arrival.actualAt ?? arrival.scheduledAt)} {arrival.pointOfEntry && `· ${arrival.pointOfEntry}`}
          </Text>
        </div>
        {!arrival.closedAt && (
          <Group>
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('arrivals.importManifest')}
            </Button>
            <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => void navigate(`/registro?arribo=${arrival.id}`)}>
              {t('arrivals.addUnlisted')}
            </Button>
            {roleAllows(PERMISSIONS['alerts.checkArrival'], session.roles) && (
              <Button
                variant="light"
                leftSection={<IconShieldSearch size={16} />}
                loading={batchCheck.isPending}
                onClick={async () => notifySuccess(t('alerts.arrivalChecked', await batchCheck.mutateAsync({ arrivalId: arrival.id })))}
              >
                {t('alerts.checkArrival')}
              </Button>
            )}
            <Button variant="subtle" color="red" onClick={confirmClose}>
              {t('arrivals.close')}
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={4}>
        {(
          [
            ['expected', arrival.counts.expected],
            ['arrived', arrival.counts.arrived],
            ['noShow', arrival.counts.noShow],
            ['people', arrival.counts.total],
          ] as const
        ).map(([key, value]) => (
          <Card withBorder key={key} p="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t(`arrivals.${key}`)}
            </Text>
            <Text fz={28} fw={700} data-testid={`count-${key}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {!arrival.closedAt && roleAllows(PERMISSIONS['manifests.imports'], session.roles) && <ManifestImports arrivalId={arrival.id} />}
      {!arrival.closedAt && (
        <TextInput
          label={t('arrivals.checkInLabel')}
          description={t('arrivals.checkInHelp')}
          leftSection={<IconScan size={16} />}
          value={query}
          onChange={(e) => (setQuery(e.currentTarget.value), setChoices(null), setNote(null))}
          onKeyDown={onKeyDown}
          autoFocus
          size="md"
          aria-describedby="checkin-note"
        />
      )}
      {note && (
        <Text id="checkin-note" role="status" c={`${note.color}.8`} fw={500} data-testid="checkin-note">
          {note.text}
        </Text>
      )}
      {choices && (
        <Card withBorder p={0} role="listbox" aria-label={t('arrivals.chooseWhich')} data-testid="checkin-choices">
          <Text size="sm" c="dimmed" px="sm" pt="xs">{t('arrivals.chooseWhich')}</Text>
          {choices.map((r, i) => (
            <UnstyledButton
              key={r.personArrivalId}
              role="option"
              aria-selected={i === highlight}
              onMouseMove={() => i !== highlight && setHighlight(i)}
              onClick={() => (setChoices(null), setQuery(''), void markArrived({ personArrivalId: r.personArrivalId }))}
              px="sm"
              py={6}
              w="100%"
              bg={i === highlight ? 'teal.0' : undefined}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={i === highlight ? 600 : 400}>{personName(r)}</Text>
                <Text size="xs" c="dimmed">
                  {[formatPartialDate(r.birthDate), r.documentNumber, r.caseNumber].filter(Boolean).join(' · ')}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Card>
      )}
      <Table striped highlightOnHover withTableBorder aria-label={t('arrivals.people')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('arrivals.name')}</Table.Th>
            <Table.Th>{t('arrivals.age')}</Table.Th>
            <Table.Th>{t('registration.documentNumber')}</Table.Th>
            <Table.Th>{t('registration.group')}</Table.Th>
            <Table.Th>{t('flow.person')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((p) => (
            <Table.Tr key={p.personArrivalId} data-testid="arrival-person">
              <Table.Td>
                <Text fw={500}>{personName(p)}</Text>
                <Text size="xs" c="dimmed">
                  {p.caseNumber} {p.openSuggestions > 0 && <Badge size="xs" color="yellow">{t('arrivals.possibleRepeat')}</Badge>}
                </Text>
              </Table.Td>
              <Table.Td>{p.age ?? '—'}</Table.Td>
              <Table.Td>{p.documentNumber}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color={p.groupType === 'unaccompanied_minor' ? 'red' : 'gray'}>
                  {t(`arrivals.group.${p.groupType}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {status(p)}
                  {p.registeredAt && <Badge variant="light" color="grape">{t('arrivals.registered')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {p.status === 'expected' && !arrival.closedAt && (
                    <Button size="compact-sm" leftSection={<IconCheck size={14} />} onClick={() => void markArrived({ personArrivalId: p.personArrivalId })}>
                      {t('arrivals.checkIn')}
                    </Button>
                  )}
                  {!p.registeredAt && p.status !== 'no_show' && !arrival.closedAt && (
                    <Button size="compact-sm" variant="light" component={Link} to={`/registro/${p.personArrivalId}?de=${arrival.id}`}>
                      {t('arrivals.register')}
                    </Button>
                  )}
                  <Tooltip label={t('arrivals.caseFile')}>
                    <ActionIcon variant="subtle" component={Link} to={`/personas/${p.personId}`} aria-label={`${t('arrivals.caseFile')} ${personName(p)}`}>
                      <IconFolder size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ManifestImportModal arrivalId={arrival.id} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
