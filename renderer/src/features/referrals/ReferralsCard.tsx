import { NEEDS } from '@core/referrals/routes';
import { Button, Card, Chip, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { FollowUpSection } from './FollowUpSection';
import { ProposalLine, ReferralForm, ReferralLine } from './ReferralsPage';

/**
 * On the case file: the needs the person expressed (any caseworker records them), the referrals
 * with their steps, and, for protection officers and the manager, what the routes propose now.
 */
export function ReferralsCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const roles = useCurrentSession().roles;
  const refers = roles.some((r) => r === 'protection_officer' || r === 'manager');
  const needs = useCallQuery('referrals.needs', { personId }, { staleTime: 0 });
  const referrals = useCallQuery('referrals.ofPerson', { personId }, { staleTime: 0 });
  const proposals = useCallQuery('referrals.proposals', { personId }, { staleTime: 0, enabled: refers });
  const save = useCallMutation('referrals.recordNeeds', ['referrals.needs', 'referrals.proposals', 'referrals.worklist']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [byHand, setByHand] = useState(false);
  useEffect(() => setChosen(needs.data?.needs ?? []), [needs.data]);
  const changed = JSON.stringify([...chosen].sort()) !== JSON.stringify([...(needs.data?.needs ?? [])].sort());
  return (
    <Card withBorder data-testid="referrals-card">
      <Text fw={600} mb="xs">{t('referrals.card')}</Text>
      <Text size="sm" fw={500} mb={4}>{t('referrals.needs')}</Text>
      <Chip.Group multiple value={chosen} onChange={setChosen}>
        <Group gap={6} role="group" aria-label={t('referrals.needs')}>
          {NEEDS.map((n) => <Chip key={n} value={n} size="xs">{t(`referrals.needList.${n}`)}</Chip>)}
        </Group>
      </Chip.Group>
      {changed && (
        <Button
          size="xs"
          mt="xs"
          loading={save.isPending}
          onClick={async () => {
            await save.mutateAsync({ personId, needs: chosen as never });
            notifySuccess(t('referrals.needsSaved'));
          }}
        >
          {t('referrals.needsSave')}
        </Button>
      )}
      {refers && (proposals.data?.length ?? 0) > 0 && (
        <>
          <Text size="sm" fw={500} mt="md" mb={4}>{t('referrals.proposedHere')}</Text>
          <Stack gap={6}>{proposals.data!.map((p) => <ProposalLine key={`${p.institutionCode}|${p.service}`} personId={personId} proposal={p} />)}</Stack>
        </>
      )}
      {refers && (
        <Button size="xs" variant="light" mt="md" onClick={() => setByHand(true)}>{t('referrals.byHand')}</Button>
      )}
      <Modal opened={byHand} onClose={() => setByHand(false)} title={t('referrals.byHand')} centered>
        {byHand && <ReferralForm personId={personId} initial={{ institutionId: null, service: null, priority: 'normal' }} onClose={() => setByHand(false)} />}
      </Modal>
      <FollowUpSection personId={personId} canRecord={refers} />
      <Stack gap={6} mt="md">
        {referrals.data?.length ? referrals.data.map((r) => (refers ? <ReferralLine key={r.id} referral={r} /> : <Text key={r.id} size="sm">{r.institutionCode} · {t(`referrals.status.${r.status}`)}</Text>)) : <Text size="sm" c="dimmed">{t('referrals.none')}</Text>}
      </Stack>
    </Card>
  );
}
