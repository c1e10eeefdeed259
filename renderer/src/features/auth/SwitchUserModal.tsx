import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { CredentialsForm } from './CredentialsForm';

/** Quick user switch at a shared workstation: the next person signs in, the previous session ends. */
export function SwitchUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { switchUser } = useSession();
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title={t('switchUser.title')} centered>
      <Text size="sm" c="dimmed" mb="md">
        {t('switchUser.text')}
      </Text>
      <CredentialsForm
        submitLabel={t('switchUser.submit')}
        onSubmit={async (username, password) => {
          await switchUser(username, password);
          onClose();
          void navigate('/');
          notifySuccess(t('switchUser.welcome', { name: username }));
        }}
      />
    </Modal>
  );
}
