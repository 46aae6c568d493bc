import { addCalendarDays, addYears, isFeb29, type IsoDate } from './dates';
import type { Offset } from './rules';
import { addBusinessDays, addSchoolDays, countWeekdaysIn, findClosure, type SchoolCalendar } from './school-calendar';

export type OffsetResult = {
  date: IsoDate;
  /** True when the count had to guess (no calendar for a school-day rule, calendar ran out). */
  isEstimate: boolean;
  /** Plain-language caveats for the advocate, e.g. the leap-day choice. */
  notes: string[];
};

/**
 * Calendar days that stop running during long school vacations. A day is skipped when it is in
 * a 'break' closure with more than `minimumBreakSchoolDays` weekdays, or before the calendar's
 * first day (summer vacation). Past the calendar's last day the next school year is unknown, so
 * days count normally and the result is an estimate.
 */
function addCalendarDaysExcludingLongBreaks(start: IsoDate, amount: number, minimumBreakSchoolDays: number, calendar: SchoolCalendar): OffsetResult {
  let date = start;
  let counted = 0;
  let isEstimate = false;
  let skipped = 0;
  while (counted < amount) {
    date = addCalendarDays(date, 1);
    if (date > calendar.lastDay) {
      isEstimate = true;
      counted += 1;
      continue;
    }
    const closure = findClosure(date, calendar);
    const isLongBreak = closure?.kind === 'break' && countWeekdaysIn(closure) > minimumBreakSchoolDays;
    if (isLongBreak || date < calendar.firstDay) {
      skipped += 1;
      continue;
    }
    counted += 1;
  }
  const notes = skipped > 0 ? [`${skipped} vacation days longer than ${minimumBreakSchoolDays} school days were not counted.`] : [];
  if (isEstimate) notes.push(`The school calendar ends on ${calendar.lastDay}; later days were counted without it.`);
  return { date, isEstimate, notes };
}

/** Applies a rule's offset to its start date. */
export function applyOffset(start: IsoDate, offset: Offset, calendar?: SchoolCalendar): OffsetResult {
  switch (offset.unit) {
    case 'calendar_days': {
      const minimumBreak = offset.excludesBreaksLongerThanSchoolDays;
      if (minimumBreak === undefined) {
        return { date: addCalendarDays(start, offset.amount), isEstimate: false, notes: [] };
      }
      if (!calendar) {
        return {
          date: addCalendarDays(start, offset.amount),
          isEstimate: true,
          notes: ['No school calendar: school vacations could not be left out of the count.'],
        };
      }
      return addCalendarDaysExcludingLongBreaks(start, offset.amount, minimumBreak, calendar);
    }
    case 'business_days':
      return {
        date: addBusinessDays(start, offset.amount, calendar),
        isEstimate: false,
        notes: calendar ? [] : ['Federal holidays are skipped; add a school calendar to skip state and local holidays too.'],
      };
    case 'school_days': {
      const counted = addSchoolDays(start, offset.amount, calendar);
      const notes: string[] = [];
      if (!calendar) notes.push('No school calendar: weekdays were counted as school days.');
      else if (counted.isEstimate) notes.push(`The school calendar ends on ${calendar.lastDay}; later weekdays were counted as school days.`);
      return { date: counted.date, isEstimate: counted.isEstimate, notes };
    }
    case 'years': {
      const date = addYears(start, offset.amount);
      const notes =
        isFeb29(start) && !isFeb29(date) ? [`${start} is a leap day; with no February 29 in ${date.slice(0, 4)}, the earlier date (February 28) is used.`] : [];
      return { date, isEstimate: false, notes };
    }
  }
}
