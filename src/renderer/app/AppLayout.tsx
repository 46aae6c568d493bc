import { ActionIcon, AppShell, Badge, Box, Button, Center, Group, Loader, NavLink, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Suspense, useCallback, useState, type MouseEvent } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { CommandPalette } from '../features/search/CommandPalette';
import { HeaderSearchBox } from '../features/search/HeaderSearchBox';
import { useCommandPaletteShortcut } from '../features/search/useCommandPaletteShortcut';
import { HeaderTimer } from '../features/time/TimerControls';
import { BackToMyVaultButton } from '../features/vault/BackToMyVaultButton';
import { DemoBanner } from '../features/vault/DemoBanner';
import { useVault } from '../features/vault/vault-context';
import { notifyFailed } from '../lib/notify';
import { useFocusReturn } from './useFocusReturn';

const NAV_ITEMS = [
  { to: '/', label: 'Dashboard', isActive: (path: string) => path === '/' },
  { to: '/cases', label: 'Caseload', isActive: (path: string) => path.startsWith('/cases') || path.startsWith('/agreements') || path.startsWith('/meetings') },
  { to: '/calendar', label: 'Calendar', isActive: (path: string) => path === '/calendar' },
  { to: '/families', label: 'Families', isActive: (path: string) => path.startsWith('/families') },
  { to: '/contacts', label: 'Contacts & districts', isActive: (path: string) => path.startsWith('/contacts') },
  { to: '/time', label: 'Time report', isActive: (path: string) => path === '/time' },
  { to: '/rules', label: 'Deadline rules', isActive: (path: string) => path.startsWith('/rules') },
  { to: '/calendars', label: 'School calendars', isActive: (path: string) => path.startsWith('/calendars') },
  { to: '/settings', label: 'Settings', isActive: (path: string) => path.startsWith('/settings') },
];

const MAIN_CONTENT_ID = 'main-content';
const NAV_FOLD_BELOW_PX = 1180;
const PAGE_BACKGROUND = 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))';

function vaultName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function AppLayout() {
  const { status, lock } = useVault();
  const { pathname } = useLocation();
  const [isLocking, setIsLocking] = useState(false);
  const [isPaletteOpen, setIsPaletteOpen] = useState(false);
  // Folded away by default on a small laptop screen, where tables need the width; the advocate's own choice wins.
  const isNarrow = useMediaQuery(`(max-width: ${NAV_FOLD_BELOW_PX - 1}px)`, window.innerWidth < NAV_FOLD_BELOW_PX);
  const [navChoice, setNavChoice] = useState<boolean | null>(null);
  const isNavCollapsed = navChoice ?? isNarrow;
  const setIsNavCollapsed = (toggle: (value: boolean) => boolean) => setNavChoice(toggle(isNavCollapsed));
  const openPalette = useCallback(() => setIsPaletteOpen(true), []);
  useCommandPaletteShortcut(openPalette);
  useFocusReturn();

  async function handleLock() {
    setIsLocking(true);
    try {
      await lock();
    } catch (error) {
      notifyFailed(error, 'Could not lock the vault');
      setIsLocking(false);
    }
  }

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    // The router owns the URL's hash: move focus instead of following the link.
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  }

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 216, breakpoint: 0, collapsed: { desktop: isNavCollapsed, mobile: isNavCollapsed } }}
      padding="lg"
      bg={PAGE_BACKGROUND}
    >
      <a href={`#${MAIN_CONTENT_ID}`} className="skip-link" onClick={skipToContent}>
        Skip to main content
      </a>
      <AppShell.Header px="md" bg="var(--mantine-color-body)">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Tooltip label={isNavCollapsed ? 'Show the menu' : 'Hide the menu'} openDelay={300}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() => setIsNavCollapsed((value) => !value)}
                aria-label={isNavCollapsed ? 'Show the menu' : 'Hide the menu'}
                aria-expanded={!isNavCollapsed}
                aria-controls="main-navigation"
                data-testid="toggle-navigation"
              >
                <Text component="span" fw={700} aria-hidden>
                  ☰
                </Text>
              </ActionIcon>
            </Tooltip>
            <ThemeIcon radius="sm" size="md" aria-hidden>
              <Text fw={800} size="xs" c="white">
                AD
              </Text>
            </ThemeIcon>
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              Advocate Desk
            </Text>
            <Text c="dimmed" size="sm" aria-hidden>
              /
            </Text>
            <Tooltip label={status.path} openDelay={400}>
              <Text size="sm" c="dimmed" data-testid="vault-name">
                {vaultName(status.path)}
              </Text>
            </Tooltip>
            {status.isDemo && (
              <Badge color="orange" variant="light">
                Demo
              </Badge>
            )}
            <BackToMyVaultButton />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HeaderTimer />
            <HeaderSearchBox onOpen={openPalette} />
            <Button variant="default" size="xs" onClick={handleLock} loading={isLocking}>
              Lock
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" bg="var(--mantine-color-body)" id="main-navigation">
        <Stack gap={2} component="nav" aria-label="Main">
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.isActive(pathname)}
              aria-current={item.isActive(pathname) ? 'page' : undefined}
              fw={500}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1400} mx="auto">
          <DemoBanner />
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label="Loading" />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
      <CommandPalette opened={isPaletteOpen} onClose={() => setIsPaletteOpen(false)} />
    </AppShell>
  );
}
