import { CASEWORK, RECEPTION } from '@core/roles';
import { addDays } from '@core/time';
import { BarChart, DonutChart } from '@mantine/charts';
import { Anchor, Badge, Button, Card, Group, Menu, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useCallQuery } from '../../api/hooks';
import i18n from '../../app/i18n';
import { notifyError, notifySuccess } from '../../app/notify';
import { centreToday } from '../../app/centre-time';
import { DATE_FORMAT, formatDate } from '../../app/format';
import { countryName, optionLabel } from '../../app/labels';
import { useCurrentSession } from '../../app/session';
import { aidTypeName } from '../aid/labels';

const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** A file the core made (base64), saved through the browser's download. */
function download(file: { fileName: string; base64: string }, type: string) {
  const url = URL.createObjectURL(new Blob([Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0))], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Resumen del día (docs/spec.md, "The manager's daily summary"): the day or a range in figures
 * and charts, each beside the same length of time just before it; counts only, never a name.
 * Each figure links to the list behind it where the signed-in role may open that list. The PDF
 * is the core's (the same file as `acogida report daily --pdf`); the figures download as CSV or
 * XLSX, and the manager exports the anonymised person-level file for statistics.
 */
export function SummaryPage() {
  const { t } = useTranslation();
  const roles = useCurrentSession().roles;
  const [from, setFrom] = useState(centreToday());
  const [to, setTo] = useState<string | null>(null);
  const end = to && to >= from ? to : from;
  const days = dayCount(from, end);
  const previous = { from: addDays(from, -days), to: addDays(from, -1) };
  const now = useCallQuery('summary.daily', { from, to: end }, { staleTime: 0 });
  const before = useCallQuery('summary.daily', previous, { staleTime: 0 });
  const s = now.data;
  const b = before.data;
  const [paper, setPaper] = useState<'a4' | 'letter'>('letter');
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, body: () => Promise<void>) => {
    setBusy(what);
    try {
      await body();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  const locale = i18n.language === 'en' ? 'en' : 'es';
  const downloadPdf = () => run('pdf', async () => download(await call('summary.pdf', { from, to: end, locale, paper }), 'application/pdf'));
  const downloadFigures = (format: 'csv' | 'xlsx') =>
    run(format, async () => download(await call('summary.spreadsheet', { from, to: end, format }), format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  const exportAnonymised = () =>
    run('anon', async () => {
      const file = await call('summary.exportCsv', { from, to: end });
      download(file, 'text/csv');
      notifySuccess(t('summary.exported', { rows: file.rows, k: file.k, cells: file.suppressedCells }));
    });

  // Kits by their names where the caller may read the types (the manager); the code otherwise.
  const types = useCallQuery('aid.types', { includeInactive: true, category: 'all' }, { enabled: roles.includes('manager') });
  const typeName = (code: string) => {
    const type = types.data?.find((x) => x.code === code);
    return type ? aidTypeName(type) : code;
  };
  /** The list behind a figure, for a role that may open it (admin reads the summary only). */
  const may = (allowed: readonly string[]) => roles.some((r) => allowed.includes(r));
  const board = (filter: string) => (may(CASEWORK) ? (from === end ? `/flujo?fecha=${from}&filtro=${filter}` : '/arribos') : undefined);
  const screeningList = may(['protection_officer', 'manager']) ? '/tamizaje' : undefined;
  const referralList = may(['protection_officer', 'manager']) ? '/derivaciones' : undefined;
  const stockList = may(RECEPTION) ? '/inventario' : undefined;

  return (
    <Stack maw={1240} className="print-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('summary.title')}</Title>
          {s && <Text size="sm" c="dimmed">{s.centre} · {from === end ? formatDate(from) : t('summary.range', { from: formatDate(from), to: formatDate(end) })} · {t('summary.comparedWith', { from: formatDate(previous.from), to: formatDate(previous.to) })}</Text>}
        </div>
        <Group className="no-print" align="flex-end" gap="xs">
          <DateInput label={t('summary.from')} valueFormat={DATE_FORMAT} value={from} onChange={(v) => v && setFrom(v)} maxDate={centreToday()} w={140} />
          <DateInput label={t('summary.to')} valueFormat={DATE_FORMAT} value={to} onChange={(v) => setTo(v)} minDate={from} maxDate={centreToday()} clearable w={140} />
          <SegmentedControl aria-label={t('summary.paper')} data={[{ value: 'letter', label: t('summary.letter') }, { value: 'a4', label: 'A4' }]} value={paper} onChange={(v) => setPaper(v as 'a4')} />
          <Button loading={busy === 'pdf'} onClick={() => void downloadPdf()}>{t('summary.pdf')}</Button>
          <Button variant="default" onClick={() => window.print()}>{t('summary.print')}</Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={14} />} leftSection={<IconDownload size={16} />} loading={busy !== null && busy !== 'pdf'}>{t('summary.downloads')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void downloadFigures('xlsx')}>{t('summary.figuresXlsx')}</Menu.Item>
              <Menu.Item onClick={() => void downloadFigures('csv')}>{t('summary.figuresCsv')}</Menu.Item>
              {roles.includes('manager') && <Menu.Divider />}
              {roles.includes('manager') && <Menu.Item onClick={() => void exportAnonymised()}>{t('summary.anonymised')}</Menu.Item>}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Figure label={t('summary.arrivals')} value={s.arrivals.total} before={b?.arrivals.total} to={may(CASEWORK) ? '/arribos' : undefined} />
            <Figure label={t('summary.expected')} value={s.persons.expected} before={b?.persons.expected} to={board('all')} />
            <Figure label={t('summary.received')} value={s.persons.received} before={b?.persons.received} to={board('arrived')} testId="figure-received" />
            <Figure label={t('summary.noShows')} value={s.persons.no_shows} before={b?.persons.no_shows} to={board('all')} />
            <Figure label={t('summary.unaccompanied')} value={s.persons.unaccompanied_minors} before={b?.persons.unaccompanied_minors} to={board('protection')} />
            <Figure label={t('summary.families')} value={s.persons.family_units} before={b?.persons.family_units} to={board('arrived')} />
            <Figure label={t('summary.repeat')} value={s.persons.repeat_returnees} before={b?.persons.repeat_returnees} to={board('arrived')} />
            <Figure label={t('summary.interpreter')} value={s.persons.interpreter_needed} before={b?.persons.interpreter_needed} to={board('arrived')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="sm">
            <ChartCard title={t('summary.bySex')}>
              <Donut counts={s.persons.by_sex} label={(k) => t(`summary.sex.${k}`, { defaultValue: k })} colors={{ M: 'blue.6', F: 'grape.5', X: 'teal.5', unknown: 'gray.4' }} />
            </ChartCard>
            <ChartCard title={t('summary.byAge')}>
              <Bars now={s.persons.by_age_group} before={b?.persons.by_age_group} label={(k) => t(`summary.age.${k}`)} keep columns />
            </ChartCard>
            <ChartCard title={t('summary.screening')} to={screeningList} extra={t('summary.overdue', { count: s.screening.overdue })}>
              <Donut
                counts={{ red: s.screening.red, yellow: s.screening.yellow, green: s.screening.green, not_screened: s.screening.not_screened }}
                label={(k) => t(`summary.levels.${k}`)}
                colors={{ red: 'red.6', yellow: 'yellow.5', green: 'green.6', not_screened: 'gray.4' }}
              />
            </ChartCard>
            <ChartCard title={t('summary.byRoute')} to={may(CASEWORK) ? '/arribos' : undefined}>
              <Bars now={s.arrivals.by_route} before={b?.arrivals.by_route} label={(k) => t(`summary.route.${k}`, { defaultValue: k })} />
            </ChartCard>
            <ChartCard title={t('summary.byOrigin')} to={may(CASEWORK) ? '/arribos' : undefined}>
              <Bars now={s.arrivals.by_origin} before={b?.arrivals.by_origin} label={(k) => countryName(k)} />
            </ChartCard>
            <ChartCard title={t('summary.alerts')}>
              <Bars now={s.alerts} before={b?.alerts} label={(k) => t(`summary.alertStates.${k}`)} keep />
            </ChartCard>
            <ChartCard title={t('summary.disabilities')} extra={t('summary.indigenous', { count: s.persons.indigenous_language })}>
              <Bars now={s.persons.disabilities} before={b?.persons.disabilities} label={(k) => optionLabel('disabilities', k)} />
            </ChartCard>
            <ChartCard title={t('summary.delivered')} to={stockList} extra={s.aid.low_stock.length ? t('summary.lowStock', { types: s.aid.low_stock.map(typeName).join(', ') }) : undefined}>
              <Bars now={s.aid.delivered} before={b?.aid.delivered} label={typeName} />
            </ChartCard>
            <ChartCard title={t('summary.care')}>
              <Bars
                now={{ pfa_contacts: s.care.pfa_contacts, sessions: s.care.sessions, medical: s.care.medical, risk_flags: s.care.risk_flags }}
                before={b && { pfa_contacts: b.care.pfa_contacts, sessions: b.care.sessions, medical: b.care.medical, risk_flags: b.care.risk_flags }}
                label={(k) => t(`summary.careKinds.${k}`)}
                keep
              />
            </ChartCard>
            <ChartCard
              title={t('summary.referrals')}
              to={referralList}
              extra={t('summary.referralStates', { created: s.referrals.created, overdue: s.referrals.overdue, states: Object.entries(s.referrals.by_status).map(([k, n]) => `${t(`referrals.status.${k}`)} ${n}`).join(' · ') || '—' })}
            >
              <Bars now={s.referrals.by_institution} before={b?.referrals.by_institution} label={(k) => k} />
            </ChartCard>
          </SimpleGrid>
          <Text size="xs" c="dimmed">{t('summary.footnote')}</Text>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value, before, to, testId }: { label: string; value: number; before: number | undefined; to?: string | undefined; testId?: string }) {
  const { t } = useTranslation();
  const diff = before === undefined ? null : value - before;
  const number = <Text fz={28} fw={700} lh={1.1}>{value}</Text>;
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Group gap="xs" align="baseline">
        {to ? <Anchor component={Link} to={to} underline="hover" c="inherit" aria-label={t('summary.openList', { label })}>{number}</Anchor> : number}
        {diff !== null && <Badge variant="light" color={diff === 0 ? 'gray' : diff > 0 ? 'blue' : 'orange'} title={t('summary.before', { count: before })}>{diff > 0 ? `+${diff}` : diff}</Badge>}
      </Group>
    </Card>
  );
}

function ChartCard({ title, to, extra, children }: { title: string; to?: string | undefined; extra?: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" className="summary-chart">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={600} size="sm">{title}</Text>
        {to && <Anchor component={Link} to={to} size="xs" className="no-print">{t('summary.seeList')}</Anchor>}
      </Group>
      {children}
      {extra && <Text size="xs" c="dimmed" mt={6}>{extra}</Text>}
    </Card>
  );
}

type Counts = Record<string, number>;

/** A breakdown as bars, this period beside the previous one; the figures are written beside the bars. */
function Bars({ now, before, label, keep = false, columns = false }: { now: Counts; before?: Counts | undefined; label: (key: string) => string; keep?: boolean; columns?: boolean }) {
  const { t } = useTranslation();
  const keys = Object.keys(now).filter((k) => keep || (now[k] ?? 0) > 0 || (before?.[k] ?? 0) > 0);
  if (!keep) keys.sort((a, c) => (now[c] ?? 0) - (now[a] ?? 0));
  if (keys.length === 0) return <Text size="sm" c="dimmed">{t('summary.none')}</Text>;
  const data = keys.map((k) => ({ name: label(k), now: now[k] ?? 0, before: before?.[k] ?? 0 }));
  const series = [{ name: 'now', label: t('summary.thisPeriod'), color: 'teal.6' }, ...(before ? [{ name: 'before', label: t('summary.previousPeriod'), color: 'gray.4' }] : [])];
  return (
    <>
      <BarChart
        h={columns ? 180 : Math.max(90, 34 * data.length + 30)}
        data={data}
        dataKey="name"
        series={series}
        orientation={columns ? 'horizontal' : 'vertical'}
        withBarValueLabel
        withLegend={false}
        tickLine="none"
        gridAxis="none"
        yAxisProps={{ allowDecimals: false, width: columns ? 36 : 120 }}
        xAxisProps={{ allowDecimals: false }}
        barProps={{ isAnimationActive: false }}
        aria-label={keys.map((k) => `${label(k)}: ${now[k] ?? 0}`).join(', ')}
      />
      {/* The figures as text too: read aloud, found by a search, and kept when charts cannot print. */}
      <Text size="xs" c="dimmed" data-testid="chart-figures">
        {keys.map((k) => `${label(k)} ${now[k] ?? 0}`).join(' · ')}
      </Text>
    </>
  );
}

/** A whole split in parts (sex, the traffic light), with its total in the middle. */
function Donut({ counts, label, colors }: { counts: Counts; label: (key: string) => string; colors: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  const total = entries.reduce((n, [, v]) => n + v, 0);
  if (total === 0) return <Text size="sm" c="dimmed">{t('summary.none')}</Text>;
  return (
    <Group wrap="nowrap" gap="md">
      <DonutChart size={130} thickness={22} chartLabel={total} withTooltip={false} pieProps={{ isAnimationActive: false }} data={entries.map(([k, n]) => ({ name: label(k), value: n, color: colors[k] ?? 'gray.5' }))} />
      <Stack gap={2} data-testid="chart-figures">
        {entries.map(([k, n]) => (
          <Group key={k} gap={6} wrap="nowrap">
            <Badge size="xs" circle color={colors[k] ?? 'gray.5'}> </Badge>
            <Text size="xs">{label(k)}: <b>{n}</b></Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

