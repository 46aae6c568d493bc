import dayjs from 'dayjs';
import type { DeliveryStatus } from '@shared/compliance/types';
import { addDays, addMonths, minDate, schoolBreakOn, schoolDayOnOrAfter, schoolYearEndFor, toWeekday } from './demo-dates';
import type { IepRecord } from './demo-history';
import type { AgreementType } from './demo-ladder';
import { GENERAL_TERMS, type CaseTheme, type TermTemplate } from './demo-themes';
import type { SeededRandom } from './random';

export interface DraftDelivery {
  deliveredOn: string;
  /** Delivered minutes, or the scheduled length of a missed session; null for counted items. */
  minutes: number | null;
  count: number | null;
  provider: string | null;
  status: DeliveryStatus;
  note: string | null;
  /** A make-up that replaces an earlier miss (a rescheduled session): that line's index in the term's log. */
  replacesIndex?: number;
}

export interface DraftTerm {
  category: string;
  description: string;
  schedule: Record<string, unknown>;
  amount: number | null;
  unit: string | null;
  period: string | null;
  provider: string;
  location: string | null;
  startsOn: string;
  endsOn: string | null;
  makeupRule: string | null;
  makeupDeadline: string | null;
  makeupClause?: { kind: string; schoolDays?: number } | null;
  reviewDates: string[];
  goal: string | null;
  deliveries: DraftDelivery[];
}

export interface DraftAgreement {
  type: AgreementType;
  title: string;
  signedOn: string;
  parties: string;
  notes: string | null;
  terms: DraftTerm[];
}

export interface AgreementSetting {
  rng: SeededRandom;
  today: string;
  theme: CaseTheme;
  type: AgreementType;
  signedOn: string;
  iep: IepRecord;
  reliability: number;
  guardianName: string;
  districtName: string;
  /** The person who usually delivers a service, by the template's provider title. */
  providerName: (title: string) => string;
}

const FALLBACK_SERVICE: TermTemplate = {
  category: 'service',
  description: 'Specialized academic instruction in the resource room',
  schedule: { kind: 'recurring', minutesPerSession: 45, sessionsPerPeriod: 3, period: 'week' },
  provider: 'Special-education teacher',
  location: 'Resource room',
  goal: 'Meet grade-level benchmarks in the targeted skill',
};

const SESSION_WEEKDAYS: Record<number, readonly number[]> = { 1: [3], 2: [2, 4], 3: [1, 3, 5], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5] };

const NOTES: Record<Exclude<DeliveryStatus, 'delivered'>, readonly string[]> = {
  cut_short: ['Assembly ran long', 'Session started late; provider covering another class', 'Fire drill', 'Student pulled for state testing'],
  missed_provider_absent: [
    'Provider out sick; no substitute',
    'Provider at a district training',
    'Position vacant this week',
    'Provider reassigned to testing duty',
  ],
  missed_student_absent: ['Student absent (illness)', 'Student at a medical appointment', 'Student on a field trip'],
  missed_school_closed: ['Weather closure', 'Teacher in-service day', 'Holiday'],
  makeup: ['Make-up session after school', 'Make-up session during study hall'],
  missed_provider_cancelled: ['Provider cancelled: IEP meetings all afternoon', 'Provider cancelled: caseload conflict'],
  missed_school_event: ['School assembly', 'State testing window', 'Field day'],
  missed_family_cancelled: ['Parent cancelled: family trip', 'Parent cancelled: medical appointment'],
};

/** The agreement's make-up words and the clause they amount to (issue 11: make-up owed per missed session). */
const MAKEUP_CLAUSES: readonly { rule: string; clause: { kind: string; schoolDays?: number } }[] = [
  { rule: 'Sessions missed because the provider is absent are made up within 30 school days.', clause: { kind: 'school_days_after', schoolDays: 30 } },
  { rule: 'Missed sessions are made up within 10 school days after the missed session.', clause: { kind: 'school_days_after', schoolDays: 10 } },
  { rule: 'Missed sessions are made up within the same grading period.', clause: { kind: 'grading_period' } },
  {
    rule: 'The district makes up every missed session by the end of the school year; student absences are not made up.',
    clause: { kind: 'end_of_school_year' },
  },
  { rule: 'Missed sessions are made up at a time agreed with the parent before the term ends.', clause: { kind: 'by_date' } },
];

