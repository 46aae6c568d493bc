import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsCardProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the card's title row (e.g. 'Back up now'). */
  actions?: ReactNode;
  children?: ReactNode;
  color?: 'red';
}

/** One group of settings: what it is for in a sentence, then the controls. */
export function SettingsCard({ title, description, actions, children, color }: SettingsCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" style={color ? { borderColor: `var(--mantine-color-${color}-4)` } : undefined}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Title order={3} size="h5" c={color ? `${color}.8` : undefined}>
              {title}
            </Title>
            {actions}
          </Group>
          {description && (
            <Text size="sm" c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
