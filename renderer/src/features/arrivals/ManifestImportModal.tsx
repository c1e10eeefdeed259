import type { Output } from '@core/contract';
import { Alert, Badge, Button, FileInput, Group, Modal, Pagination, Progress, ScrollArea, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import type { DateOrder } from '@core/partial-date';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCallMutation } from '../../api/hooks';
import { toBase64 } from '../../app/files';
import { formatNumber, formatPartialDate } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';

type Preview = Output<'manifests.preview'>;



const PAGE_SIZE = 200;
/** A 500-character cell wraps inside its column instead of pushing the table off the screen. */
const CELL = { maxWidth: 260, overflowWrap: 'anywhere' } as const;

/** A value from the file in at most two lines: a 500-character name must not fill the preview. */
function CellText({ value }: { value: string }) {
  return (
    <Text size="sm" lineClamp={2} title={value.length > 80 ? value : undefined}>
      {value}
    </Text>
  );
}

/**
 * Follows a preview or import while the core works on it: rows read, rows checked against
 * earlier records, then the single all-or-nothing write.
 */
function ManifestProgress({ progressId, importing }: { progressId: string; importing: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<Output<'manifests.progress'>>({ stage: null, done: 0, total: 0 });
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        try {
          const next = await call('manifests.progress', { progressId });
          if (!stopped) setState(next);
        } catch {
          return; // the bar is a courtesy: the call itself reports any error
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [progressId]);
  const { done, total } = state;
  // An import whose rows are all read is writing them in one step, which cannot be polled.
  const stage = importing && state.stage === 'reading' && total > 0 && done >= total ? 'saving' : state.stage;
  const label = stage
    ? t(`manifest.progress.${stage}`, { done: formatNumber(done), total: formatNumber(total) })
    : t('manifest.reading');
  const determinate = (stage === 'reading' || stage === 'checking') && total > 0;
  return (
    <Stack gap={4} data-testid="manifest-progress">
      <Text size="sm">{label}</Text>
      <Progress
        value={determinate ? Math.round((done / total) * 100) : 100}
        animated={!determinate}
        striped={!determinate}
        aria-label={label}
      />
    </Stack>
  );
}

/** Choose a file → every row with its problems → import all rows, or fix the file and choose again. */
export function ManifestImportModal({ arrivalId, opened, onClose }: { arrivalId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [progressId, setProgressId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>(undefined);
  const importer = useCallMutation('manifests.import', ['arrivals.get', 'arrivals.list', 'flow.board', 'manifests.imports']);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setContent(null);
    setDateOrder(undefined);
    if (!chosen) return;
    await read(chosen, await toBase64(chosen), undefined);
  };

  /** Previews the file, reading ambiguous dates in `order` when the user chose one. */
  const read = async (chosen: File, base64: string, order: DateOrder | undefined) => {
    setPage(1);
    setOnlyProblems(false);
    const id = crypto.randomUUID();
    setProgressId(id);
    try {
      setContent(base64);
      const result = await call('manifests.preview', { fileName: chosen.name, contentBase64: base64, progressId: id, arrivalId, ...(order ? { dateOrder: order } : {}) });
      setPreview(result);
      setOnlyProblems(result.errorCount > 0 && result.rows.length > PAGE_SIZE);
    } catch (error) {
      notifyError(error);
    } finally {
      setProgressId(null);
    }
  };

  const runImport = async () => {
    const id = crypto.randomUUID();
    setProgressId(id);
    try {
      const result = await importer.mutateAsync({ arrivalId, fileName: file!.name, contentBase64: content!, progressId: id, ...(dateOrder ? { dateOrder } : {}) });
      notifySuccess(t('manifest.imported', { count: result.imported, formatted: formatNumber(result.imported) }));
      close();
    } finally {
      setProgressId(null);
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
  const importable = preview ? preview.rows.length - preview.problems.filter((p) => p.code === 'duplicate-in-file' || p.code === 'already-in-arrival').length : 0;
  // Large files are shown a page at a time; "only rows with problems" finds what to fix.
  const shown = (preview?.rows ?? []).filter((r) => !onlyProblems || problemsByRow.has(r.row));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

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
        {progressId && <ManifestProgress progressId={progressId} importing={importer.isPending} />}
        {preview && (
          <>
            <Text fw={600} data-testid="manifest-summary">
              {t('manifest.summary', { rows: formatNumber(preview.rows.length), errors: formatNumber(preview.errorCount), duplicates: formatNumber(preview.duplicatesInFile), repeats: formatNumber(preview.possibleRepeatReturnees) })}
            </Text>
            <DateOrderLine
              used={preview.dateOrder}
              onChoose={(order) => {
                setDateOrder(order);
                void read(file!, content!, order);
              }}
            />
            {preview.errorCount > 0 ? (
              <Alert color="red" icon={<IconAlertTriangle />} title={t('manifest.problems')}>
                {t('manifest.fixAndRetry')}
              </Alert>
            ) : (
              <Alert color="teal" icon={<IconCheck />}>
                {t('manifest.ok')}
              </Alert>
            )}
            {preview.rows.length > PAGE_SIZE && (
              <Group justify="space-between">
                <Switch
                  label={t('manifest.onlyProblems')}
                  checked={onlyProblems}
                  onChange={(e) => {
                    setOnlyProblems(e.currentTarget.checked);
                    setPage(1);
                  }}
                />
                <Pagination total={pages} value={page} onChange={setPage} size="sm" />
              </Group>
            )}
            <ScrollArea.Autosize mah="calc(100dvh - 420px)" type="auto">
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
                  {problemsByRow.get(1)?.map((p, i) => (
                    <Table.Tr key={`h${i}`} bg="red.0" data-testid="manifest-error-row">
                      <Table.Td>1</Table.Td>
                      <Table.Td colSpan={5}>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                  {pageRows.map((r) => {
                    const problems = problemsByRow.get(r.row) ?? [];
                    const hasError = problems.some((p) => p.severity === 'error');
                    return (
                      <Table.Tr key={r.row} bg={hasError ? 'red.0' : problems.length ? 'yellow.0' : undefined} data-testid={hasError ? 'manifest-error-row' : 'manifest-row'}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td style={CELL}>
                          <CellText value={[r.givenNames, r.firstSurname, r.secondSurname].filter(Boolean).join(' ')} />
                        </Table.Td>
                        <Table.Td>{formatPartialDate(r.birthDate)}</Table.Td>
                        <Table.Td>{r.sex}</Table.Td>
                        <Table.Td style={CELL}>
                          <CellText value={r.documentNumber ?? ''} />
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={2}>
                            {problems.map((p, i) => (
                              <Group key={i} gap={4} wrap="nowrap">
                                <Badge size="xs" color={p.severity === 'error' ? 'red' : 'yellow'} tt="none" style={{ flexShrink: 0 }}>
                                  {p.header ?? '—'}
                                </Badge>
                                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>{p.message}</Text>
                              </Group>
                            ))}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!preview || preview.errorCount > 0 || !content || !file}
            loading={importer.isPending}
            onClick={() => void runImport().catch(() => undefined)}
          >
            {t('manifest.import', { count: importable, formatted: formatNumber(importable) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * How the birth dates were read. Settled by the file (a 25/03/1990 or a 03/25/1990 in it): said.
 * Not settled and the file has dates like 03/04/1968: the clerk chooses, day first by default.
 */
function DateOrderLine({ used, onChoose }: { used: Preview['dateOrder']; onChoose: (order: DateOrder) => void }) {
  const { t } = useTranslation();
  if (used.source === 'file')
    return (
      <Text size="sm" data-testid="manifest-date-order">
        {t(`manifest.dateOrder.byFile.${used.order}`)}
      </Text>
    );
  if (used.ambiguous === 0) return null;
  return (
    <Group gap="sm" data-testid="manifest-date-order">
      <Text size="sm">{t('manifest.dateOrder.ask', { count: used.ambiguous })}</Text>
      <SegmentedControl
        size="xs"
        value={used.order}
        onChange={(value) => onChoose(value as DateOrder)}
        data={[
          { value: 'dmy', label: t('manifest.dateOrder.dmy') },
          { value: 'mdy', label: t('manifest.dateOrder.mdy') },
        ]}
        aria-label={t('manifest.dateOrder.label')}
      />
    </Group>
  );
}
