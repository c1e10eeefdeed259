import { usersContract, type User } from '@core/domains/users/contract';
import { isAdminGranted, ROLES } from '@core/roles';
import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/hooks';
import { contractResolver } from '../../app/form';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';

const createSchema = usersContract['users.create'].input;
const updateSchema = usersContract['users.update'].input;

/** Create a user (user name, name, roles, password) or edit one's name and roles. */
export function UserFormModal({ user, opened, onClose }: { user: User | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={null} withCloseButton={false} size="lg" centered>
      {opened && <UserForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function UserForm({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const create = useCallMutation('users.create', ['users.list']);
  const update = useCallMutation('users.update', ['users.list']);
  const form = useForm({
    mode: 'controlled',
    initialValues: user
      ? { id: user.id, displayName: user.displayName, roles: user.roles as string[] }
      : { username: '', displayName: '', roles: [] as string[], password: '' },
    validate: contractResolver(user ? updateSchema : createSchema),
  });
  const isAdmin = session.roles.includes('admin');
  // The core refuses these too; the form only says it before the click.
  const ownAccount = user?.id === session.userId;

  const submit = form.onSubmit(async (values) => {
    const saved = user ? await update.mutateAsync(values as never) : await create.mutateAsync(values as never);
    notifySuccess(t(user ? 'users.updated' : 'users.created', { username: saved.username }));
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={600} size="lg">
          {user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
        </Text>
        <TextInput label={t('users.name')} required data-autofocus autoFocus {...form.getInputProps('displayName')} />
        {!user && <TextInput label={t('users.username')} required autoComplete="off" {...form.getInputProps('username')} />}
        <Checkbox.Group
          label={t('users.roles')}
          description={ownAccount ? t('errors.users.own-roles') : isAdmin ? undefined : t('users.adminGrantedHint')}
          required
          {...form.getInputProps('roles')}
        >
          <Stack gap={6} mt={6}>
            {ROLES.map((role) => (
              <Checkbox
                key={role}
                value={role}
                disabled={ownAccount || (isAdminGranted(role) && !isAdmin)}
                label={t(`roles.${role}`)}
                description={t(`roleHelp.${role}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {!user && (
          <PasswordInput label={t('users.password')} description={t('setup.passwordHint')} required autoComplete="new-password" {...form.getInputProps('password')} />
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {user ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
