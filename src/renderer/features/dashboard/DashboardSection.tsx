import { Badge, Button, Divider, Group, Paper, Text, Title } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';

interface DashboardSectionProps {
  title: string;
  count?: number | null;
  countColor?: string;
  /** Shown right of the title (e.g. 'of 312'). */
  aside?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One dashboard card: a titled list with its count. The section is a landmark named by its title. */
export function DashboardSection({ title, count, countColor = 'gray', aside, children, testId }: DashboardSectionProps) {
  return (
    <Paper withBorder radius="md" component="section" aria-label={title} data-testid={testId} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Title order={3} size="h5">
            {title}
          </Title>
          {count !== undefined && count !== null && (
            <Badge color={countColor} variant={count > 0 ? 'filled' : 'light'} size="sm" circle={count < 10}>
              {count}
            </Badge>
          )}
        </Group>
        {aside && (
          <Text size="xs" c="dimmed" component="div">
            {aside}
          </Text>
        )}
      </Group>
      <Divider />
      {children}
    </Paper>
  );
}

export function SectionEmpty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" px="md" py="md">
      {children}
    </Text>
  );
}

/**
 * A long list folds (issue 14: at 2,000 families these cards hold hundreds of rows, and drawing
 * them all held the dashboard's first paint for seconds); the section's count says how many.
 * `render` draws one item, the list item itself (role="listitem").
 */
const FOLDED_ROWS = 10;

interface FoldedRowsProps<T> {
  items: readonly T[];
  label: string;
  render: (item: T) => ReactNode;
  /** A stable key per item (the list's order otherwise). */
  getKey?: (item: T, index: number) => string | number;
  /** How many show before "Show all". */
  foldAt?: number;
}

export function FoldedRows<T>({ items, label, render, getKey = (_item, index) => index, foldAt = FOLDED_ROWS }: FoldedRowsProps<T>) {
  const [isExpanded, setIsExpanded] = useState(false);
  const shown = isExpanded ? items : items.slice(0, foldAt);
  return (
    <>
      <div role="list" className="row-list" aria-label={label}>
        {shown.map((item, index) => (
          <Fragment key={getKey(item, index)}>{render(item)}</Fragment>
        ))}
      </div>
      {items.length > foldAt && (
        <>
          <Divider color="gray.2" />
          <Button variant="subtle" size="xs" fullWidth radius={0} onClick={() => setIsExpanded((expanded) => !expanded)}>
            {isExpanded ? 'Show fewer' : `Show all ${items.length}`}
          </Button>
        </>
      )}
    </>
  );
}
