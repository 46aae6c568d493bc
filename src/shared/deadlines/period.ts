import type { IsoDate } from './dates';
import type { Jurisdiction } from './jurisdictions';
import { resolveRules } from './jurisdictions';
import type { Offset, OffsetUnit } from './rules';
import { countBusinessDaysBetween, countSchoolDaysBetween, type SchoolCalendar } from './school-calendar';
import { daysBetween } from './dates';

const unitWords: Record<OffsetUnit, [string, string]> = {
  calendar_days: ['day', 'days'],
  business_days: ['business day', 'business days'],
  school_days: ['school day', 'school days'],
  years: ['year', 'years'],
};

/** '45 days', '5 business days', '1 year': how the app and its letters say a period. */
export function describePeriod(offset: Pick<Offset, 'amount' | 'unit'>): string {
  const [singular, plural] = unitWords[offset.unit];
  return `${offset.amount} ${offset.amount === 1 ? singular : plural}`;
}

export type RulePeriod = {
  ruleId: string;
  amount: number;
  unit: OffsetUnit;
  /** '10 business days' */
  text: string;
  citation: string;
  isVerified: boolean;
};

/**
 * A rule's computed period in a jurisdiction (with the advocate's changes): the one answer the
 * deadlines tab and the letters both quote, so a letter never says 45 days where the case's
 * own rule is 5 business days. Undefined when the jurisdiction does not use the rule.
 */
export function rulePeriod(jurisdiction: Jurisdiction, ruleId: string): RulePeriod | undefined {
  const rule = resolveRules(jurisdiction).find((candidate) => candidate.id === ruleId);
  if (!rule) return undefined;
  return {
    ruleId,
    amount: rule.offset.amount,
    unit: rule.offset.unit,
    text: describePeriod(rule.offset),
    citation: rule.citation,
    isVerified: rule.isVerified,
  };
}

export type Timeliness = {
  /** Units from the due date to the date met: negative early, 0 on the due date, positive late. */
  amount: number;
  unit: OffsetUnit;
  isOnTime: boolean;
  /** 'met 2 days early', 'met on the due date', 'met 3 school days late'. */
  text: string;
};

/**
 * How early or late a deadline was met, counted in the rule's own unit (a school-day rule is
 * late by school days, a business-day rule by business days; year rules by calendar days).
 */
export function timeliness(dueDate: IsoDate, metOn: IsoDate, unit: OffsetUnit, calendar?: SchoolCalendar): Timeliness {
  const countUnit: OffsetUnit = unit === 'years' ? 'calendar_days' : unit;
  const count = (from: IsoDate, to: IsoDate): number => {
    if (countUnit === 'business_days') return countBusinessDaysBetween(from, to, calendar);
    if (countUnit === 'school_days') return countSchoolDaysBetween(from, to, calendar);
    return daysBetween(from, to);
  };
  const amount = metOn > dueDate ? count(dueDate, metOn) : metOn < dueDate ? -count(metOn, dueDate) : 0;
  const words = describePeriod({ amount: Math.abs(amount), unit: countUnit });
  const text = amount === 0 ? 'met on the due date' : amount < 0 ? `met ${words} early` : `met ${words} late`;
  return { amount, unit: countUnit, isOnTime: metOn <= dueDate, text: metOn < dueDate && amount === 0 ? 'met early' : text };
}
