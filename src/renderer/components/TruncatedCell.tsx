import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table cell that stays on one line; the full text shows on hover. Keeps long lists dense. */
export function TruncatedCell({ children, title, isStrong }: { children: ReactNode; title?: string | null; isStrong?: boolean }) {
  return (
    <Table.Td>
      <Text size="sm" fw={isStrong ? 600 : undefined} truncate title={title ?? undefined}>
        {children}
      </Text>
    </Table.Td>
  );
}
