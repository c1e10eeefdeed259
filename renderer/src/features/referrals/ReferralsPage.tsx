import type { Output } from '@core/contract';
import { Anchor, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatDateTime } from '../../app/format';
import { personName, serviceLabel } from '../../app/labels';
import { notifySuccess } from '../../app/notify';

type Worklist = Output<'referrals.worklist'>;
export type Referral = Output<'referrals.ofPerson'>[number];
type Proposal = Output<'referrals.proposals'>[number];
type Step = 'sent' | 'received' | 'attended' | 'closed' | 'rejected' | 'cancelled';

const NEXT: Record<Referral['status'], Step[]> = {
  // Received straight from created: the person was taken there in person (recorded as such).
  created: ['sent', 'received', 'cancelled'],
  sent: ['received', 'rejected', 'cancelled'],
  received: ['attended', 'rejected'],
  attended: ['closed'],
  closed: [],
  rejected: [],
  cancelled: [],
};
const INVALIDATE = ['referrals.worklist', 'referrals.ofPerson', 'referrals.proposals', 'referrals.stats', 'persons.get'] as const;

/**
 * The protection officer's worklist (docs/spec.md, station 8): what the routes propose for
 * everyone present, high priority first, to refer or dismiss with a reason; and the referrals in
 * progress, overdue first, each moved one step at a time with its slip.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const list = useCallQuery('referrals.worklist', {}, { staleTime: 0, refetchInterval: 60_000 });
  const due = useCallQuery('referrals.followUpsDue', {}, { staleTime: 0 });
  const stats = useCallQuery('referrals.stats', {}, { staleTime: 0 });
  const [tab, setTab] = useState<string | null>('proposals');
  if (!list.data) return null;
  const { proposals, open } = list.data;
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('referrals.title')}</Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="proposals">{t('referrals.proposalsTab', { count: proposals.reduce((n, r) => n + r.proposals.length, 0) })}</Tabs.Tab>
          <Tabs.Tab value="open">{t('referrals.openTab', { count: open.length })}</Tabs.Tab>
          <Tabs.Tab value="due">{t('referrals.dueTab', { count: due.data?.length ?? 0 })}</Tabs.Tab>
          <Tabs.Tab value="stats">{t('referrals.statsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="proposals" pt="md"><Proposals rows={proposals} /></Tabs.Panel>
        <Tabs.Panel value="open" pt="md"><Open rows={open} /></Tabs.Panel>
        <Tabs.Panel value="due" pt="md"><Due rows={due.data ?? []} /></Tabs.Panel>
        <Tabs.Panel value="stats" pt="md"><Stats rows={stats.data ?? []} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Proposals({ rows }: { rows: Worklist['proposals'] }) {
  const { t } = useTranslation();
  if (!rows.length) return <Text c="dimmed">{t('referrals.noProposals')}</Text>;
  return (
    <Table withTableBorder fz="sm" data-testid="referral-proposals">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.personId}>
            <Table.Td style={{ width: 260, verticalAlign: 'top' }}>
              <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
              <Text size="xs" c="dimmed">{r.caseNumber}{r.age !== null ? ` · ${r.age}` : ''}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={6}>{r.proposals.map((p) => <ProposalLine key={`${p.institutionCode}|${p.service}`} personId={r.personId} proposal={p} />)}</Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One proposal: institution, service, priority and the rule that proposed it; refer or dismiss. */
