import { Badge, Card, Kbd, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCallQuery } from '../../api/hooks';
import { useCurrentSession } from '../../app/session';

export function HomePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const status = useCallQuery('setup.status', {});
  return (
    <Stack maw={960}>
      <Title order={2}>{t('home.greeting', { name: session.displayName })}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('home.centre')}
          </Text>
          <Text fw={500}>{status.data?.centre?.name ?? session.centreName}</Text>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="sm">
            {t('home.workstation')}
          </Text>
          <Text fw={500}>{status.data?.workstationName ?? '…'}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
            {t('home.yourRoles')}
          </Text>
          <Stack gap={6}>
            {session.roles.map((role) => (
              <Stack key={role} gap={2}>
                <Badge variant="light" w="fit-content">
                  {t(`roles.${role}`)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t(`roleHelp.${role}`)}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('home.stationsTitle')}
        </Title>
        <Text size="sm">{t('home.stationsText')}</Text>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('home.shortcuts')}
        </Title>
        <List spacing={4} size="sm">
          <List.Item>
            <Kbd>Ctrl</Kbd> + <Kbd>⇧</Kbd> + <Kbd>L</Kbd> — {t('home.shortcutLock')}
          </List.Item>
          <List.Item>
            <Kbd>Tab</Kbd> / <Kbd>⇧</Kbd> + <Kbd>Tab</Kbd> — {t('home.shortcutNav')}
          </List.Item>
          <List.Item>
            <Kbd>Enter</Kbd> — {t('home.shortcutSubmit')}
          </List.Item>
        </List>
      </Card>
    </Stack>
  );
}
