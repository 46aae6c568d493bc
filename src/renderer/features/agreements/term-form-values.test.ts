import { termFields } from '@shared/domain/agreements';
import { describe, expect, it } from 'vitest';
import { missingAmounts, termFormValues, termInput } from './term-form-values';

describe('term form', () => {
  it('asks for the sessions and minutes of a recurring service in words', () => {
    const values = termFormValues(null, '2026-09-01');
    expect(missingAmounts(values)).toEqual({
      'schedule.sessionsPerPeriod': 'How many sessions per period?',
      'schedule.minutesPerSession': 'How many minutes each?',
    });
  });

  it('sends only the chosen kind of schedule, which the shared schema accepts', () => {
    const values = termFormValues(null, '2026-09-01');
    values.description = 'Speech-language therapy';
    values.schedule = { ...values.schedule, kind: 'recurring', sessionsPerPeriod: 3, minutesPerSession: 30, totalMinutes: 900, dueDate: '2026-12-01' };
    values.reviewDates = ['2027-01-15', ''];
    const parsed = termFields.parse(termInput(values));
    expect(parsed.schedule).toEqual({ kind: 'recurring', sessionsPerPeriod: 3, minutesPerSession: 30, period: 'week' });
    expect(parsed.reviewDates).toEqual(['2027-01-15']);
  });

  it('keeps a one-off evaluation due date when the term is edited', () => {
    const values = termFormValues(
      {
        id: 1,
        agreementId: 1,
        category: 'evaluation',
        description: 'Independent FBA',
        schedule: { kind: 'one_off', dueDate: '2026-12-01' },
        scheduleText: 'once, by 1 Dec 2026',
        amount: 1,
        unit: 'occurrence',
        period: null,
        provider: null,
        location: null,
        startsOn: '2026-09-01',
        endsOn: null,
        makeupRule: null,
        makeupDeadline: null,
        makeupClause: { kind: 'none' },
        reviewDates: [],
        goal: null,
      },
      '2026-09-01',
    );
    expect(missingAmounts(values)).toEqual({});
    expect(termFields.parse(termInput(values)).schedule).toEqual({ kind: 'one_off', dueDate: '2026-12-01', totalCount: null, countLabel: null });
  });

  it('sends weekdays, a make-up clause of N school days, and a relative due date the schema accepts', () => {
    const values = termFormValues(null, '2026-09-01');
    values.description = 'Speech-language therapy';
    values.schedule = { ...values.schedule, kind: 'recurring', sessionsPerPeriod: 2, minutesPerSession: 30, weekdays: ['2', '0'] };
    values.makeupClauseKind = 'school_days_after';
    values.makeupSchoolDays = 10;
    const parsed = termFields.parse(termInput(values));
    expect(parsed.schedule).toMatchObject({ weekdays: [0, 2] });
    expect(parsed.makeupClause).toEqual({ kind: 'school_days_after', schoolDays: 10 });
    expect(parsed.makeupDeadline).toBeNull();

    values.schedule = {
      ...values.schedule,
      kind: 'one_off',
      dueMode: 'relative',
      relativeLabel: 'receipt of the IEE report',
      relativeDate: '',
      offsetDays: 10,
      dayCount: 'school',
      noLaterThan: '2026-11-14',
    };
    expect(termFields.parse(termInput(values)).schedule).toMatchObject({
      kind: 'one_off',
      relativeTo: { kind: 'date', label: 'receipt of the IEE report', date: null },
      offsetDays: 10,
      dayCount: 'school',
      noLaterThan: '2026-11-14',
    });
  });
});
