import { Anchor, Badge, Card, Group, Kbd, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { Link } from 'react-router';
import { useCurrentSession } from '../../app/session';
import { formatDateTime } from '../../app/format';
import { personName } from '../../app/labels';
import { LevelBadge } from '../screening/level';
import { LowStockAlert } from '../stock/StockPage';

export function HomePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const status = useCallQuery('setup.status', {});
  const manager = session.roles.includes('manager');
  const stock = useCallQuery('stock.report', {}, { enabled: manager, staleTime: 0, refetchInterval: 120_000 });
  const low = stock.data?.lines.filter((l) => l.low) ?? [];
  const psychologist = session.roles.includes('psychologist');
  const admin = session.roles.includes('admin');
  return (
    <Stack maw={960}>
      {admin && <FirstSteps />}
      <Title order={2}>{t('home.greeting', { name: session.displayName })}</Title>
      {manager && low.length > 0 && (
        <Stack gap={4}>
          <LowStockAlert lines={low} />
          <Anchor component={Link} to="/inventario" size="sm">{t('home.lowStockOpen')}</Anchor>
        </Stack>
      )}
      {session.roles.some((r) => r === 'protection_officer' || r === 'manager' || r === 'psychologist' || r === 'health') && <RiskFlags />}
      {psychologist && <PsychologyNotices />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('home.centre')}
          </Text>
          <Text fw={500}>{status.data?.centre?.name ?? session.centreName}</Text>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="sm">
            {t('home.workstation')}
          </Text>
          <Text fw={500}>{status.data?.workstationName ?? '…'}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
            {t('home.yourRoles')}
          </Text>
          <Stack gap={6}>
            {session.roles.map((role) => (
              <Stack key={role} gap={2}>
                <Badge variant="light" w="fit-content">
                  {t(`roles.${role}`)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t(`roleHelp.${role}`)}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('home.stationsTitle')}
        </Title>
        <Text size="sm">{t('home.stationsText')}</Text>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('home.shortcuts')}
        </Title>
        <List spacing={4} size="sm">
          <List.Item>
            <Kbd>Ctrl</Kbd> + <Kbd>⇧</Kbd> + <Kbd>L</Kbd> — {t('home.shortcutLock')}
          </List.Item>
          <List.Item>
            <Kbd>Tab</Kbd> / <Kbd>⇧</Kbd> + <Kbd>Tab</Kbd> — {t('home.shortcutNav')}
          </List.Item>
          <List.Item>
            <Kbd>Enter</Kbd> — {t('home.shortcutSubmit')}
          </List.Item>
        </List>
      </Card>
    </Stack>
  );
}

/** Screenings whose answers made the interviewer tell psychology: who, how urgent, since when. */
function PsychologyNotices() {
  const { t } = useTranslation();
  const notices = useCallQuery('screening.notices', {}, { staleTime: 0, refetchInterval: 60_000 });
  return (
    <Card withBorder data-testid="psychology-notices">
      <Text fw={600} mb="xs">{t('screening.notices')}</Text>
      {notices.data?.length === 0 && <Text size="sm" c="dimmed">{t('screening.noNotices')}</Text>}
      <Stack gap={6}>
        {notices.data?.map((n) => (
          <Group key={n.screeningId} justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <LevelBadge level={n.level} short size="sm" />
              <Anchor component={Link} to={`/personas/${n.personId}`} fw={500}>{personName(n)}</Anchor>
              <Text size="xs" c="dimmed">{n.caseNumber}</Text>
            </Group>
            <Text size="xs" c="dimmed">{t('screening.noticeBy', { by: n.notifiedBy, date: formatDateTime(n.notifiedAt) })}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** Open suicide-risk cases: protection, the manager on duty and the clinicians must act within the hour. */
function RiskFlags() {
  const { t } = useTranslation();
  const flags = useCallQuery('care.riskFlags', {}, { staleTime: 0, refetchInterval: 30_000 });
  if (!flags.data?.length) return null;
  return (
    <Card withBorder bg="red.0" data-testid="risk-flags">
      <Text fw={600} c="red.8" mb="xs">{t('care.urgent')} ({flags.data.length})</Text>
      <Stack gap={4}>
        {flags.data.map((f) => (
          <Group key={f.flag.flagId} gap="xs">
            <Anchor component={Link} to={`/personas/${f.personId}`} fw={500}>{personName(f)}</Anchor>
            <Text size="xs" c="dimmed">{f.caseNumber} · {formatDateTime(f.flag.raisedAt)} · {f.flag.raisedBy}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * Right after first-run setup the admin is the only account: what to do next, in order. Gone
 * once staff accounts exist.
 */
function FirstSteps() {
  const { t } = useTranslation();
  const users = useCallQuery('users.list', { includeDisabled: false });
  const staff = users.data?.filter((u) => !u.roles.includes('admin')) ?? null;
  // While a stale list refetches (an account was just made) the steps would flash: wait for it.
  if (!staff || staff.length > 0 || users.isFetching) return null;
  return (
    <Card withBorder bg="teal.0" data-testid="first-steps">
      <Text fw={600} mb="xs">{t('home.firstSteps.title')}</Text>
      <List type="ordered" spacing={6} size="sm">
        <List.Item>
          <Anchor component={Link} to="/usuarios">{t('home.firstSteps.users')}</Anchor> — {t('home.firstSteps.usersHelp')}
        </List.Item>
        <List.Item>{t('home.firstSteps.lists')}</List.Item>
        <List.Item>{t('home.firstSteps.manager')}</List.Item>
        <List.Item>
          <Anchor component={Link} to="/configuracion">{t('home.firstSteps.settings')}</Anchor> — {t('home.firstSteps.settingsHelp')}
        </List.Item>
      </List>
    </Card>
  );
}
