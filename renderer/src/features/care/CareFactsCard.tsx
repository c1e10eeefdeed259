import { Alert, Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import { useCurrentSession } from '../../app/session';

/**
 * On the case file, for every role: that care happened, when, how long and by whom — never what
 * was said — and an open suicide-risk case. Clinicians get a link to their own station.
 */
export function CareFactsCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const roles = useCurrentSession().roles;
  const facts = useCallQuery('care.facts', { personId }, { staleTime: 0 });
  if (!facts.data) return null;
  const { records, risk, declined } = facts.data;
  return (
    <Card withBorder data-testid="care-facts">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('care.facts')}</Text>
        <Group gap="xs">
          {roles.includes('psychologist') && <Anchor component={Link} to={`/atencion/persona/${personId}`} size="sm">{t('care.title')}</Anchor>}
          {roles.includes('health') && <Anchor component={Link} to={`/salud/persona/${personId}`} size="sm">{t('care.medicalTitle')}</Anchor>}
        </Group>
      </Group>
      {risk && !risk.closedAt && <Alert color="red" mb="xs" title={t('care.urgent')} data-testid="care-risk">{t('care.urgentHelp')}</Alert>}
      {risk?.closedAt && <Text size="xs" c="dimmed" mb="xs">{t('care.riskClosedBy', { by: risk.closedBy, action: t(`care.riskActions.${risk.action}`) })}</Text>}
      {declined.map((s) => <Text key={s} size="sm" c="dimmed">{t('care.declined', { service: t(`care.services.${s}`) })}</Text>)}
      <Text size="xs" c="dimmed" mb={4}>{t('care.factsHelp')}</Text>
      {records.length === 0 ? (
        <Text size="sm" c="dimmed">{t('care.factsNone')}</Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {records.map((r) => (
              <Table.Tr key={r.id} data-testid="care-fact">
                <Table.Td>{formatDateTime(r.heldAt)}</Table.Td>
                <Table.Td><Badge variant="light" color={r.service === 'psychology' ? 'grape' : 'blue'}>{t(`care.kinds.${r.kind}`)}</Badge></Table.Td>
                <Table.Td>{t('care.by', { by: r.recordedBy, minutes: r.durationMinutes })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