const DISTRICT_MISSES: readonly DeliveryStatus[] = ['missed_provider_absent', 'missed_provider_cancelled', 'missed_school_event'];

function chooseTemplates(setting: AgreementSetting): TermTemplate[] {
  const { rng, theme, type } = setting;
  if (type === 'iep_services') {
    const services = theme.terms.filter((term) => term.category === 'service' || term.category === 'accommodation');
    const pool = services.length >= 2 ? services : [...services, FALLBACK_SERVICE];
    return rng.sample(pool, rng.int(2, Math.min(6, pool.length)));
  }
  const pool = [...rng.sample(theme.terms, theme.terms.length), ...rng.sample(GENERAL_TERMS, GENERAL_TERMS.length)];
  const chosen = pool.slice(0, rng.int(2, Math.min(6, pool.length)));
  // Every agreement in the demo promises at least one recurring service, so it has a log to check.
  if (!chosen.some((term) => term.schedule.kind === 'recurring')) {
    chosen[0] = theme.terms.find((term) => term.schedule.kind === 'recurring') ?? FALLBACK_SERVICE;
  }
  return chosen;
}

function reviewDatesFor(startsOn: string, endsOn: string): string[] {
  const dates: string[] = [];
  for (let months = 3; months < 12; months += 3) {
    const date = addMonths(startsOn, months);
    if (date < endsOn) dates.push(date);
  }
  return dates;
}

function pickStatus(rng: SeededRandom, reliability: number): DeliveryStatus | 'unlogged' {
  if (rng.next() < reliability) return 'delivered';
  return rng.weighted<DeliveryStatus | 'unlogged'>([
    ['cut_short', 26],
    ['missed_provider_absent', 24],
    ['missed_provider_cancelled', 10],
    ['missed_school_event', 6],
    ['missed_student_absent', 18],
    ['missed_family_cancelled', 4],
    ['missed_school_closed', 7],
    ['unlogged', 5],
  ]);
}

function sessionDates(schedule: { sessionsPerPeriod: number; period: 'week' | 'month' }, from: string, to: string): string[] {
  const dates: string[] = [];
  if (schedule.period === 'week') {
    const weekdays = SESSION_WEEKDAYS[Math.min(5, Math.max(1, Math.round(schedule.sessionsPerPeriod)))]!;
    let monday = dayjs(from).day(1);
    while (monday.format('YYYY-MM-DD') <= to) {
      for (const weekday of weekdays) {
        const date = monday.add(weekday - 1, 'day').format('YYYY-MM-DD');
        if (date >= from && date <= to) dates.push(date);
      }
      monday = monday.add(7, 'day');
    }
    return dates;
  }
  let month = dayjs(from).startOf('month');
  while (month.format('YYYY-MM-DD') <= to) {
    for (let i = 0; i < schedule.sessionsPerPeriod; i++) {
      const nominal = month.add(2 + Math.floor((i * 26) / schedule.sessionsPerPeriod), 'day').format('YYYY-MM-DD');
      const date = toWeekday(nominal, addDays(nominal, 2));
      if (date >= from && date <= to) dates.push(date);
    }
    month = month.add(1, 'month');
  }
  return dates;
}

