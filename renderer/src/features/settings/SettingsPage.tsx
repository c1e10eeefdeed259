import { authContract } from '@core/domains/auth/contract';
import { settingsContract } from '@core/domains/settings/contract';
import { Button, Card, Group, NumberInput, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { contractResolver } from '../../app/form';
import { LANGUAGES, type Language } from '../../app/i18n';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession, useSession } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder>
        <Text fw={600}>{t('settings.language')}</Text>
        <Text size="sm" c="dimmed" mb="xs">
          {t('settings.languageHelp')}
        </Text>
        <Group>
          <LanguageSwitch saveForUser />
        </Group>
      </Card>
      <CentreSettings />
      <ChangePassword />
    </Stack>
  );
}

function CentreSettings() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { refresh } = useSession();
  const settings = useCallQuery('settings.get', {});
  const update = useCallMutation('settings.update', ['settings.get']);
  const isAdmin = session.roles.includes('admin');
  const form = useForm({
    mode: 'controlled',
    initialValues: { idleLockMinutes: 5, lockoutThreshold: 5, lockoutMinutes: 15, sessionMaxHours: 12, defaultLocale: 'es' as Language, alertReviewThreshold: 0.8, retentionYears: 0 },
    validate: contractResolver(settingsContract['settings.update'].input),
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      setValues(settings.data);
      resetDirty(settings.data);
    }
  }, [settings.data, setValues, resetDirty]);

  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          await update.mutateAsync(values);
          notifySuccess(t('common.saved'));
          await refresh(); // the idle lock follows the new value at once
        })}
      >
        <Stack gap="sm">
          <div>
            <Text fw={600}>{t('settings.centreSection')}</Text>
            <Text size="sm" c="dimmed">
              {t('settings.centreHelp')}
            </Text>
          </div>
          <Group grow align="flex-start">
            <NumberInput label={t('settings.idleLockMinutes')} min={1} max={120} disabled={!isAdmin} {...form.getInputProps('idleLockMinutes')} />
            <NumberInput label={t('settings.lockoutThreshold')} min={3} max={20} disabled={!isAdmin} {...form.getInputProps('lockoutThreshold')} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t('settings.lockoutMinutes')} min={1} max={1440} disabled={!isAdmin} {...form.getInputProps('lockoutMinutes')} />
            <Select
              label={t('settings.defaultLocale')}
              disabled={!isAdmin}
              allowDeselect={false}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              {...form.getInputProps('defaultLocale')}
            />
          </Group>
          <NumberInput
            label={t('settings.sessionMaxHours')}
            description={t('settings.sessionMaxHoursHelp')}
            min={1}
            max={24}
            disabled={!isAdmin}
            {...form.getInputProps('sessionMaxHours')}
          />
          <NumberInput
            label={t('settings.retentionYears')}
            description={t('settings.retentionYearsHelp')}
            min={0}
            max={50}
            disabled={!isAdmin}
            {...form.getInputProps('retentionYears')}
          />
          <NumberInput
            label={t('settings.alertReviewThreshold')}
            description={t('settings.alertReviewThresholdHelp')}
            min={0.5}
            max={0.99}
            step={0.01}
            decimalScale={2}
            disabled={!isAdmin}
            {...form.getInputProps('alertReviewThreshold')}
          />
          {isAdmin && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const change = useCallMutation('auth.changePassword');
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: contractResolver(authContract['auth.changePassword'].input),
  });
  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          await change.mutateAsync(values);
          form.reset();
          notifySuccess(t('settings.passwordChanged'));
        })}
      >
        <Stack gap="sm">
          <Text fw={600}>{t('settings.passwordSection')}</Text>
          <Group grow align="flex-start">
            <PasswordInput label={t('settings.currentPassword')} autoComplete="current-password" key={form.key('currentPassword')} {...form.getInputProps('currentPassword')} />
            <PasswordInput label={t('settings.newPassword')} description={t('setup.passwordHint')} autoComplete="new-password" key={form.key('newPassword')} {...form.getInputProps('newPassword')} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
