import { daysBetween, type IsoDate } from './dates';
import { addBusinessDays, countBusinessDaysBetween, type SchoolCalendar } from './school-calendar';

export const defaultIeeThresholdBusinessDays = 10;

export type IeeSilenceInput = {
  requestedOn: IsoDate;
  respondedOn: IsoDate | null;
  thresholdBusinessDays?: number;
  /** The injected clock. */
  today: IsoDate;
  calendar?: SchoolCalendar;
};

export type IeeSilence = {
  /** Calendar days from the request to the response, or to today while unanswered. */
  daysSilent: number;
  businessDaysSilent: number;
  /** The last business day the district can answer before the request is flagged. */
  thresholdDate: IsoDate;
  /** Unanswered and today is past the threshold date. */
  isFlagged: boolean;
  label: string;
};

/**
 * 34 CFR 300.502(b)(2): after an IEE request the district must, "without unnecessary delay",
 * provide the IEE or file for due process. The law sets no number, so the advocate picks a
 * threshold in business days; a request still unanswered after that many business days is
 * flagged, and the label says how long the district has been silent.
 */
export function ieeSilence(input: IeeSilenceInput): IeeSilence {
  const threshold = input.thresholdBusinessDays ?? defaultIeeThresholdBusinessDays;
  const silentUntil = input.respondedOn ?? input.today;
  // A request dated after today (entered ahead) has not been silent at all yet.
  const end = silentUntil < input.requestedOn ? input.requestedOn : silentUntil;
  const daysSilent = daysBetween(input.requestedOn, end);
  const businessDaysSilent = countBusinessDaysBetween(input.requestedOn, end, input.calendar);
  const thresholdDate = addBusinessDays(input.requestedOn, threshold, input.calendar);
  const isAnswered = input.respondedOn !== null;
  const isFlagged = !isAnswered && input.today > thresholdDate;
  const label = isAnswered ? 'answered' : `district silent ${daysSilent} ${daysSilent === 1 ? 'day' : 'days'}`;
  return { daysSilent, businessDaysSilent, thresholdDate, isFlagged, label };
}