function recurringLog(setting: AgreementSetting, template: TermTemplate, term: DraftTerm, loggedThrough: string): DraftDelivery[] {
  if (template.schedule.kind !== 'recurring') return [];
  const { rng } = setting;
  const minutes = template.schedule.minutesPerSession;
  const provider = setting.providerName(template.provider);
  // Each term has its own track record around the district's: some providers are reliable, some not.
  const reliability = Math.min(0.98, Math.max(0.45, setting.reliability + (rng.next() - 0.5) * 0.2));
  const deliveries: DraftDelivery[] = [];
  for (const date of sessionDates(template.schedule, term.startsOn, minDate(term.endsOn ?? loggedThrough, loggedThrough))) {
    const breakLabel = schoolBreakOn(date);
    if (breakLabel) {
      deliveries.push({ deliveredOn: date, minutes, count: null, provider: null, status: 'missed_school_closed', note: breakLabel });
      continue;
    }
    const status = pickStatus(rng, reliability);
    if (status === 'unlogged') continue;
    if (status === 'delivered') {
      const bySubstitute = rng.chance(0.05);
      deliveries.push({
        deliveredOn: date,
        minutes,
        count: null,
        provider: bySubstitute ? `Substitute ${template.provider.toLowerCase()}` : provider,
        status,
        note: null,
      });
      continue;
    }
    const deliveredMinutes = status === 'cut_short' ? Math.max(5, Math.round((minutes * (0.3 + rng.next() * 0.5)) / 5) * 5) : minutes;
    deliveries.push({
      deliveredOn: date,
      minutes: status === 'cut_short' ? Math.min(deliveredMinutes, minutes - 5) : minutes,
      count: null,
      provider: DISTRICT_MISSES.includes(status) || status === 'cut_short' ? provider : null,
      status,
      note: rng.pick(NOTES[status]),
    });
  }
  return withMakeups(setting, deliveries, minutes, provider, loggedThrough);
}

/**
 * Some missed sessions are made up a few school days later, about half of them as a rescheduled
 * session linked to the miss it replaces; the rest retire the oldest open miss. Kept in date order.
 */
function withMakeups(setting: AgreementSetting, log: DraftDelivery[], minutes: number, provider: string, loggedThrough: string): DraftDelivery[] {
  const { rng } = setting;
  const makeups: DraftDelivery[] = [];
  log.forEach((line, index) => {
    if (!DISTRICT_MISSES.includes(line.status) || !rng.chance(0.45)) return;
    const on = toWeekday(addDays(line.deliveredOn, rng.int(1, 12)), loggedThrough);
    if (on > loggedThrough || schoolBreakOn(on)) return;
    makeups.push({
      deliveredOn: on,
      minutes,
      count: null,
      provider,
      status: 'makeup',
      note: rng.pick(NOTES.makeup),
      ...(rng.chance(0.5) ? { replacesIndex: index } : {}),
    });
  });
  if (makeups.length === 0) return log;
  // Merge by date; a linked make-up always comes after the miss it replaces, so indexes shift forward only.
  const merged = [...log.map((line, index) => ({ line, index })), ...makeups.map((line) => ({ line, index: -1 }))].sort(
    (a, b) => a.line.deliveredOn.localeCompare(b.line.deliveredOn) || (a.index === -1 ? 1 : 0) - (b.index === -1 ? 1 : 0),
  );
  const newIndex = new Map<number, number>();
  merged.forEach((entry, position) => {
    if (entry.index !== -1) newIndex.set(entry.index, position);
  });
  return merged.map(({ line }) => (line.replacesIndex === undefined ? line : { ...line, replacesIndex: newIndex.get(line.replacesIndex)! }));
}

function totalLog(setting: AgreementSetting, template: TermTemplate, term: DraftTerm, loggedThrough: string): DraftDelivery[] {
  if (template.schedule.kind !== 'total') return [];
  const { rng } = setting;
  const { minutesPerSession, totalMinutes } = template.schedule;
  const provider = setting.providerName(template.provider);
  const deliveries: DraftDelivery[] = [];
  let delivered = 0;
  // Compensatory services often start late: the district has to find a provider first.
  let date = toWeekday(addDays(term.startsOn, rng.int(7, 40)), loggedThrough);
  const last = minDate(term.endsOn ?? loggedThrough, loggedThrough);
  while (date <= last && delivered < totalMinutes) {
    const status = rng.weighted<DeliveryStatus>([
      ['delivered', 88],
      ['missed_student_absent', 8],
      ['missed_provider_absent', 4],
    ]);
    deliveries.push({
      deliveredOn: date,
      minutes: minutesPerSession,
      count: null,
      provider,
      status,
      note: status === 'delivered' ? null : rng.pick(NOTES[status]),
    });
    if (status === 'delivered') delivered += minutesPerSession;
    date = toWeekday(addDays(date, rng.int(5, 9)), last);
  }
  return deliveries;
}

