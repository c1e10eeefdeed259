import { AppShell, Avatar, Burger, Button, Group, Kbd, Loader, Menu, NavLink, ScrollArea, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { Suspense } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconChevronDown, IconLock, IconLogout, IconSearch, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SwitchUserModal } from '../features/auth/SwitchUserModal';
import { SyncChip } from '../features/sync/SyncChip';
import { CentreClockBadge } from '../components/CentreZoneNote';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PersonSpotlight } from '../components/PersonSpotlight';
import { ADMINISTRATION, allowed, CASEWORK, HOME, STATIONS, type NavItem } from './nav';
import { useCurrentSession, useSession } from './session';

export function Shell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { lock, signOut } = useSession();
  const [navOpen, nav] = useDisclosure();
  const [switching, switcher] = useDisclosure();
  const location = useLocation();
  const canSearch = allowed({ roles: CASEWORK }, session.roles);


  const link = (item: NavItem) => {
    const label = t(`nav.${item.key}`);
    if (!item.path)
      return (
        <Tooltip key={item.key} label={t('nav.comingSoon')} position="right" withArrow>
          <div>
            <NavLink label={label} leftSection={<item.icon size={18} />} disabled />
          </div>
        </Tooltip>
      );
    return (
      <NavLink
        key={item.key}
        component={Link}
        to={item.path}
        label={label}
        leftSection={<item.icon size={18} />}
        active={item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)}
        onClick={nav.close}
      />
    );
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.stations')} />
            <Title order={3} c="teal.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="md" truncate>
              {session.centreName}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {canSearch && (
              <Button variant="default" size="xs" leftSection={<IconSearch size={14} />} rightSection={<Kbd size="xs">Ctrl+K</Kbd>} onClick={spotlight.open} visibleFrom="sm">
                {t('search.button')}
              </Button>
            )}
            <SyncChip />
            <CentreClockBadge />
            <LanguageSwitch saveForUser />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('header.menu', { name: session.displayName })} data-testid="user-menu">
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="teal" radius="xl">
                      {initials(session.displayName)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="sm">
                      {session.displayName}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.roles.map((r) => t(`roles.${r}`)).join(' · ')}</Menu.Label>
                <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={switcher.open}>
                  {t('header.switchUser')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void lock()} rightSection={<Text size="xs" c="dimmed">Ctrl+⇧+L</Text>}>
                  {t('header.lock')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void signOut()}>
                  {t('header.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.stations')}>
        <ScrollArea>
          {link(HOME)}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
            {t('nav.stations')}
          </Text>
          {STATIONS.filter((i) => allowed(i, session.roles)).map(link)}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
            {t('nav.administration')}
          </Text>
          {ADMINISTRATION.filter((i) => allowed(i, session.roles)).map(link)}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <SwitchUserModal opened={switching} onClose={switcher.close} />
      {canSearch && <PersonSpotlight />}
    </AppShell>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}
