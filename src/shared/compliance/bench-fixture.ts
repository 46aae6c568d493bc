/**
 * A deterministic, realistic caseload for the compliance bench: by default 500 families, one
 * agreement each with 6 terms (3,000 terms) and 100,000 implementation-log lines over a school year
 * with the usual breaks. Seeded, so every run measures the same work.
 */
import dayjs from 'dayjs';
import { compileCalendar, fromDayNumber, isSchoolDay, toDayNumber } from './calendar-days';
import type { AgreementSummary, Closure, Delivery, DeliveryStatus, Term, TermCategory, TermSchedule } from './types';

export interface BenchAgreement {
  agreement: AgreementSummary;
  terms: Term[];
  meetingDates: string[];
}

export interface BenchFixture {
  asOf: string;
  closures: Closure[];
  agreements: BenchAgreement[];
  deliveries: Delivery[];
}

export interface BenchFixtureSize {
  families?: number;
  termsPerFamily?: number;
  deliveries?: number;
}

/** mulberry32: small, fast, good enough to spread test data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const BENCH_CLOSURES: Closure[] = [
  { start: '2025-09-01', end: '2025-09-01', label: 'Labor Day', kind: 'holiday' },
  { start: '2025-10-13', end: '2025-10-13', label: "Indigenous Peoples' Day", kind: 'holiday' },
  { start: '2025-11-11', end: '2025-11-11', label: 'Veterans Day', kind: 'holiday' },
  { start: '2025-11-24', end: '2025-11-28', label: 'Thanksgiving', kind: 'break' },
  { start: '2025-12-22', end: '2026-01-02', label: 'Winter break', kind: 'break' },
  { start: '2026-01-19', end: '2026-01-19', label: 'Martin Luther King Jr. Day', kind: 'holiday' },
  { start: '2026-02-16', end: '2026-02-20', label: 'February break', kind: 'break' },
  { start: '2026-04-06', end: '2026-04-10', label: 'Spring break', kind: 'break' },
  { start: '2026-05-25', end: '2026-05-25', label: 'Memorial Day', kind: 'holiday' },
];

const SCHOOL_YEAR_START = '2025-08-25';
const SCHOOL_YEAR_END = '2026-06-12';
const AS_OF = '2026-03-13';

const SERVICES = [
  'Speech-language therapy',
  'Occupational therapy',
  'Reading intervention (Orton-Gillingham)',
  'Counseling',
  'Physical therapy',
  'Math specialized instruction',
];
const PROVIDERS = [
  'J. Rivera, SLP',
  'K. Chen, OTR/L',
  'M. Okafor, reading specialist',
  'S. Patel, school psychologist',
  'L. Novak, PT',
  'D. Brooks, special-education teacher',
];

function daysIntoSchoolYear(offset: number): string {
  return dayjs(SCHOOL_YEAR_START).add(offset, 'day').format('YYYY-MM-DD');
}

function pick<Item>(random: () => number, items: readonly Item[]): Item {
  return items[Math.floor(random() * items.length)] as Item;
}

function describe(category: TermCategory, random: () => number): string {
  if (category === 'evaluation') return 'Independent psycho-educational evaluation';
  if (category === 'reimbursement') return 'Reimbursement of private tutoring';
  return pick(random, SERVICES);
}

function pickStatus(random: () => number): DeliveryStatus {
  const roll = random();
  if (roll < 0.8) return 'delivered';
  if (roll < 0.85) return 'cut_short';
  if (roll < 0.91) return 'missed_provider_absent';
  if (roll < 0.97) return 'missed_student_absent';
  return 'missed_school_closed';
}

function makeSchedule(random: () => number, slot: number): { category: TermCategory; schedule: TermSchedule } {
  const minutes = pick(random, [30, 30, 45, 60]);
  if (slot < 3) {
    return {
      category: 'service',
      schedule: { kind: 'recurring', minutesPerSession: minutes, sessionsPerPeriod: 1 + Math.floor(random() * 3), period: 'week' },
    };
  }
  if (slot === 3) {
    return {
      category: 'service',
      schedule: { kind: 'recurring', minutesPerSession: minutes, sessionsPerPeriod: 2 + Math.floor(random() * 3), period: 'month' },
    };
  }
  if (slot === 4) {
    return {
      category: 'compensatory_services',
      schedule: {
        kind: 'total',
        totalSessions: 20 + Math.floor(random() * 20),
        minutesPerSession: minutes,
        totalMinutes: null,
      },
    };
  }
  if (random() < 0.5) {
    return { category: 'evaluation', schedule: { kind: 'one_off', dueDate: daysIntoSchoolYear(30 + Math.floor(random() * 150)) } };
  }
  return {
    category: 'reimbursement',
    schedule: { kind: 'payment', daysAfterInvoice: 30, invoiceDate: daysIntoSchoolYear(Math.floor(random() * 160)) },
  };
}

export function generateBenchFixture(seed = 20_250_908, size: BenchFixtureSize = {}): BenchFixture {
  const families = size.families ?? 500;
  const termsPerFamily = size.termsPerFamily ?? 6;
  const deliveryTarget = size.deliveries ?? 100_000;
  const random = createRandom(seed);
  const calendar = compileCalendar(BENCH_CLOSURES);
  const yearStartDay = toDayNumber(SCHOOL_YEAR_START);
  const asOfDay = toDayNumber(AS_OF);

  const agreements: BenchAgreement[] = [];
  const amountTerms: Term[] = [];
  const occurrenceTerms: Term[] = [];
  let termId = 0;
  for (let family = 1; family <= families; family += 1) {
    const terms: Term[] = [];
    for (let slot = 0; slot < termsPerFamily; slot += 1) {
      termId += 1;
      const { category, schedule } = makeSchedule(random, slot % 6);
      const startsOn = fromDayNumber(yearStartDay + Math.floor(random() * 45));
      const term: Term = {
        id: termId,
        category,
        description: describe(category, random),
        schedule,
        provider: pick(random, PROVIDERS),
        location: random() < 0.7 ? 'School, resource room' : 'Private clinic',
        startsOn,
        endsOn: random() < 0.85 ? SCHOOL_YEAR_END : fromDayNumber(asOfDay - 20 - Math.floor(random() * 40)),
        makeupRule: 'Missed sessions are made up within 30 days.',
        makeupDeadline: random() < 0.5 ? '2026-01-30' : null,
        reviewDates: random() < 0.5 ? ['2025-12-01'] : ['2025-12-01', '2026-03-01'],
        goal: 'Measurable annual goal from the IEP',
      };
      terms.push(term);
      (term.schedule.kind === 'one_off' || term.schedule.kind === 'payment' ? occurrenceTerms : amountTerms).push(term);
    }
    agreements.push({
      agreement: { id: family, title: `Mediation agreement ${family}`, signedOn: '2025-08-15' },
      terms,
      meetingDates: random() < 0.7 ? ['2025-12-03'] : [],
    });
  }

  const deliveries: Delivery[] = [];
  let deliveryId = 0;
  for (const term of occurrenceTerms) {
    if (random() < 0.6 && deliveries.length < deliveryTarget) {
      deliveryId += 1;
      deliveries.push({
        id: deliveryId,
        termId: term.id,
        deliveredOn: fromDayNumber(toDayNumber(term.startsOn) + Math.floor(random() * 120)),
        minutes: null,
        count: null,
        status: 'delivered',
        provider: term.provider,
        note: '',
        evidenceDocumentId: null,
      });
    }
  }
  // Spread what is left evenly over the timed terms, on random school days of each term.
  for (let index = 0; index < amountTerms.length; index += 1) {
    const term = amountTerms[index]!;
    const quota = Math.floor((deliveryTarget - deliveries.length) / (amountTerms.length - index));
    const first = toDayNumber(term.startsOn);
    const last = Math.min(asOfDay, term.endsOn === null ? asOfDay : toDayNumber(term.endsOn));
    const span = Math.max(1, last - first + 1);
    const schedule = term.schedule;
    const minutesPerSession = schedule.kind === 'recurring' || schedule.kind === 'total' ? (schedule.minutesPerSession ?? 30) : 30;
    for (let made = 0; made < quota;) {
      const day = first + Math.floor(random() * span);
      if (!isSchoolDay(calendar, day)) continue;
      const status = pickStatus(random);
      deliveryId += 1;
      made += 1;
      deliveries.push({
        id: deliveryId,
        termId: term.id,
        deliveredOn: fromDayNumber(day),
        minutes: status === 'cut_short' ? Math.floor(minutesPerSession / 2) : status === 'delivered' ? minutesPerSession : null,
        count: null,
        status,
        provider: term.provider,
        note: '',
        evidenceDocumentId: null,
      });
    }
  }
  return { asOf: AS_OF, closures: BENCH_CLOSURES, agreements, deliveries };
}
