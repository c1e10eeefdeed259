import { COUNTRY_TIME_ZONES, setupContract } from '@core/domains/setup/contract';
import { Button, Divider, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { contractResolver } from '../../app/form';
import type { Language } from '../../app/i18n';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { CenteredCard } from '../../components/CenteredCard';

const ZONES = [...new Set([...Object.values(COUNTRY_TIME_ZONES), 'America/Tijuana', 'America/Monterrey', 'America/Cancun'])];

const schema = setupContract['setup.init'].input;

export function SetupPage() {
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
    <CenteredCard title={t('setup.title')} width={640}>
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
    </CenteredCard>
  );
}
