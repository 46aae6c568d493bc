import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** What an empty list shows: what it is for and the next step, never a bare 'no data'. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Stack align="center" gap="xs" maw={460} mx="auto" ta="center">
        <Title order={4} fw={600}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
        {action && <div style={{ marginTop: 8 }}>{action}</div>}
      </Stack>
    </Paper>
  );
}
