import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The calm, centered frame for everything shown before the vault is open. */
export function VaultScreenLayout({ children, width = 480 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))" py={48}>
      <Center>
        <Stack gap="lg" w={width} maw="calc(100vw - 32px)">
          <Group gap="xs" justify="center">
            <ThemeIcon radius="sm" size="md" variant="filled" aria-hidden>
              <Text fw={800} size="xs" c="white">
                AD
              </Text>
            </ThemeIcon>
            <Text fw={700} size="lg">
              Advocate Desk
            </Text>
          </Group>
          <Paper withBorder shadow="xs" radius="md" p="xl">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

/**
 * A screen's heading, its page's only h1 (the app's name above is not one), and under it what the
 * screen is for.
 */
export function VaultScreenTitle({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={1} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