/** Progress reports sent around the 15th of each month, some late, some never. */
function monthlyReports(setting: AgreementSetting, from: string, to: string, provider: string): DraftDelivery[] {
  const { rng } = setting;
  const reports: DraftDelivery[] = [];
  for (let month = dayjs(from).startOf('month'); month.format('YYYY-MM-DD') <= to; month = month.add(1, 'month')) {
    if (!rng.chance(0.8)) continue;
    const sentOn = month.add(rng.chance(0.75) ? rng.int(9, 14) : rng.int(15, 24), 'day').format('YYYY-MM-DD');
    if (sentOn < from || sentOn > to) continue;
    reports.push({ deliveredOn: sentOn, minutes: null, count: 1, provider, status: 'delivered', note: 'Progress report e-mailed to the parent' });
  }
  return reports;
}

function buildTerm(setting: AgreementSetting, template: TermTemplate, loggedThrough: string): DraftTerm {
  const { rng, type, signedOn, iep, today } = setting;
  const startsOn = type === 'iep_services' ? (iep.iepStartOn ?? signedOn) : addDays(signedOn, rng.int(3, 14));
  const base = {
    category: template.category,
    description: template.description,
    provider: template.provider,
    location: template.location || null,
    startsOn,
    goal: template.goal || null,
    makeupRule: null as string | null,
    makeupDeadline: null as string | null,
    reviewDates: [] as string[],
    deliveries: [] as DraftDelivery[],
  };
  const schedule = template.schedule;
  let term: DraftTerm;
  if (schedule.kind === 'recurring') {
    // An IEP's services run to its annual review; an agreement's through the end of the school year.
    const isIep = type === 'iep_services' && iep.annualReviewDueOn !== null;
    const serviceStart = isIep ? startsOn : schoolDayOnOrAfter(startsOn);
    const endsOn = isIep ? iep.annualReviewDueOn! : schoolYearEndFor(serviceStart);
    const makeup = rng.pick(MAKEUP_CLAUSES);
    // Weekly sessions are held on fixed weekdays (the log below uses the same ones): the schedule says so.
    const weekdays =
      schedule.period === 'week' && Number.isInteger(schedule.sessionsPerPeriod) && schedule.sessionsPerPeriod <= 5
        ? SESSION_WEEKDAYS[schedule.sessionsPerPeriod]!.map((day) => day - 1)
        : null;
    term = {
      ...base,
      startsOn: serviceStart,
      schedule: weekdays ? { ...schedule, weekdays } : { ...schedule },
      amount: schedule.minutesPerSession * schedule.sessionsPerPeriod,
      unit: 'minutes',
      period: schedule.period,
      endsOn,
      makeupRule: makeup.rule,
      makeupDeadline: makeup.clause.kind === 'by_date' ? endsOn : null,
      makeupClause: makeup.clause,
      reviewDates: reviewDatesFor(serviceStart, endsOn),
    };
    term.deliveries = recurringLog(setting, template, term, loggedThrough);
  } else if (schedule.kind === 'total') {
    const endsOn = addDays(addMonths(startsOn, rng.int(6, 12)), -1);
    // Awards usually cap the frequency ('no more than 2 sessions a week'), which decides whether a late start can still finish.
    const award = { ...schedule, maxSessionsPerWeek: rng.pick([1, 2, 2, 3]) };
    term = { ...base, schedule: award, amount: schedule.totalMinutes, unit: 'minutes', period: null, endsOn, reviewDates: reviewDatesFor(startsOn, endsOn) };
    term.deliveries = totalLog(setting, template, term, loggedThrough);
  } else if (schedule.kind === 'recurring_deliverable') {
    const endsOn = schoolYearEndFor(schoolDayOnOrAfter(startsOn));
    term = { ...base, schedule: { ...schedule }, amount: 1, unit: 'occurrences', period: schedule.frequency, endsOn };
    term.deliveries = monthlyReports(setting, startsOn, minDate(endsOn, loggedThrough), template.provider);
  } else if (schedule.kind === 'one_off' && template.category === 'training') {
    // A training for n teachers, done in groups: never complete until all n are trained.
    const dueDate = toWeekday(addDays(startsOn, rng.int(30, 90)), addDays(startsOn, 95));
    const teachers = rng.int(3, 8);
    term = {
      ...base,
      schedule: { kind: 'one_off', dueDate, totalCount: teachers, countLabel: 'teachers' },
      amount: teachers,
      unit: 'occurrences',
      period: null,
      endsOn: null,
    };
    let trained = 0;
    let on = addDays(startsOn, rng.int(10, 40));
    while (trained < teachers && on <= loggedThrough && rng.chance(0.75)) {
      const group = Math.min(teachers - trained, rng.int(1, 3));
      term.deliveries.push({
        deliveredOn: toWeekday(on, loggedThrough),
        minutes: null,
        count: group,
        provider: template.provider,
        status: 'delivered',
        note: `${group} trained`,
      });
      trained += group;
      on = addDays(on, rng.int(7, 30));
    }
  } else if (schedule.kind === 'one_off') {
    const dueDate = toWeekday(addDays(startsOn, rng.int(20, 90)), addDays(startsOn, 95));
    term = { ...base, schedule: { kind: 'one_off', dueDate }, amount: null, unit: null, period: null, endsOn: null };
    if (dueDate <= loggedThrough && rng.chance(0.65)) {
      const doneOn = minDate(loggedThrough, toWeekday(addDays(dueDate, rng.chance(0.7) ? -rng.int(0, 15) : rng.int(1, 30)), loggedThrough));
      term.deliveries = [
        {
          deliveredOn: doneOn < startsOn ? startsOn : doneOn,
          minutes: null,
          count: 1,
          provider: template.provider,
          status: 'delivered',
          note: 'Completed; confirmation on file',
        },
      ];
    }
  } else {
    const invoiceOn = addDays(startsOn, rng.int(10, 60));
    const invoiceDate = invoiceOn <= today ? invoiceOn : null;
    const amount = schedule.amount + rng.int(-12, 40) * 50;
    term = {
      ...base,
      schedule: { kind: 'payment', daysAfterInvoice: schedule.daysAfterInvoice, invoiceDate },
      amount,
      unit: 'USD',
      period: null,
      endsOn: null,
    };
    const paidOn = invoiceDate ? addDays(invoiceDate, rng.int(10, 50)) : null;
    if (paidOn && paidOn <= loggedThrough && rng.chance(0.6)) {
      term.deliveries = [{ deliveredOn: paidOn, minutes: null, count: 1, provider: null, status: 'delivered', note: 'Reimbursement check received' }];
    }
  }
  return term;
}