export function ProposalLine({ personId, proposal: p }: { personId: string; proposal: Proposal }) {
  const { t } = useTranslation();
  const create = useCallMutation('referrals.create', [...INVALIDATE]);
  const [dismissing, setDismissing] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="proposal">
      <div>
        <Group gap={6}>
          <Badge color={p.priority === 'high' ? 'red' : 'gray'} variant="light">{t(`referrals.priorityShort.${p.priority}`)}</Badge>
          <Text size="sm" fw={600}>{p.institutionCode}</Text>
          <Text size="sm">{serviceLabel(p.service)}</Text>
        </Group>
        <Text size="xs" c="dimmed">{p.institutionId ? t(`referrals.priority.${p.priority}`) : t('referrals.notInDirectory', { code: p.institutionCode })} · {t('referrals.rule', { rule: p.rule })}</Text>
      </div>
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" variant="subtle" color="gray" onClick={() => setDismissing(true)}>{t('referrals.dismiss')}</Button>
        <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('referrals.edit')}</Button>
        <Button
          size="xs"
          disabled={!p.institutionId}
          loading={create.isPending}
          onClick={async () => {
            await create.mutateAsync({ personId, institutionId: p.institutionId!, service: p.service, priority: p.priority, rule: p.rule });
            notifySuccess(t('referrals.created', { code: p.institutionCode }));
          }}
        >
          {t('referrals.refer')}
        </Button>
      </Group>
      <Modal opened={dismissing} onClose={() => setDismissing(false)} title={t('referrals.dismissTitle')} centered>
        {dismissing && <DismissForm personId={personId} proposal={p} onClose={() => setDismissing(false)} />}
      </Modal>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('referrals.editTitle')} centered>
        {editing && <ReferralForm personId={personId} initial={{ institutionId: p.institutionId, service: p.service, priority: p.priority, rule: p.rule }} onClose={() => setEditing(false)} />}
      </Modal>
    </Group>
  );
}

