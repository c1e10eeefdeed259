import type { Output } from '@core/contract';
import { Alert, Box, Button, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call } from '../../api/client';
import { formatDate, formatPartialDate } from '../../app/format';
import { serviceLabel } from '../../app/labels';
import { savePdf } from '../../app/print';

type Slip = Output<'referrals.slip'>;

/**
 * The referral slip (ficha de derivación), printable and as PDF: only what the person's consent
 * for that institution allows; without it the core refuses and this page says why and how.
 */
export function SlipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    call('referrals.slip', { referralId: id }).then(setSlip, (e: Error) => setRefusal(e.message));
  }, [id]);
  const back = <Button variant="default" onClick={() => void navigate(-1)}>{t('referrals.back')}</Button>;
  if (refusal) return <Box p="xl" maw={800} mx="auto"><Alert color="orange" mb="md" data-testid="slip-refused">{refusal}</Alert>{back}</Box>;
  if (!slip) return null;
  const field = (label: string, value: string | null) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
  return (
    <Box p="xl" maw={800} mx="auto" className="print-page" data-testid="slip">
      <Group justify="flex-end" className="no-print" mb="md">
        {back}
        {window.acogida?.savePdf && <Button variant="default" onClick={() => void savePdf(t('referrals.fileName', { number: slip.number }))}>{t('referrals.savePdf')}</Button>}
        <Button onClick={() => window.print()} autoFocus>{t('referrals.print')}</Button>
      </Group>
      <Stack gap="md">
        <Text ta="center" fw={600}>{slip.centre}</Text>
        <Title order={2} ta="center">{t('referrals.slipTitle')}</Title>
        <Text ta="center" c="dimmed">{t('referrals.slipNumber', { number: slip.number })} · {t(`referrals.priorityShort.${slip.priority}`)}</Text>
        <Divider />
        <Text fw={600}>{t('referrals.slipTo', { name: slip.institution.name, code: slip.institution.code })}</Text>
        {[slip.institution.address, slip.institution.contact, slip.institution.hours].some(Boolean) && (
          <Text size="sm">{[slip.institution.address, slip.institution.contact, slip.institution.hours].filter(Boolean).join(' · ')}</Text>
        )}
        <Text>{t('referrals.slipService', { service: serviceLabel(slip.service) })}</Text>
        <Divider label={t('referrals.slipPerson')} labelPosition="left" />
        <SimpleGrid cols={2}>
          {field(t('referrals.slipName'), slip.person.name)}
          {field(t('referrals.slipCase'), slip.person.caseNumber)}
          {field(t('referrals.slipBirth'), slip.person.birthDate ? formatPartialDate(slip.person.birthDate) : null)}
          {field(t('referrals.slipSex'), slip.person.sex ? t(`registration.sexes.${slip.person.sex}`) : null)}
          {field(t('referrals.slipDocument'), slip.person.documentNumber)}
          {field(t('referrals.slipPhone'), slip.person.phone)}
          {field(t('referrals.slipDestination'), slip.person.destination)}
        </SimpleGrid>
        {slip.needs.length > 0 && field(t('referrals.slipNeeds'), slip.needs.map((n) => t(`referrals.needList.${n}`)).join(', '))}
        <Text size="xs" c="dimmed">{t('referrals.slipConsent')}</Text>
        <Text size="sm">{t('referrals.slipBy', { by: slip.referredBy, date: formatDate(slip.referredAt), centre: slip.centre })}</Text>
        <Text size="sm" mt="xl">{t('referrals.slipReceived')}</Text>
        <Divider mt={40} />
      </Stack>
    </Box>
  );
}
