import { Box, Button, Popover, Stack, Text, VisuallyHidden } from '@mantine/core';
import dayjs from 'dayjs';
import { CalendarEntryLink } from './CalendarEntryLink';
import type { CalendarEntry, CalendarView } from './calendar-grid';

/** A month cell shows this many items, then '+N more' opens the whole day. */
const MONTH_CELL_ITEMS = 3;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface CalendarGridProps {
  view: CalendarView;
  days: string[];
  anchor: string;
  today: string;
  entries: Map<string, CalendarEntry[]>;
}

function DayCell({ day, view, anchor, today, entries }: { day: string; view: CalendarView; anchor: string; today: string; entries: CalendarEntry[] }) {
  const date = dayjs(day);
  const isOtherMonth = view === 'month' && date.month() !== dayjs(anchor).month();
  const isToday = day === today;
  const isWeekend = date.day() === 0 || date.day() === 6;
  const shown = view === 'month' ? entries.slice(0, MONTH_CELL_ITEMS) : entries;
  const hidden = entries.length - shown.length;
  return (
    <Box
      role="gridcell"
      data-date={day}
      p={4}
      mih={view === 'month' ? 118 : 340}
      bg={isWeekend || isOtherMonth ? 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-6))' : 'var(--mantine-color-body)'}
      style={{ borderRight: '1px solid var(--mantine-color-gray-3)', borderBottom: '1px solid var(--mantine-color-gray-3)', minWidth: 0 }}
    >
      <Text
        size="xs"
        fw={isToday ? 700 : 500}
        c={isToday ? 'white' : isOtherMonth ? 'dimmed' : undefined}
        bg={isToday ? 'indigo' : undefined}
        w={22}
        h={22}
        ta="center"
        lh="22px"
        mb={4}
        style={{ borderRadius: 11 }}
      >
        <span aria-hidden>{date.date()}</span>
        {/* The cell's name is its content (an aria-label would hide the entries' own names): the full date, said first. */}
        <VisuallyHidden>{`${date.format('dddd, MMMM D')}: ${entries.length} ${entries.length === 1 ? 'item' : 'items'}`}</VisuallyHidden>
      </Text>
      <Stack gap={3}>
        {shown.map((entry) => (
          <CalendarEntryLink key={entry.id} entry={entry} isDetailed={view === 'week'} />
        ))}
        {hidden > 0 && (
          <Popover width={300} position="bottom" shadow="md" withArrow trapFocus>
            <Popover.Target>
              <Button variant="subtle" size="compact-xs" color="gray" fullWidth justify="flex-start">
                +{hidden} more
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Text size="sm" fw={600} mb="xs">
                {date.format('dddd, MMMM D')}
              </Text>
              <Stack gap={3} mah={320} style={{ overflowY: 'auto' }}>
                {entries.map((entry) => (
                  <CalendarEntryLink key={entry.id} entry={entry} isDetailed />
                ))}
              </Stack>
            </Popover.Dropdown>
          </Popover>
        )}
      </Stack>
    </Box>
  );
}

/** A plain seven-column grid: weekday header, then one cell per day. */
export function CalendarGrid({ view, days, anchor, today, entries }: CalendarGridProps) {
  return (
    <Box
      role="grid"
      aria-label={view === 'month' ? 'Month' : 'Week'}
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)', borderLeft: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Box role="row" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}>
        {WEEKDAYS.map((weekday) => (
          <Box
            key={weekday}
            role="columnheader"
            px={6}
            py={4}
            bg="light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-6))"
            style={{ borderRight: '1px solid var(--mantine-color-gray-3)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text size="xs" fw={600} c="dimmed">
              {weekday}
            </Text>
          </Box>
        ))}
      </Box>
      {Array.from({ length: days.length / 7 }, (_, week) => (
        <Box key={days[week * 7]} role="row" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }}>
          {days.slice(week * 7, week * 7 + 7).map((day) => (
            <DayCell key={day} day={day} view={view} anchor={anchor} today={today} entries={entries.get(day) ?? []} />
          ))}
        </Box>
      ))}
    </Box>
  );
}
