import { describe, expect, it } from 'vitest';
import { deliverySchema, termSchema } from './types';

const validTerm = {
  id: 1,
  category: 'service',
  description: 'Speech-language therapy',
  schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' },
  startsOn: '2025-09-08',
  endsOn: null,
  makeupDeadline: null,
};

describe('term and delivery schemas', () => {
  it('accepts a term and fills in the optional text', () => {
    const term = termSchema.parse(validTerm);
    expect(term.reviewDates).toEqual([]);
    expect(term.provider).toBe('');
  });

  it('rejects a total with neither minutes nor sessions', () => {
    expect(termSchema.safeParse({ ...validTerm, schedule: { kind: 'total' } }).success).toBe(false);
  });

  it('rejects a term that ends before it starts, and a date that does not exist', () => {
    expect(termSchema.safeParse({ ...validTerm, endsOn: '2025-09-01' }).success).toBe(false);
    expect(termSchema.safeParse({ ...validTerm, startsOn: '2025-02-30' }).success).toBe(false);
  });

  it('needs the minutes of a session cut short', () => {
    const delivery = { id: 1, termId: 1, deliveredOn: '2025-09-08', minutes: null, count: null, status: 'cut_short' };
    expect(deliverySchema.safeParse(delivery).success).toBe(false);
    expect(deliverySchema.safeParse({ ...delivery, minutes: 10 }).success).toBe(true);
  });
});
