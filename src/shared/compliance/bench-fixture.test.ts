import { describe, expect, it } from 'vitest';
import { generateBenchFixture } from './bench-fixture';
import { deliverySchema, termSchema } from './types';

describe('bench caseload', () => {
  it('is the same for the same seed and has the size asked for', () => {
    const first = generateBenchFixture(42, { families: 20, deliveries: 2_000 });
    const second = generateBenchFixture(42, { families: 20, deliveries: 2_000 });
    expect(second).toEqual(first);
    expect(first.agreements.flatMap((entry) => entry.terms)).toHaveLength(120);
    expect(first.deliveries).toHaveLength(2_000);
  });

  it('holds only terms and log lines the API schemas accept', () => {
    const fixture = generateBenchFixture(7, { families: 5, deliveries: 300 });
    for (const term of fixture.agreements.flatMap((entry) => entry.terms)) expect(termSchema.safeParse(term).success).toBe(true);
    for (const delivery of fixture.deliveries) expect(deliverySchema.safeParse(delivery).success).toBe(true);
  });
});
