import type { User } from '@core/domains/users/contract';
import { canManageUser } from '@core/roles';
import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconKey, IconLockOpen, IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation, useCallQuery } from '../../api/hooks';
import { formatTime } from '../../app/format';
import { notifySuccess } from '../../app/notify';
import { useCurrentSession } from '../../app/session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const users = useCallQuery('users.list', { includeDisabled: true });
  const setDisabled = useCallMutation('users.setDisabled', ['users.list']);
  const unlock = useCallMutation('users.unlock', ['users.list']);
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggle = (user: User) => {
    const run = async () => {
      const saved = await setDisabled.mutateAsync({ id: user.id, disabled: !user.disabled });
      notifySuccess(t(saved.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: saved.username }));
    };
    if (user.disabled) return void run();
    modals.openConfirmModal({
      title: t('users.disable'),
      children: <Text size="sm">{t('users.confirmDisable', { name: user.displayName })}</Text>,
      labels: { confirm: t('users.disable'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void run(),
    });
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('users.add')}
        </Button>
      </Group>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" aria-label={t('users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.roles')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th w={60}>
              <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((user) => {
            const protectedAdmin = !canManageUser(session.roles, user.roles);
            return (
              <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {user.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((r) => (
                      <Badge key={r} variant="light" size="sm">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {user.disabled ? (
                    <Badge color="gray">{t('users.disabled')}</Badge>
                  ) : user.lockedUntil ? (
                    <Badge color="orange">{t('users.lockedUntil', { time: formatTime(user.lockedUntil) })}</Badge>
                  ) : (
                    <Badge color="teal" variant="dot">
                      {t('users.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={`${t('users.actions')}: ${user.displayName}`} disabled={protectedAdmin}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(user)}>
                        {t('users.edit')}
                      </Menu.Item>
                      <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(user)}>
                        {t('users.resetPassword')}
                      </Menu.Item>
                      {user.lockedUntil && (
                        <Menu.Item
                          leftSection={<IconLockOpen size={16} />}
                          onClick={() =>
                            void unlock.mutateAsync({ id: user.id }).then((u) => notifySuccess(t('users.unlockedDone', { username: u.username })))
                          }
                        >
                          {t('users.unlock')}
                        </Menu.Item>
                      )}
                      {user.id !== session.userId && (
                        <Menu.Item
                          color={user.disabled ? undefined : 'red'}
                          leftSection={user.disabled ? <IconUserCheck size={16} /> : <IconUserOff size={16} />}
                          onClick={() => toggle(user)}
                        >
                          {user.disabled ? t('users.enable') : t('users.disable')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {users.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('users.empty')}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <UserFormModal user={editing} opened={creating || !!editing} onClose={() => (setCreating(false), setEditing(null))} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
