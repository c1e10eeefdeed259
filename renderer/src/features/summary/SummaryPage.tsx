import { addDays } from '@core/time';
import { Badge, Button, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCallQuery } from '../../api/hooks';
import i18n from '../../app/i18n';
import { notifyError } from '../../app/notify';
import { centreToday } from '../../app/centre-time';
import { DATE_FORMAT, formatDate } from '../../app/format';
import { countryName, optionLabel } from '../../app/labels';
import { useCurrentSession } from '../../app/session';
import { aidTypeName } from '../aid/labels';


const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * Resumen del día (docs/spec.md, "The manager's daily summary"): the day or a range in figures,
 * each beside the same length of time just before it; counts only, never a name. Printed from the
 * browser's print (A4 or Letter as the printer is set).
 */
export function SummaryPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(centreToday());
  const [to, setTo] = useState<string | null>(null);
  const end = to && to >= from ? to : from;
  const days = dayCount(from, end);
  const previous = { from: addDays(from, -days), to: addDays(from, -1) };
  const now = useCallQuery('summary.daily', { from, to: end }, { staleTime: 0 });
  const before = useCallQuery('summary.daily', previous, { staleTime: 0 });
  const s = now.data;
  const [paper, setPaper] = useState<'a4' | 'letter'>('letter');
  const [making, setMaking] = useState(false);
  /** The same PDF the CLI writes, made in the core, saved as a file. */
  const downloadPdf = async () => {
    setMaking(true);
    try {
      const pdf = await call('summary.pdf', { from, to: end, locale: i18n.language === 'en' ? 'en' : 'es', paper });
      const url = URL.createObjectURL(new Blob([Uint8Array.from(atob(pdf.base64), (ch) => ch.charCodeAt(0))], { type: 'application/pdf' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: pdf.fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notifyError(error);
    } finally {
      setMaking(false);
    }
  };
  // Kits by their names where the caller may read the types (the manager); the code otherwise.
  const types = useCallQuery('aid.types', { includeInactive: true, category: 'all' }, { enabled: useCurrentSession().roles.includes('manager') });
  const typeName = (code: string) => {
    const type = types.data?.find((x) => x.code === code);
    return type ? aidTypeName(type) : code;
  };
  return (
    <Stack maw={1200} className="print-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('summary.title')}</Title>
          {s && <Text size="sm" c="dimmed">{s.centre} · {from === end ? formatDate(from) : t('summary.range', { from: formatDate(from), to: formatDate(end) })} · {t('summary.comparedWith', { from: formatDate(previous.from), to: formatDate(previous.to) })}</Text>}
        </div>
        <Group className="no-print" align="flex-end">
          <DateInput label={t('summary.from')} valueFormat={DATE_FORMAT} value={from} onChange={(v) => v && setFrom(v)} maxDate={centreToday()} w={150} />
          <DateInput label={t('summary.to')} valueFormat={DATE_FORMAT} value={to} onChange={(v) => setTo(v)} minDate={from} maxDate={centreToday()} clearable w={150} />
          <SegmentedControl aria-label={t('summary.paper')} data={[{ value: 'letter', label: t('summary.letter') }, { value: 'a4', label: 'A4' }]} value={paper} onChange={(v) => setPaper(v as 'a4')} />
          <Button loading={making} onClick={() => void downloadPdf()}>{t('summary.pdf')}</Button>
          <Button variant="default" onClick={() => window.print()}>{t('summary.print')}</Button>
        </Group>
      </Group>
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('summary.arrivals')} value={s.arrivals.total} before={before.data?.arrivals.total} />
            <Figure label={t('summary.expected')} value={s.persons.expected} before={before.data?.persons.expected} />
            <Figure label={t('summary.received')} value={s.persons.received} before={before.data?.persons.received} testId="figure-received" />
            <Figure label={t('summary.noShows')} value={s.persons.no_shows} before={before.data?.persons.no_shows} />
            <Figure label={t('summary.unaccompanied')} value={s.persons.unaccompanied_minors} before={before.data?.persons.unaccompanied_minors} />
            <Figure label={t('summary.families')} value={s.persons.family_units} before={before.data?.persons.family_units} />
            <Figure label={t('summary.repeat')} value={s.persons.repeat_returnees} before={before.data?.persons.repeat_returnees} />
            <Figure label={t('summary.interpreter')} value={s.persons.interpreter_needed} before={before.data?.persons.interpreter_needed} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Bars title={t('summary.bySex')} counts={s.persons.by_sex} label={(k) => t(`summary.sex.${k}`, { defaultValue: k })} />
            <Bars title={t('summary.byAge')} counts={s.persons.by_age_group} label={(k) => t(`summary.age.${k}`)} keep />
            <Bars title={t('summary.byRoute')} counts={s.arrivals.by_route} label={(k) => t(`summary.route.${k}`, { defaultValue: k })} />
            <Bars title={t('summary.byOrigin')} counts={s.arrivals.by_origin} label={(k) => countryName(k)} />
            <Bars title={t('summary.screening')} counts={{ red: s.screening.red, yellow: s.screening.yellow, green: s.screening.green, not_screened: s.screening.not_screened }} label={(k) => t(`summary.levels.${k}`)} keep extra={t('summary.overdue', { count: s.screening.overdue })} />
            <Bars title={t('summary.alerts')} counts={s.alerts} label={(k) => t(`summary.alertStates.${k}`)} keep />
            <Bars title={t('summary.disabilities')} counts={s.persons.disabilities} label={(k) => optionLabel('disabilities', k)} extra={t('summary.indigenous', { count: s.persons.indigenous_language })} />
            <Bars title={t('summary.delivered')} counts={s.aid.delivered} label={typeName} extra={s.aid.low_stock.length ? t('summary.lowStock', { types: s.aid.low_stock.map(typeName).join(', ') }) : undefined} />
            <Bars title={t('summary.care')} counts={{ pfa_contacts: s.care.pfa_contacts, sessions: s.care.sessions, medical: s.care.medical, risk_flags: s.care.risk_flags }} label={(k) => t(`summary.careKinds.${k}`)} keep />
            <Bars title={t('summary.referrals')} counts={s.referrals.by_institution} label={(k) => k} extra={t('summary.referralStates', { created: s.referrals.created, overdue: s.referrals.overdue, states: Object.entries(s.referrals.by_status).map(([k, n]) => `${t(`referrals.status.${k}`)} ${n}`).join(' · ') || '—' })} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">{t('summary.footnote')}</Text>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value, before, testId }: { label: string; value: number; before: number | undefined; testId?: string }) {
  const { t } = useTranslation();
  const diff = before === undefined ? null : value - before;
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Group gap="xs" align="baseline">
        <Text fz={28} fw={700}>{value}</Text>
        {diff !== null && <Badge variant="light" color={diff === 0 ? 'gray' : diff > 0 ? 'blue' : 'orange'} title={t('summary.before', { count: before })}>{diff > 0 ? `+${diff}` : diff}</Badge>}
      </Group>
    </Card>
  );
}

/** A figure broken down: one bar per key, its share of the largest. */
function Bars({ title, counts, label, keep = false, extra }: { title: string; counts: Record<string, number>; label: (key: string) => string; keep?: boolean; extra?: string | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(counts).filter(([, n]) => keep || n > 0).sort((a, b) => (keep ? 0 : b[1] - a[1]));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm" mb={6}>{title}</Text>
      {entries.length === 0 && <Text size="sm" c="dimmed">{t('summary.none')}</Text>}
      <Stack gap={4}>
        {entries.map(([key, n]) => (
          <Group key={key} gap="xs" wrap="nowrap">
            <Text size="xs" w={150} truncate title={label(key)}>{label(key)}</Text>
            <Progress value={(n / max) * 100} style={{ flex: 1 }} aria-label={label(key)} />
            <Text size="xs" w={36} ta="right">{n}</Text>
          </Group>
        ))}
      </Stack>
      {extra && <Text size="xs" c="dimmed" mt={6}>{extra}</Text>}
    </Card>
  );
}

