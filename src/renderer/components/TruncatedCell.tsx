import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import text from './text.module.css';

/** A table cell that stays on one line; the full text shows on hover. Keeps long lists dense. */
export function TruncatedCell({ children, title, isStrong }: { children: ReactNode; title?: string | null; isStrong?: boolean }) {
  return (
    <Table.Td>
      <p className={`${text.sm} ${text.truncate}${isStrong ? ` ${text.strong}` : ''}`} title={title ?? undefined}>
        {children}
      </p>
    </Table.Td>
  );
}
