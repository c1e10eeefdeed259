import { COUNTRY_TIME_ZONES, setupContract } from '@core/domains/setup/contract';
import { Button, Divider, Group, Loader, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { contractResolver } from '../../app/form';
import type { Language } from '../../app/i18n';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { CenteredCard } from '../../components/CenteredCard';

const ZONES = [...new Set([...Object.values(COUNTRY_TIME_ZONES), 'America/Tijuana', 'America/Monterrey', 'America/Cancun'])];

const schema = setupContract['setup.init'].input;

/** First run: a new centre, or a new desk of a centre that already has a central server. */
export function SetupPage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'new' | 'join'>('new');
  return (
    <CenteredCard title={t('setup.title')} width={640}>
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          value={mode}
          onChange={(v) => setMode(v as 'new' | 'join')}
          data={[
            { value: 'new', label: t('setup.modeNew') },
            { value: 'join', label: t('setup.modeJoin') },
          ]}
          aria-label={t('setup.mode')}
        />
        {mode === 'new' ? <NewCentre /> : <JoinCentre />}
      </Stack>
    </CenteredCard>
  );
}

function NewCentre() {
  const { t, i18n } = useTranslation();
  const { refresh } = useSession();
  const [saving, setSaving] = useState(false);
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      centre: { name: '', country: 'GTM', timeZone: 'America/Guatemala' },
      workstationName: '',
      admin: { displayName: '', username: '', password: '' },
    },
    validate: contractResolver(schema),
  });

  const submit = form.onSubmit(async (values) => {
    if (values.admin.password !== repeat) return setRepeatError(t('setup.passwordMismatch'));
    setRepeatError(null);
    setSaving(true);
    try {
      await call('setup.init', { ...values, locale: i18n.language as Language });
      notifySuccess(t('setup.done'));
      await refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('setup.intro')}
        </Text>
        <Divider label={t('setup.centreSection')} labelPosition="left" />
        <TextInput label={t('setup.centreName')} placeholder={t('setup.centreNamePlaceholder')} required data-autofocus autoFocus {...form.getInputProps('centre.name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('setup.country')}
            required
            allowDeselect={false}
            data={Object.keys(COUNTRY_TIME_ZONES).map((c) => ({ value: c, label: t(`countries.${c}`) }))}
            {...form.getInputProps('centre.country')}
            onChange={(value) => {
              form.setFieldValue('centre.country', value ?? '');
              if (value && COUNTRY_TIME_ZONES[value]) form.setFieldValue('centre.timeZone', COUNTRY_TIME_ZONES[value]);
            }}
          />
          <Select label={t('setup.timeZone')} required allowDeselect={false} searchable data={ZONES} {...form.getInputProps('centre.timeZone')} />
        </SimpleGrid>
        <TextInput label={t('setup.workstationName')} placeholder={t('setup.workstationPlaceholder')} required {...form.getInputProps('workstationName')} />
        <Divider label={t('setup.adminSection')} labelPosition="left" mt="sm" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('setup.adminName')} required {...form.getInputProps('admin.displayName')} />
          <TextInput label={t('setup.username')} required autoComplete="username" {...form.getInputProps('admin.username')} />
          <PasswordInput label={t('setup.password')} description={t('setup.passwordHint')} required autoComplete="new-password" {...form.getInputProps('admin.password')} />
          <PasswordInput
            label={t('setup.passwordRepeat')}
            required
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            description={t('setup.passwordRepeatHint')}
            error={repeatError}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={saving}>
            {t('setup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const joinSchema = setupContract['setup.join'].input;

/** A new desk of an existing centre: the address from the server's administrator and this desk's name. */
function JoinCentre() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [saving, setSaving] = useState(false);
  const form = useForm({ mode: 'uncontrolled', initialValues: { url: '', workstationName: '' }, validate: contractResolver(joinSchema) });
  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const joined = await call('setup.join', values);
      notifySuccess(t('setup.joined', { centre: joined.centreName }));
      await refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('setup.joinIntro')}
        </Text>
        <PasswordInput label={t('sync.url')} placeholder={t('sync.urlPlaceholder')} description={t('sync.configHelp')} required autoComplete="off" maxLength={2000} key={form.key('url')} {...form.getInputProps('url')} />
        <TextInput label={t('setup.workstationName')} placeholder={t('setup.workstationPlaceholder')} required key={form.key('workstationName')} {...form.getInputProps('workstationName')} />
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={saving}>
            {t('setup.joinSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A joined desk while the centre's data arrives: it asks again every two seconds. */
export function JoiningPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  useEffect(() => {
    const timer = setInterval(() => void refresh().catch(() => undefined), 2000);
    return () => clearInterval(timer);
  }, [refresh]);
  return (
    <CenteredCard title={t('sync.title')} width={520}>
      <Stack align="center" gap="sm">
        <Loader aria-label={t('sync.joining')} />
        <Text fw={600} ta="center">{t('sync.joining')}</Text>
        <Text size="sm" c="dimmed" ta="center">{t('sync.joiningHelp')}</Text>
      </Stack>
    </CenteredCard>
  );
}
