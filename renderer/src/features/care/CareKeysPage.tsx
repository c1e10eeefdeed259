import type { Output } from '@core/contract';
import { Alert, Badge, Button, Card, Code, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';

type Access = Output<'care.access'>[number];
const INVALIDATE = ['care.access', 'care.history', 'care.queue'] as const;

/**
 * The clinical notes keys, per service: create the key the first time (the recovery code is shown
 * once), give it to a colleague, take it away, or get it back with the recovery code. An admin
 * sees who holds a key and may take it away; never the key itself.
 */
export function CareKeysPage() {
  const { t } = useTranslation();
  const access = useCallQuery('care.access', {}, { staleTime: 0 });
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('care.keysTitle')}</Title>
      <Text size="sm" c="dimmed">{t('care.keys.intro')}</Text>
      {(access.data ?? []).map((a) => <ServiceKeys key={a.service} access={a} />)}
    </Stack>
  );
}

function ServiceKeys({ access }: { access: Access }) {
  const { t } = useTranslation();
  const clinician = useCurrentSession().roles.some((r) => r === 'psychologist' || r === 'health');
  const setup = useCallMutation('care.setup', [...INVALIDATE]);
  const grant = useCallMutation('care.grant', [...INVALIDATE]);
  const revoke = useCallMutation('care.revoke', [...INVALIDATE]);
  const recover = useCallMutation('care.recover', [...INVALIDATE]);
  const [code, setCode] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const service = access.service;
  const name = t(`care.services.${service}`);
  return (
    <Card withBorder data-testid={`keys-${service}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('care.keys.service', { service: name })}</Text>
        {clinician && (access.holds ? <Badge color="teal">{t('care.keys.youHold')}</Badge> : <Badge color="orange">{t('care.keys.youDont')}</Badge>)}
      </Group>
      {clinician && access.me === 'own-password' && <Alert color="orange" mb="sm">{t('care.keys.ownPassword')}</Alert>}
      {!access.keyExists ? (
        <Group>
          <Text size="sm">{t('care.keys.notSetUp')}</Text>
          {clinician && access.me === 'ready' && (
            <Button loading={setup.isPending} onClick={async () => setCode((await setup.mutateAsync({ service })).recoveryCode)}>{t('care.keys.setUp')}</Button>
          )}
        </Group>
      ) : (
        <>
          {clinician && !access.holds && access.me === 'ready' && (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                await recover.mutateAsync({ service, recoveryCode: typed });
                setTyped('');
                notifySuccess(t('care.keys.recovered'));
              }}
            >
              <Group align="flex-end" mb="sm">
                <TextInput label={t('care.keys.recoveryCode')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} maxLength={80} autoComplete="off" style={{ flex: 1 }} />
                <Button type="submit" variant="light" loading={recover.isPending} disabled={!typed.trim()}>{t('care.keys.recover')}</Button>
              </Group>
            </form>
          )}
          <Text size="sm" fw={500} mb={4}>{t('care.keys.colleagues')}</Text>
          <Table fz="sm">
            <Table.Tbody>
              {access.colleagues.map((c) => (
                <Table.Tr key={c.userId} data-testid="colleague">
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    {c.holds ? <Badge color="teal" variant="light">{t('care.keys.holds')}</Badge> : c.ready ? <Badge color="gray" variant="light">{t('care.keys.waiting')}</Badge> : <Text size="xs" c="dimmed">{t('care.keys.notReady')}</Text>}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!c.holds && c.ready && access.holds && (
                      <Button size="xs" loading={grant.isPending} onClick={async () => { await grant.mutateAsync({ service, userId: c.userId }); notifySuccess(t('care.keys.granted', { name: c.name })); }}>{t('care.keys.grant')}</Button>
                    )}
                    {c.holds && (
                      <Button size="xs" color="red" variant="subtle" loading={revoke.isPending} onClick={async () => { await revoke.mutateAsync({ service, userId: c.userId }); notifySuccess(t('care.keys.revoked', { name: c.name })); }}>{t('care.keys.revoke')}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal opened={code !== null} onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} title={t('care.keys.codeTitle')} centered>
        <Stack>
          <Text size="sm">{t('care.keys.codeText')}</Text>
          <Code block fz="lg" ta="center" data-testid="recovery-code">{code}</Code>
          <Button data-autofocus onClick={() => setCode(null)}>{t('care.keys.codeSaved')}</Button>
        </Stack>
      </Modal>
    </Card>
  );
}
