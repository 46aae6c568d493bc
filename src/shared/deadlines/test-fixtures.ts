import type { SchoolCalendar } from './school-calendar';

/**
 * A 2025-26 district calendar used across the tests. Chosen edges: a 5-weekday Thanksgiving
 * break (not "longer than 5"), a 10-weekday winter break, a spring break, and a state holiday
 * that is not a federal one (Cesar Chavez Day, Tuesday 2026-03-31).
 */
export const districtCalendar: SchoolCalendar = {
  districtId: 'district-1',
  firstDay: '2025-08-18',
  lastDay: '2026-05-29',
  closures: [
    { start: '2025-09-01', end: '2025-09-01', label: 'Labor Day', kind: 'holiday' },
    { start: '2025-11-24', end: '2025-11-28', label: 'Thanksgiving Break', kind: 'break' },
    { start: '2025-12-22', end: '2026-01-02', label: 'Winter Break', kind: 'break' },
    { start: '2026-01-19', end: '2026-01-19', label: 'Martin Luther King Jr. Day', kind: 'holiday' },
    { start: '2026-02-16', end: '2026-02-16', label: "Presidents' Day", kind: 'holiday' },
    { start: '2026-03-16', end: '2026-03-20', label: 'Spring Break', kind: 'break' },
    { start: '2026-03-31', end: '2026-03-31', label: 'Cesar Chavez Day', kind: 'holiday' },
  ],
};
