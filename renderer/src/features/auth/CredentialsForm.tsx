import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { notifyError } from '../../app/notify';

/** User name + password, Enter submits; a wrong password shows under the field, not as a toast. */
export function CredentialsForm({ submitLabel, onSubmit }: { submitLabel: string; onSubmit: (username: string, password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit(async ({ username, password }) => {
    setBusy(true);
    try {
      await onSubmit(username, password);
    } catch (error) {
      form.setFieldValue('password', ''); // before the error: changing a value clears its error
      if (error instanceof ApiError && error.code.startsWith('auth.')) form.setFieldError('password', error.message);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('login.username')} autoComplete="username" autoFocus data-autofocus required key={form.key('username')} {...form.getInputProps('username')} />
        <PasswordInput label={t('login.password')} autoComplete="current-password" required key={form.key('password')} {...form.getInputProps('password')} />
        <Button type="submit" loading={busy} fullWidth mt="xs">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
