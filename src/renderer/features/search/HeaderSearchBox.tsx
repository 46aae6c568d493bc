import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Looks like a search field; opens the command palette (the one place search is typed). */
export function HeaderSearchBox({ onOpen }: { onOpen: () => void }) {
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
      px="sm"
      h={32}
      w={{ base: 220, lg: 300 }}
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        backgroundColor: 'var(--mantine-color-default)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap={6}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            fill="none"
            stroke="var(--mantine-color-gray-6)"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden="true"
          >
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
          <Text size="sm" c="dimmed" truncate>
            Search or jump to…
          </Text>
        </Group>
        <Kbd size="xs" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {isMac ? '⌘K' : 'Ctrl K'}
        </Kbd>
      </Group>
    </UnstyledButton>
  );
}
