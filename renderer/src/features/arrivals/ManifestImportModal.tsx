import type { Output } from '@core/contract';
import { Alert, Badge, Button, FileInput, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../app/notify';

type Preview = Output<'manifests.preview'>;

/** Manifest columns by the names the form uses for them. */
const COLUMN_LABELS: Record<string, string> = {
  given_names: 'registration.givenNames',
  first_surname: 'registration.firstSurname',
  second_surname: 'registration.secondSurname',
  birth_date: 'registration.birthDate',
  sex: 'registration.sex',
  nationality: 'registration.nationality',
  document_type: 'registration.documentType',
  document_number: 'registration.documentNumber',
  unaccompanied_minor: 'arrivals.group.unaccompanied_minor',
  family_group: 'registration.group',
};

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Choose a file → every row with its problems → import all rows, or fix the file and choose again. */
export function ManifestImportModal({ arrivalId, opened, onClose }: { arrivalId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const importer = useCallMutation('manifests.import', ['arrivals.get', 'arrivals.list', 'flow.board']);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setContent(null);
    if (!chosen) return;
    setReading(true);
    try {
      const base64 = await toBase64(chosen);
      setContent(base64);
      setPreview(await call('manifests.preview', { fileName: chosen.name, contentBase64: base64 }));
    } catch (error) {
      notifyError(error);
    } finally {
      setReading(false);
    }
  };

  const close = () => {
    setFile(null);
    setPreview(null);
    setContent(null);
    onClose();
  };

  const problemsByRow = new Map<number, Preview['problems']>();
  for (const p of preview?.problems ?? []) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p]);
  const importable = preview ? preview.rows.length - preview.duplicatesInFile : 0;

  return (
    <Modal opened={opened} onClose={close} title={t('manifest.title')} size="90%" centered>
      <Stack>
        <FileInput
          label={t('manifest.file')}
          description={t('manifest.fileHelp')}
          accept=".csv,.txt,.tsv,.xlsx"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          data-autofocus
        />
        {reading && (
          <Stack gap={4}>
            <Text size="sm">{t('manifest.reading')}</Text>
            <Progress value={100} animated striped aria-label={t('manifest.reading')} />
          </Stack>
        )}
        {preview && (
          <>
            <Text fw={600} data-testid="manifest-summary">
              {t('manifest.summary', { rows: preview.rows.length, errors: preview.errorCount, duplicates: preview.duplicatesInFile, repeats: preview.possibleRepeatReturnees })}
            </Text>
            {preview.errorCount > 0 ? (
              <Alert color="red" icon={<IconAlertTriangle />} title={t('manifest.problems')}>
                {t('manifest.fixAndRetry')}
              </Alert>
            ) : (
              <Alert color="teal" icon={<IconCheck />}>
                {t('manifest.ok')}
              </Alert>
            )}
            <ScrollArea h={360} type="auto">
              <Table striped withTableBorder fz="sm" stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('manifest.row')}</Table.Th>
                    <Table.Th>{t('arrivals.name')}</Table.Th>
                    <Table.Th>{t('arrivals.birthDate')}</Table.Th>
                    <Table.Th>{t('registration.sex')}</Table.Th>
                    <Table.Th>{t('registration.documentNumber')}</Table.Th>
                    <Table.Th>{t('manifest.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => {
                    const problems = problemsByRow.get(r.row) ?? [];
                    const hasError = problems.some((p) => p.severity === 'error');
                    return (
                      <Table.Tr key={r.row} bg={hasError ? 'red.0' : problems.length ? 'yellow.0' : undefined} data-testid={hasError ? 'manifest-error-row' : 'manifest-row'}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{[r.givenNames, r.firstSurname, r.secondSurname].filter(Boolean).join(' ')}</Table.Td>
                        <Table.Td>{r.birthDate}</Table.Td>
                        <Table.Td>{r.sex}</Table.Td>
                        <Table.Td>{r.documentNumber}</Table.Td>
                        <Table.Td>
                          <Stack gap={2}>
                            {problems.map((p, i) => (
                              <Group key={i} gap={4} wrap="nowrap">
                                <Badge size="xs" color={p.severity === 'error' ? 'red' : 'yellow'} tt="none" style={{ flexShrink: 0 }}>
                                  {p.column ? t(COLUMN_LABELS[p.column] ?? p.column) : '—'}
                                </Badge>
                                <Text size="xs">{p.message}</Text>
                              </Group>
                            ))}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                  {problemsByRow.get(1)?.map((p, i) => (
                    <Table.Tr key={`h${i}`} bg="red.0" data-testid="manifest-error-row">
                      <Table.Td>1</Table.Td>
                      <Table.Td colSpan={5}>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!preview || preview.errorCount > 0 || !content || !file}
            loading={importer.isPending}
            onClick={async () => {
              const result = await importer.mutateAsync({ arrivalId, fileName: file!.name, contentBase64: content! });
              notifySuccess(t('manifest.imported', { count: result.imported }));
              close();
            }}
          >
            {t('manifest.import', { count: importable })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
