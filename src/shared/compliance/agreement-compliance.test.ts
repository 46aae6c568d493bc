import { describe, expect, it } from 'vitest';
import { agreementCompliance } from './agreement-compliance';
import { buildNonImplementationNotice } from './non-implementation';
import type { AgreementSummary, Delivery, Term } from './types';

const agreement: AgreementSummary = { id: 7, title: 'Mediation agreement of 15 August 2025', signedOn: '2025-08-15' };

function makeTerm(id: number, overrides: Partial<Term> = {}): Term {
  return {
    id,
    category: 'service',
    description: `Service ${id}`,
    schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 3, period: 'week' },
    provider: 'Provider',
    location: '',
    startsOn: '2025-09-08',
    endsOn: null,
    makeupRule: 'Made up within 30 days',
    makeupDeadline: null,
    reviewDates: [],
    goal: '',
    ...overrides,
  };
}

function delivered(id: number, termId: number, deliveredOn: string, minutes: number): Delivery {
  return { id, termId, deliveredOn, minutes, count: null, status: 'delivered', provider: 'Provider', note: '', evidenceDocumentId: null };
}

const speech = makeTerm(1, { description: 'Speech-language therapy', provider: 'J. Rivera, SLP' });
const occupational = makeTerm(2, { description: 'Occupational therapy' });
// Mon 15 Sep: the whole week of 8 Sep has passed, 3 x 30 = 90 min required per term.
const asOf = '2025-09-15';
const onTimeLog = [delivered(1, 1, '2025-09-08', 90), delivered(2, 2, '2025-09-08', 90)];

describe('agreement roll-up', () => {
  it('is on track when every term is', () => {
    const result = agreementCompliance(agreement, [speech, occupational], onTimeLog, { asOf });
    expect(result.status).toBe('on_track');
    expect(result.totals.services).toMatchObject({
      requiredMinutes: 180,
      deliveredMinutes: 180,
      shortfallMinutes: 0,
      percentOfRequired: 100,
      percentExcludingAbsence: 100,
    });
    expect(result.totals.awards.termCount).toBe(0);
  });

  it('is behind when one term is behind, and names it as the worst', () => {
    const log = [delivered(1, 1, '2025-09-08', 90), delivered(2, 2, '2025-09-08', 30)];
    const result = agreementCompliance(agreement, [speech, occupational], log, { asOf });
    expect(result.status).toBe('behind');
    expect(result.worstTermId).toBe(2);
    expect(result.statusCounts.behind).toBe(1);
  });

  it('does not let one term\u2019s surplus hide another term\u2019s shortfall', () => {
    const log = [delivered(1, 1, '2025-09-08', 180), delivered(2, 2, '2025-09-08', 30)];
    const result = agreementCompliance(agreement, [speech, occupational], log, { asOf });
    expect(result.totals.shortfallMinutes).toBe(60);
    // Credited: speech 90 (of its 180 delivered) + OT 30 = 120 of 180 = 66.67 -> 66.7% (half-up).
    expect(result.totals.services.percentOfRequired).toBe(66.7);
  });

  it('is not started when no term has started', () => {
    const result = agreementCompliance(agreement, [speech, occupational], [], { asOf: '2025-09-01' });
    expect(result.status).toBe('not_started');
  });

  it('reports a missed review when the terms are otherwise on track', () => {
    const reviewed = makeTerm(3, { reviewDates: ['2025-08-27'], startsOn: '2025-08-25', endsOn: '2025-08-29' });
    const log = [...onTimeLog, delivered(3, 3, '2025-08-25', 90)];
    const result = agreementCompliance(agreement, [speech, occupational, reviewed], log, { asOf });
    expect(result.status).toBe('review_missed');
    expect(result.missedReviewDates).toEqual(['2025-08-27']);
  });

  it('accepts the log already grouped by term', () => {
    const grouped = new Map([
      [1, [onTimeLog[0]!]],
      [2, [onTimeLog[1]!]],
    ]);
    expect(agreementCompliance(agreement, [speech, occupational], grouped, { asOf }).status).toBe('on_track');
  });
});

describe('notice of non-implementation', () => {
  it('lists each behind term with owed, delivered, shortfall and a sentence', () => {
    const evaluation = makeTerm(4, {
      category: 'evaluation',
      description: 'an independent speech-language evaluation',
      schedule: { kind: 'one_off', dueDate: '2025-09-10' },
    });
    const terms = [speech, occupational, evaluation];
    const log = [delivered(1, 1, '2025-09-08', 90), delivered(2, 2, '2025-09-08', 30)];
    const compliance = agreementCompliance(agreement, terms, log, { asOf });
    const notice = buildNonImplementationNotice(agreement, terms, compliance);
    expect(notice.items.map((item) => item.termId)).toEqual([2, 4]);
    expect(notice.items[0]).toMatchObject({
      owed: 90,
      delivered: 30,
      shortfall: 60,
      schedule: '3 x 30 min per week',
      period: { from: '2025-09-08', to: '2025-09-15' },
    });
    expect(notice.items[0]!.sentence).toBe(
      'The agreement provides Occupational therapy (3 x 30 min per week) by Provider. From September 8, 2025 to September 15, 2025, the district owed 1 h 30 min and delivered 30 min (33.3% of what was owed, student absences excluded), leaving 1 h undelivered.',
    );
    expect(notice.items[1]!.sentence).toContain('by September 10, 2025; as of September 15, 2025 it has not been completed (5 days overdue)');
    expect(notice.totalShortfallMinutes).toBe(60);
    expect(notice.hasFindings).toBe(true);
    expect(notice.summary).toContain('2 terms have not been implemented as agreed');
  });

  it('lists a shortfall above the behind threshold, and nothing delivered in full', () => {
    // OT delivered 80 of 90 (88.9%): above an 80% threshold, so not 'behind', but 10 min short.
    const log = [delivered(1, 1, '2025-09-08', 90), delivered(2, 2, '2025-09-08', 80)];
    const thresholds = { behindBelowPercent: 80, behindMinimumShortfallMinutes: 0, reviewGraceDays: 14 };
    const compliance = agreementCompliance(agreement, [speech, occupational], log, { asOf, thresholds });
    expect(compliance.status).toBe('on_track');
    const notice = buildNonImplementationNotice(agreement, [speech, occupational], compliance);
    expect(notice.items.map((item) => item.termId)).toEqual([2]);
    expect(notice.items[0]?.shortfall).toBe(10);
  });

  it('has no findings when everything is on track', () => {
    const compliance = agreementCompliance(agreement, [speech, occupational], onTimeLog, { asOf });
    const notice = buildNonImplementationNotice(agreement, [speech, occupational], compliance);
    expect(notice.hasFindings).toBe(false);
    expect(notice.items).toEqual([]);
  });
});
