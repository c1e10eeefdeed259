import type { Output } from '@core/contract';
import { RoutesDocument } from '@core/referrals/routes';
import { validate } from '@core/validation';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import i18n from '../../app/i18n';
import { serviceLabel } from '../../app/labels';
import { notifySuccess } from '../../app/notify';

type Preview = Output<'referrals.previewRoutes'>;

/** "INTECAP · training" as the directory names the service. */
const named = (proposal: string) => proposal.replace(/ · (.+)$/, (_, service: string) => ` · ${serviceLabel(service)}`);

/**
 * The referral routes, editable by an admin: the document as JSON (each route: id, country,
 * conditions, institution, service, priority), checked as it is typed; a preview shows how the
 * proposals for the people of the last 30 days would change before a new version is saved.
 */
export function RoutesPage() {
  const { t } = useTranslation();
  const current = useCallQuery('referrals.routes', {}, { staleTime: 0 });
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const previewCall = useCallMutation('referrals.previewRoutes', [], ['input.invalid']);
  const save = useCallMutation('referrals.saveRoutes', ['referrals.routes', 'referrals.worklist', 'referrals.proposals'], ['input.invalid']);
  const active = current.data?.active;
  useEffect(() => {
    if (active && text === null) setText(JSON.stringify(active.routes, null, 2));
  }, [active, text]);
  if (!current.data || !active || text === null) return null;

  /** The document as typed, checked here first (the core checks again), or null with the problems shown. */
  const parsed = () => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      setProblems([t('referrals.routesEditor.badJson', { detail: (error as Error).message })]);
      return null;
    }
    const result = validate(RoutesDocument, json, i18n.language === 'en' ? 'en' : 'es');
    if (!result.success) {
      setProblems(result.issues.map((i) => i.message));
      return null;
    }
    setProblems([]);
    return result.data;
  };
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'input.invalid') setProblems(((error.details?.issues ?? []) as { message: string }[]).map((i) => i.message));
    else throw error;
  };
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('referrals.routesEditor.title')}</Title>
      <Text size="sm" c="dimmed">{t('referrals.routesEditor.intro', { version: active.version })}</Text>
      <Textarea
        label={t('referrals.routesEditor.document')}
        autosize
        minRows={12}
        maxRows={30}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setPreview(null);
        }}
        data-testid="routes-json"
      />
      {problems.length > 0 && (
        <Alert color="red" role="alert" data-testid="routes-problems">
          {problems.map((p) => <Text key={p} size="sm">{p}</Text>)}
        </Alert>
      )}
      <Group align="flex-end">
        <Button
          variant="light"
          loading={previewCall.isPending}
          onClick={async () => {
            const routes = parsed();
            if (routes) setPreview(await previewCall.mutateAsync({ routes }).catch((e: unknown) => (refused(e), null)));
          }}
        >
          {t('referrals.routesEditor.preview')}
        </Button>
        <TextInput label={t('referrals.routesEditor.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} style={{ flex: 1 }} />
        <Button
          loading={save.isPending}
          onClick={async () => {
            const routes = parsed();
            if (!routes) return;
            const saved = await save.mutateAsync({ routes, note }).catch((e: unknown) => (refused(e), null));
            if (!saved) return;
            notifySuccess(t('referrals.routesEditor.saved', { version: saved.version }));
            setText(JSON.stringify(saved.routes, null, 2));
            setNote('');
            setPreview(null);
          }}
        >
          {t('referrals.routesEditor.save')}
        </Button>
      </Group>
      {preview && (
        <Card withBorder data-testid="routes-preview">
          <Text fw={600}>{t('referrals.routesEditor.previewTitle', { count: preview.considered, current: preview.current, proposed: preview.proposed })}</Text>
          {preview.changes.length === 0 && <Text size="sm" c="dimmed">{t('referrals.routesEditor.noChanges')}</Text>}
          {preview.changes.map((c) => (
            <Group key={c.personId} gap="xs" mt={4}>
              <Text size="sm" ff="monospace">{c.caseNumber}</Text>
              {c.added.map((a) => <Badge key={a} color="teal" variant="light" tt="none">+ {named(a)}</Badge>)}
              {c.removed.map((r) => <Badge key={r} color="red" variant="light" tt="none">− {named(r)}</Badge>)}
            </Group>
          ))}
        </Card>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">{t('referrals.routesEditor.versions')}</Text>
        <Table fz="sm">
          <Table.Tbody>
            {current.data.versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td w={60}>{v.version}</Table.Td>
                <Table.Td>{v.createdAt ? formatDateTime(v.createdAt) : t('referrals.routesEditor.shipped')}</Table.Td>
                <Table.Td>{v.createdBy}</Table.Td>
                <Table.Td>{t('referrals.routesEditor.count', { count: v.routes.routes.length })}</Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
