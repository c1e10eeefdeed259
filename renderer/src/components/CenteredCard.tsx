import { Box, Center, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Frame of the screens shown before the app: setup, sign-in, lock. */
export function CenteredCard({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh">
      <Group justify="space-between" p="md">
        <Box>
          <Title order={3} c="teal.8">
            {t('app.name')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Box>
        <LanguageSwitch />
      </Group>
      <Center pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={width} maw="94vw">
          <Title order={2} mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
