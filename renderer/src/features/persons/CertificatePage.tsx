import type { Output } from '@core/contract';
import { Box, Button, Divider, Group, Image, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call } from '../../api/client';
import { formatDate, formatDateTime } from '../../app/format';
import { countryName, personName } from '../../app/labels';
import { notifyError } from '../../app/notify';
import { savePdf } from '../../app/print';

type Certificate = Output<'persons.certificate'>;

/**
 * Print view of the returnee certificate and the QR ticket (A4/Letter). "Print" opens the system
 * print dialog (which can also save a PDF); inside Electron "Save PDF" uses printToPDF directly.
 */
export function CertificatePage() {
  const { t: ui, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [data, setData] = useState<Certificate | null>(null);
  const [language, setLanguage] = useState<'es' | 'en' | null>(null);
  useEffect(() => {
    call('persons.certificate', { personArrivalId: id }).then(setData, notifyError);
  }, [id]);
  if (!data) return null;
  const { person, arrival, centre, row } = data;
  // Printed in the language chosen for the person (the one their consent was explained in, unless changed here).
  const lang = language ?? data.language;
  const t = i18n.getFixedT(lang);
  const document = person.documentNumber
    ? t('certificate.documentOf', { type: person.documentType ? t(`registration.documentTypes.${person.documentType}`) : '', number: person.documentNumber })
    : t('certificate.noDocument');
  return (
    <Box p="xl" maw={800} mx="auto" className="print-page">
      <Group justify="flex-end" className="no-print" mb="md">
        <SegmentedControl
          aria-label={ui('certificate.language')}
          value={lang}
          onChange={(v) => setLanguage(v as 'es' | 'en')}
          data={[{ value: 'es', label: 'Español' }, { value: 'en', label: 'English' }]}
        />
        <Button variant="default" onClick={() => void navigate(-1)}>{ui('certificate.back')}</Button>
        {window.acogida?.savePdf && (
          <Button variant="default" onClick={() => void savePdf(ui('certificate.fileName', { caseNumber: person.caseNumber }))}>
            {ui('certificate.savePdf')}
          </Button>
        )}
        <Button onClick={() => window.print()} autoFocus>{ui('certificate.print')}</Button>
      </Group>
      <Stack gap="md">
        <Text ta="center" fw={600}>{centre.name}</Text>
        <Title order={2} ta="center">{t('certificate.title')}</Title>
        <Text ta="center" c="dimmed" data-testid="certificate-number">{t('certificate.number', { number: data.number })}</Text>
        {data.copy && (
          <Text ta="center" fw={700} c="red.8" fz="lg" data-testid="certificate-copy">
            {t('certificate.copy', { date: formatDateTime(data.issuedAt), printed: formatDateTime(data.printedAt) })}
          </Text>
        )}
        <Text size="lg" lh={1.7} data-testid="certificate-body">
          {t('certificate.body', {
            // The person's sex decides "recibida/recibido"; unknown or X reads "la persona".
            context: person.sex === 'F' ? 'female' : person.sex === 'M' ? 'male' : undefined,
            name: personName(person),
            document,
            date: formatDate(arrival.date),
            origin: countryName(arrival.originCountry, lang),
            route: t(`arrivals.routes.${arrival.route}`).toLowerCase(),
            reference: arrival.reference ? ` (${arrival.reference})` : '',
            caseNumber: person.caseNumber,
          })}
        </Text>
        <Text>{t('certificate.issued', { date: formatDateTime(data.issuedAt), by: data.issuedBy })}</Text>
        <Box mt={60} w={260} style={{ borderTop: '1px solid #333' }}>
          <Text size="sm" ta="center">{t('certificate.signature')}</Text>
        </Box>
        <Divider my="xl" variant="dashed" />
        <Group align="center" gap="xl">
          <Image src={`data:image/svg+xml;base64,${btoa(data.qrSvg)}`} w={140} h={140} alt={row.ticketCode} />
          <Stack gap={4}>
            <Text fw={700}>{t('certificate.ticket')}</Text>
            <Text fz={22} ff="monospace" data-testid="ticket-code">{row.ticketCode}</Text>
            <Text>{personName(person)} · {person.caseNumber}</Text>
            <Text size="sm" c="dimmed">{t('certificate.ticketHelp')}</Text>
          </Stack>
        </Group>
      </Stack>
    </Box>
  );
}