function DismissForm({ personId, proposal, onClose }: { personId: string; proposal: Proposal; onClose: () => void }) {
  const { t } = useTranslation();
  const dismiss = useCallMutation('referrals.dismiss', [...INVALIDATE]);
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' }, validate: { reason: (v) => (v.trim().length >= 5 ? null : t('validation.reasonNeeded')) } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        await dismiss.mutateAsync({ personId, institutionCode: proposal.institutionCode, service: proposal.service, rule: proposal.rule, reason: v.reason });
        notifySuccess(t('referrals.dismissed'));
        onClose();
      })}
    >
      <Stack>
        <Text size="sm">{proposal.institutionCode} — {serviceLabel(proposal.service)}</Text>
        <Textarea label={t('referrals.dismissReason')} required autosize minRows={2} maxLength={1000} data-autofocus {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={dismiss.isPending}>{t('referrals.dismiss')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function Due({ rows }: { rows: Output<'referrals.followUpsDue'> }) {
  const { t } = useTranslation();
  if (!rows.length) return <Text c="dimmed">{t('referrals.noDue')}</Text>;
  return (
    <Table withTableBorder fz="sm" data-testid="follow-ups-due">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.personId}>
            <Table.Td>
              <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
              <Text size="xs" c="dimmed">{r.caseNumber}</Text>
            </Table.Td>
            <Table.Td>{formatDateTime(r.nextAt)}</Table.Td>
            <Table.Td>{r.state === 'unreachable' && <Badge color="orange">{t('referrals.caseState.unreachable')}</Badge>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** For the coordination table with institutions: how many, in which state, how fast they answer. */
function Stats({ rows }: { rows: Output<'referrals.stats'> }) {
  const { t } = useTranslation();
  if (!rows.length) return <Text c="dimmed">{t('referrals.noOpen')}</Text>;
  const hours = (h: number | null) => (h === null ? '—' : t('referrals.hours', { hours: h }));
  return (
    <Table striped withTableBorder fz="sm" data-testid="referral-stats">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('referrals.institution')}</Table.Th>
          <Table.Th ta="right">{t('referrals.total')}</Table.Th>
          <Table.Th>{t('referrals.byStatus')}</Table.Th>
          <Table.Th ta="right">{t('referrals.overdue')}</Table.Th>
          <Table.Th ta="right">{t('referrals.toReceived')}</Table.Th>
          <Table.Th ta="right">{t('referrals.toAttended')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.institutionCode}>
            <Table.Td><Text size="sm" fw={600}>{r.institutionCode}</Text><Text size="xs" c="dimmed">{r.institutionName}</Text></Table.Td>
            <Table.Td ta="right">{r.total}</Table.Td>
            <Table.Td>{Object.entries(r.byStatus).map(([status, n]) => `${t(`referrals.status.${status}`)} ${n}`).join(' · ')}</Table.Td>
            <Table.Td ta="right" c={r.overdue ? 'red' : undefined}>{r.overdue}</Table.Td>
            <Table.Td ta="right">{hours(r.medianHoursToReceived)}</Table.Td>
            <Table.Td ta="right">{hours(r.medianHoursToAttended)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Open({ rows }: { rows: Worklist['open'] }) {
  const { t } = useTranslation();
  if (!rows.length) return <Text c="dimmed">{t('referrals.noOpen')}</Text>;
  return (
    <Table withTableBorder fz="sm" data-testid="referrals-open">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.referral.id} bg={r.referral.overdue ? 'red.0' : undefined} data-overdue={r.referral.overdue || undefined}>
            <Table.Td style={{ width: 260 }}>
              <Anchor component={Link} to={`/personas/${r.personId}`} fw={500}>{personName(r)}</Anchor>
              <Text size="xs" c="dimmed">{r.caseNumber}</Text>
            </Table.Td>
            <Table.Td><ReferralLine referral={r.referral} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A referral: where, what, its status and deadline, and the next steps. */
export function ReferralLine({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const [linking, setLinking] = useState(false);
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="referral">
      <div>
        <Group gap={6} wrap="nowrap">
          <Badge style={{ flexShrink: 0 }} variant="light" color={r.status === 'closed' ? 'teal' : r.status === 'rejected' || r.status === 'cancelled' ? 'gray' : 'blue'}>{t(`referrals.status.${r.status}`)}</Badge>
          {r.overdue && <Badge color="red">{t('referrals.overdue')}</Badge>}
          <Text size="sm" fw={600}>{r.institutionCode}</Text>
          <Text size="sm">{serviceLabel(r.service)}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {r.status === 'created' ? t('referrals.deadline', { time: formatDateTime(r.deadlineAt) }) : `${r.events.at(-1)?.by ?? ''} · ${formatDateTime(r.events.at(-1)?.at ?? r.createdAt)}`}
          {r.events.at(-1)?.note ? ` · ${r.events.at(-1)!.note}` : ''}
          {r.apostille ? ` · ${t(`referrals.apostilles.${r.apostille}`)}` : ''}
        </Text>
      </div>
      <Group gap={4} wrap="wrap">
        <Button size="xs" variant="default" component={Link} to={`/ficha/${r.id}`}>{t('referrals.slip')}</Button>
        {r.status !== 'created' && r.status !== 'cancelled' && (
          <Button size="xs" variant="subtle" onClick={() => setLinking(true)} title={t('referrals.linkedHelp')}>{t('referrals.linked')}</Button>
        )}
        {NEXT[r.status].map((s) => (
          <Button key={s} size="xs" variant={s === 'cancelled' || s === 'rejected' ? 'subtle' : 'light'} color={s === 'cancelled' || s === 'rejected' ? 'gray' : undefined} onClick={() => setStep(s)}>
            {t(`referrals.steps.${s}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={linking} onClose={() => setLinking(false)} title={t('referrals.linkedTitle', { code: r.institutionCode })} centered>
        {linking && <ReferralForm personId={r.personId} initial={{ institutionId: null, service: null, priority: 'normal', parentId: r.id }} onClose={() => setLinking(false)} />}
      </Modal>
      <Modal opened={step !== null} onClose={() => setStep(null)} title={step ? t('referrals.stepTitle', { step: t(`referrals.steps.${step}`), code: r.institutionCode }) : ''} centered>
        {step && <StepForm referral={r} step={step} onClose={() => setStep(null)} />}
      </Modal>
    </Group>
  );
}

function StepForm({ referral, step, onClose }: { referral: Referral; step: Step; onClose: () => void }) {
  const { t } = useTranslation();
  const advance = useCallMutation('referrals.advance', [...INVALIDATE]);
  // A step that skips the one before it is only recorded as "taken there in person".
  const skips = referral.status === 'created' && step === 'received';
  // A birth abroad (the civil registry's service on a birth-abroad route): was an apostille asked for?
  const birthAbroad = referral.rule?.includes('birth-abroad') ?? false;
  const form = useForm({ mode: 'controlled', initialValues: { note: '', transport: '', direct: skips, apostille: referral.apostille ?? '' } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const done = await advance.mutateAsync({ referralId: referral.id, to: step, direct: v.direct, ...(v.apostille ? { apostille: v.apostille as 'required' } : {}), ...(v.note.trim() ? { note: v.note.trim() } : {}), ...(v.transport.trim() ? { transport: v.transport.trim() } : {}) });
        notifySuccess(t('referrals.stepDone', { status: t(`referrals.status.${done.status}`) }));
        onClose();
      })}
    >
      <Stack>
        {step === 'sent' && <TextInput label={t('referrals.transport')} maxLength={200} {...form.getInputProps('transport')} />}
        {skips && <Checkbox label={t('referrals.direct')} checked disabled />}
        {birthAbroad && (
          <Select label={t('referrals.apostille')} clearable data={(['required', 'dispensed'] as const).map((a) => ({ value: a, label: t(`referrals.apostilles.${a}`) }))} {...form.getInputProps('apostille')} />
        )}
        <Textarea label={t('referrals.stepNote')} autosize minRows={2} maxLength={1000} data-autofocus {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={advance.isPending}>{t(`referrals.steps.${step}`)}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A referral by hand, a proposal edited before it is made (its rule kept), or a new referral made
 * from one being followed (linked to it): any active institution of the directory and a service
 * it offers.
 */
export function ReferralForm({ personId, initial, onClose }: { personId: string; initial: { institutionId: string | null; service: string | null; priority: 'high' | 'normal'; rule?: string; parentId?: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const directory = useCallQuery('institutions.list', {});
  const create = useCallMutation('referrals.create', [...INVALIDATE]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { institutionId: initial.institutionId, service: initial.service, priority: initial.priority as string, note: '' },
    validate: { institutionId: (v) => (v ? null : t('validation.required')), service: (v) => (v ? null : t('validation.required')) },
  });
  const institution = directory.data?.find((i) => i.id === form.values.institutionId);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const made = await create.mutateAsync({
          personId,
          institutionId: v.institutionId!,
          service: v.service!,
          priority: v.priority as 'high',
          ...(initial.rule ? { rule: initial.rule } : {}),
          ...(initial.parentId ? { parentId: initial.parentId } : {}),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        });
        notifySuccess(t('referrals.created', { code: made.institutionCode }));
        onClose();
      })}
    >
      <Stack>
        <Select
          label={t('referrals.institution')}
          data={(directory.data ?? []).map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))}
          searchable
          required
          data-autofocus
          {...form.getInputProps('institutionId')}
          onChange={(v) => {
            form.setFieldValue('institutionId', v);
            const services = directory.data?.find((i) => i.id === v)?.services ?? [];
            if (!form.values.service || !services.includes(form.values.service)) form.setFieldValue('service', services[0] ?? null);
          }}
        />
        <Select label={t('referrals.service')} data={(institution?.services ?? (form.values.service ? [form.values.service] : [])).map((s) => ({ value: s, label: serviceLabel(s) }))} required allowDeselect={false} {...form.getInputProps('service')} />
        <Select label={t('referrals.priorityLabel')} data={(['high', 'normal'] as const).map((p) => ({ value: p, label: t(`referrals.priority.${p}`) }))} allowDeselect={false} {...form.getInputProps('priority')} />
        <Textarea label={t('referrals.stepNote')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('referrals.refer')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