const NOTES_BY_TYPE: Record<AgreementType, string> = {
  mediation_agreement: 'Signed by both parties at mediation; binding and enforceable in court (34 CFR 300.506(b)(6)-(7)).',
  settlement_agreement: 'Signed at the resolution meeting; enforceable in court, voidable by either party within 3 business days (34 CFR 300.510(d)-(e)).',
  iep_services: 'Logged to show what the current IEP promised against what was delivered, for mediation.',
};

const TITLES: Record<AgreementType, string> = {
  mediation_agreement: 'Mediation agreement',
  settlement_agreement: 'Settlement agreement from the resolution meeting',
  iep_services: 'IEP service page',
};

/**
 * A signed agreement (or the IEP's service page) with 2-6 concrete terms and, for each term that
 * has started, the implementation log the advocate kept: mostly delivered sessions, with the
 * cut-short and missed sessions a real district produces (34 CFR 300.506(b)(7); 300.323(c)(2)).
 */
export function planAgreement(setting: AgreementSetting): DraftAgreement {
  const { rng, today, type, signedOn } = setting;
  // Logs are kept a little behind: the advocate enters them when the district sends them.
  const loggedThrough = addDays(today, -rng.int(1, 10));
  const terms = chooseTemplates(setting).map((template) => buildTerm(setting, template, loggedThrough));
  return {
    type,
    title: type === 'iep_services' ? `${TITLES[type]} (IEP of ${signedOn})` : TITLES[type],
    signedOn,
    parties: `${setting.guardianName} (parent) and ${setting.districtName}`,
    notes: NOTES_BY_TYPE[type],
    terms,
  };
}
