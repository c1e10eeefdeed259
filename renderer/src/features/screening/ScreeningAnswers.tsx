import { INSTRUMENT, type Question } from '@core/screening/instrument';
import { Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import i18n from '../../app/i18n';

const lang = () => (i18n.language === 'en' ? 'en' : 'es');

/** An answer as it was given, in words: "Sí", the option's label, a number, the note's text. */
function answerText(q: Question, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (q.type === 'yes_no') return i18n.t(value === true || value === 'true' ? 'common.yes' : 'common.no');
  const label = (code: unknown) => q.options?.find((o) => o.code === code)?.label[lang()] ?? String(code);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (q.type === 'single') return label(value);
  return String(value);
}

/**
 * A saved screening read back, question by question, with its notes: opened on purpose (the core
 * audits it as a sensitive read of that screening), never shown in passing.
 */
export function ScreeningAnswers({ screeningId, onClose }: { screeningId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screening = useCallQuery('screening.get', { screeningId: screeningId ?? '' }, { enabled: !!screeningId, staleTime: 0, gcTime: 0 });
  const data = screening.data;
  return (
    <Modal opened={!!screeningId} onClose={onClose} title={t('screening.answersTitle')} size="xl" centered>
      {!data ? (
        <Loader size="sm" />
      ) : (
        <Stack data-testid="screening-answers">
          <Text size="sm" c="dimmed">{t('screening.screenedBy', { by: data.screenedBy, date: formatDateTime(data.screenedAt) })}</Text>
          {INSTRUMENT.sections.map((section) => {
            const answered = section.questions.filter((q) => answerText(q, data.answers[q.id]) !== '');
            if (!answered.length) return null;
            return (
              <div key={section.id}>
                <Title order={5} mb={4}>{section.title[lang()]}</Title>
                <Table fz="sm" withRowBorders>
                  <Table.Tbody>
                    {answered.map((q) => (
                      <Table.Tr key={q.id}>
                        <Table.Td w="55%">{q.label[lang()]}</Table.Td>
                        <Table.Td fw={500} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{answerText(q, data.answers[q.id])}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            );
          })}
        </Stack>
      )}
    </Modal>
  );
}
