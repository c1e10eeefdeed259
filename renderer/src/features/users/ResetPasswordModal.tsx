import { usersContract, type User } from '@core/domains/users/contract';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/hooks';
import { contractResolver } from '../../app/form';
import { notifySuccess } from '../../app/notify';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!user} onClose={onClose} title={user ? t('users.resetTitle', { name: user.displayName }) : ''} centered>
      {user && <ResetForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function ResetForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useCallMutation('users.resetPassword', ['users.list']);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { id: user.id, password: '' },
    validate: contractResolver(usersContract['users.resetPassword'].input),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        const saved = await reset.mutateAsync(values);
        notifySuccess(t('users.passwordDone', { username: saved.username }));
        onClose();
      })}
    >
      <Stack>
        <PasswordInput label={t('settings.newPassword')} description={t('setup.passwordHint')} autoFocus autoComplete="new-password" key={form.key('password')} {...form.getInputProps('password')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
