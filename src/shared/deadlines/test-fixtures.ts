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

/**
 * Two school years of one district (2025-26 and 2026-27) joined as the app joins them: the summer
 * between them is a break (no school days, still business days). Memorial Day 2026 and Labor
 * Day 2026 are closed.
 */
export const twoYearCalendar: SchoolCalendar = {
  districtId: 'district-1',
  firstDay: '2025-08-18',
  lastDay: '2027-05-28',
  years: [
    { firstDay: '2025-08-18', lastDay: '2026-05-29', label: '2025-26' },
    { firstDay: '2026-08-17', lastDay: '2027-05-28', label: '2026-27' },
  ],
  closures: [
    ...districtCalendar.closures,
    { start: '2026-05-25', end: '2026-05-25', label: 'Memorial Day', kind: 'holiday' },
    { start: '2026-05-30', end: '2026-08-16', label: 'Summer vacation', kind: 'break' },
    { start: '2026-09-07', end: '2026-09-07', label: 'Labor Day', kind: 'holiday' },
  ],
};
