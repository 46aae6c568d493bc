import { Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { KIND_COLORS, KIND_LABELS, type CalendarEntry } from './calendar-grid';

/** One item on the grid, colored by kind; a click opens its case (deadlines on the Deadlines tab). */
export function CalendarEntryLink({ entry, isDetailed }: { entry: CalendarEntry; isDetailed: boolean }) {
  const color = KIND_COLORS[entry.kind];
  const description = `${KIND_LABELS[entry.kind]}${entry.isOverdue ? ' (overdue)' : ''}: ${entry.title} · ${entry.studentName}, ${entry.caseTitle}`;
  return (
    <Tooltip label={description} openDelay={400} multiline maw={320} withArrow>
      <UnstyledButton
        component={Link}
        to={entry.href}
        data-testid="calendar-entry"
        data-kind={entry.kind}
        style={{
          display: 'block',
          width: '100%',
          padding: '2px 6px',
          borderRadius: 'var(--mantine-radius-xs)',
          borderLeft: `3px solid var(--mantine-color-${entry.isOverdue ? 'red' : color}-6)`,
          background: `var(--mantine-color-${color}-light)`,
          color: `var(--mantine-color-${color}-light-color)`,
        }}
      >
        {/* The link's name is its text (what is seen is what is said), with its kind first and its case after. */}
        <VisuallyHidden>{`${KIND_LABELS[entry.kind]}${entry.isOverdue ? ' (overdue)' : ''}: `}</VisuallyHidden>
        {/* Month cells are narrow: one line each; the week has room to wrap. */}
        <Text size="xs" fw={600} c="inherit" truncate={!isDetailed} lineClamp={isDetailed ? 2 : undefined}>
          {entry.time ? `${entry.time} ` : ''}
          {entry.title}
        </Text>
        <Text size="xs" c="inherit" truncate={!isDetailed} lineClamp={isDetailed ? 2 : undefined} style={{ opacity: 0.85 }}>
          {isDetailed ? `${entry.studentName} · ${entry.caseTitle}` : entry.studentName}
        </Text>
        {!isDetailed && <VisuallyHidden>{`, ${entry.caseTitle}`}</VisuallyHidden>}
      </UnstyledButton>
    </Tooltip>
  );
}
