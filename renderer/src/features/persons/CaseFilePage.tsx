import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { centreNow, centreTime } from '../../app/centre-time';
import { formatDateTime, formatPartialDate } from '../../app/format';
import { countryName, optionLabel, personName } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { AttentionTags } from '../../components/AttentionTags';
import { Countdown, LevelBadge } from '../screening/level';
import { ScreeningCard } from '../screening/ScreeningCard';
import { HoldPanel } from '../alerts/HoldPanel';
import { DeliveriesCard } from '../aid/DeliveriesCard';
import { BelongingsCard } from '../belongings/BelongingsCard';
import { ConsentSection } from './ConsentSection';
import { CareFactsCard } from '../care/CareFactsCard';
import { ReferralsCard } from '../referrals/ReferralsCard';
import { MergeCard } from './MergeCard';
import { ErasureCard } from './ErasureCard';

/** One page per person: details, repeat-returnee suggestions, arrivals, consent, timeline. */
export function CaseFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const file = useCallQuery('persons.get', { id }, { staleTime: 0 });
  const alerts = useCallQuery('alerts.status', { personId: id }, { staleTime: 0 });
  const roles = useCurrentSession().roles;
  const readsScreenings = roles.some((r) => r === 'protection_officer' || r === 'psychologist' || r === 'manager');
  const screenings = useCallQuery('screening.history', { personId: id }, { staleTime: 0, enabled: readsScreenings });
  const link = useCallMutation('persons.link', ['persons.get', 'arrivals.get']);
  const dismiss = useCallMutation('persons.dismissSuggestion', ['persons.get']);
  const depart = useCallMutation('flow.depart', ['persons.get', 'flow.board']);
  const unmerge = useCallMutation('persons.unmerge', ['persons.get']);
  if (!file.data) return null;
  const { person, arrivals, suggestions, timeline, tags, screening } = file.data;
  // Leaving cannot be undone from the desk: say what it means before it is recorded.
  const confirmDeparture = (a: (typeof arrivals)[number]) =>
    modals.openConfirmModal({
      title: t('caseFile.departTitle', { name: personName(person) }),
      children: (
        <Stack gap={4}>
          <Text size="sm">{t('caseFile.departText', { time: centreTime(centreNow()) })}</Text>
          {screening && !screening.attendedAt && <Text size="sm" c="orange.8">{t('caseFile.departOpenDeadline', { level: level(screening.level) })}</Text>}
        </Stack>
      ),
      labels: { confirm: t('caseFile.depart'), cancel: t('common.cancel') },
      onConfirm: async () => {
        await depart.mutateAsync({ personArrivalId: a.personArrivalId });
        notifySuccess(t('caseFile.departed'));
      },
    });
  const level = (l: unknown) => t(`screening.levelShort.${String(l)}`);
  const undone = new Set(timeline.flatMap((e) => (e.kind === 'unmerged' ? [e.detail.mergeId] : [])));
  // One sentence per event kind (caseFile.events.<kind>); each domain's events carry the details
  // their sentence names (TimelineEvent in the persons contract), read here as one bag of values.
  const eventTitle = (e: (typeof timeline)[number]) => {
    const d: Record<string, unknown> = e.detail;
    return t(`caseFile.events.${e.kind}`, {
      ...d,
      times: Number(d.quantity) > 1 ? ` ×${String(d.quantity)}` : '',
      sequence: d.sequence,
      level: level(d.level),
      from: level(d.from),
      to: level(d.to),
      reference: d.reference ?? d.carrier ?? t(`arrivals.kinds.${String(d.arrivalKind ?? 'walk_in')}`),
      careKind: d.service && e.kind === 'care' ? t(`care.kinds.${String(d.kind)}`) : '',
      referralStatus: e.kind === 'referral' ? t(`referrals.status.${String(d.status)}`) : '',
      riskState: e.kind === 'care-risk' ? t(d.closed ? 'care.riskClosedEvent' : 'care.riskOpenEvent') : '',
      purpose: d.purpose ? `${t(`registration.purposes.${String(d.purpose)}`)}${d.institution ? ` (${String(d.institution)})` : ''}` : '',
    });
  };
  const unknown = t('caseFile.unknown');
  const field = (label: string, value: string | number | null | undefined) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value === null || value === undefined || value === '' ? unknown : value}</Text>
    </div>
  );
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{personName(person)}</Title>
          <Text c="dimmed">{t('caseFile.title', { caseNumber: person.caseNumber })}</Text>
          <AttentionTags tags={tags} size="sm" />
        </div>
        <Group gap="xs" data-testid="screening-status">
          {screening && <LevelBadge level={screening.level} size="lg" />}
          {screening && <Countdown deadlineAt={screening.deadlineAt} attendedAt={screening.attendedAt} />}
          {roles.includes('protection_officer') && !person.mergedInto && (
            <Button size="xs" variant="light" component={Link} to={`/tamizaje/persona/${person.id}`}>{t('nav.screening')}</Button>
          )}
        </Group>
        {alerts.data && (
          <Group gap="xs" data-testid="alert-status">
            {!alerts.data.onHold && (
              <Badge color={{ pending: 'orange', cleared: 'teal', 'not-checked': 'gray' }[alerts.data.status]} variant="light">
                {t(`alerts.status.${alerts.data.status}`)}
              </Badge>
            )}
            {alerts.data.protectionCase && <Badge color="grape">{t('alerts.protectionCase')}</Badge>}
            {alerts.data.onHold && <Badge color="red" variant="filled" data-testid="hold-badge">{t('alerts.hold.badge')}</Badge>}
          </Group>
        )}
      </Group>
      {alerts.data?.onHold && <HoldPanel personId={person.id} personName={personName(person)} canResolve={roles.some((r) => r === 'alert_officer' || r === 'manager')} />}
      {person.mergedInto && (
        <Alert color="orange">
          {t('caseFile.merged')}{' '}
          <Link to={`/personas/${person.mergedInto}`}>{t('caseFile.openTarget')}</Link>
        </Alert>
      )}
      <ErasureCard personId={person.id} canErase={roles.includes('manager')} />
      {suggestions.filter((s) => s.status === 'open').map((s) => (
        <Alert key={s.id} color="yellow" title={t('caseFile.suggestions')} data-testid="suggestion">
          <Text size="sm" mb="xs">
            {t('caseFile.suggestionText', { caseNumber: s.candidate.caseNumber, name: s.candidate.fullName, arrivals: s.candidate.arrivals, score: s.score.toFixed(2) })}
          </Text>
          <Group>
            <Button size="xs" onClick={async () => { await link.mutateAsync({ suggestionId: s.id }); notifySuccess(t('caseFile.linked')); }}>
              {t('caseFile.link')}
            </Button>
            <Button size="xs" variant="default" onClick={() => dismiss.mutate({ suggestionId: s.id })}>{t('caseFile.dismiss')}</Button>
            <Button size="xs" variant="subtle" component={Link} to={`/personas/${s.candidate.id}`}>{s.candidate.caseNumber}</Button>
          </Group>
        </Alert>
      ))}
      <Card withBorder>
        <Text fw={600} mb="xs">{t('caseFile.details')}</Text>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {field(t('registration.birthDate'), person.birthDate ? `${formatPartialDate(person.birthDate)}${person.age !== null ? ` (${person.age})` : ''}` : null)}
          {field(t('registration.sex'), person.sex ? t(`registration.sexes.${person.sex}`) : null)}
          {field(t('registration.nationality'), countryName(person.nationality))}
          {field(t('registration.documentNumber'), person.documentNumber)}
          {field(t('registration.origin'), [person.originMunicipality, person.originDepartment, countryName(person.originCountry)].filter(Boolean).join(', '))}
          {field(t('registration.people'), person.people ? optionLabel('peoples', person.people) : null)}
          {field(t('registration.languages'), person.languages.map((l) => optionLabel('languages', l)).join(', ') + (person.interpreterNeeded ? ` · ${t('registration.interpreterNeeded')}` : ''))}
          {field(t('registration.disabilities'), person.disabilities.map((d) => optionLabel('disabilities', d)).join(', '))}
          {field(t('registration.phone'), person.phone)}
          {field(t('registration.familyContact'), person.familyContact)}
          {field(t('registration.yearsAbroad'), person.yearsAbroad)}
          {field(t('registration.detentionDays'), person.detentionDays)}
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">{t('caseFile.arrivals')}</Text>
          <Table fz="sm">
            <Table.Tbody>
              {arrivals.map((a) => (
                <Table.Tr key={a.personArrivalId}>
                  <Table.Td>
                    <Link to={`/arribos/${a.arrivalId}`}>{t(`arrivals.status.${a.status}`)}</Link>
                    <Text size="xs" c="dimmed">{formatDateTime(a.checkedInAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      {a.status === 'arrived' && (
                        <Button size="compact-xs" variant="light" leftSection={<IconPrinter size={12} />} component={Link} to={`/constancia/${a.personArrivalId}`}>
                          {t('caseFile.certificate')}
                        </Button>
                      )}
                      {a.status === 'arrived' && !a.departedAt && !alerts.data?.onHold && roles.some((r) => r === 'clerk' || r === 'manager') && (
                        <Button size="compact-xs" variant="default" onClick={() => confirmDeparture(a)}>
                          {t('caseFile.depart')}
                        </Button>
                      )}
                      {a.departedAt && <Text size="xs" c="dimmed">{t('caseFile.leftAt', { at: formatDateTime(a.departedAt) })}</Text>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ConsentSection personId={person.id} />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">{t('caseFile.timeline')}</Text>
          <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
            {timeline.map((e, i) => (
              <Timeline.Item key={i} title={eventTitle(e)}>
                <Text size="xs" c="dimmed">{formatDateTime(e.at)}</Text>
                {e.kind === 'merged' && !undone.has(e.detail.mergeId) && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={async () => {
                      await unmerge.mutateAsync({ mergeId: e.detail.mergeId, reason: t('caseFile.unmergeReason') });
                      notifySuccess(t('caseFile.unmerged'));
                    }}
                  >
                    {t('caseFile.unmerge')}
                  </Button>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CareFactsCard personId={person.id} />
        <ReferralsCard personId={person.id} />
      </SimpleGrid>
      {roles.some((r) => r === 'clerk' || r === 'manager') && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DeliveriesCard personId={person.id} personName={personName(person)} arrivals={arrivals} canGive={!person.mergedInto} />
          <BelongingsCard personId={person.id} arrivals={arrivals} canManage={!person.mergedInto} />
        </SimpleGrid>
      )}
      {screenings.data && screenings.data.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('screening.history')}</Text>
          {screenings.data.map((s) => <ScreeningCard key={s.id} screening={s} />)}
        </Stack>
      )}
      {!person.mergedInto && <MergeCard personId={person.id} />}
    </Stack>
  );
}
