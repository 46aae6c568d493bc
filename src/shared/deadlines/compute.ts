import { z } from 'zod';
import { addCalendarDays, addYears, daysBetween, formatLongDate, isoDateSchema, isWeekend, makeDate, weekdayName, type IsoDate } from './dates';
import { describeFact, triggerTypeSchema, type CaseFact, type FactType } from './facts';
import { findFederalHoliday } from './federal-holidays';
import { resolveRules, ruleVerificationLabels, type Jurisdiction, type ResolvedRule } from './jurisdictions';
import { applyOffset } from './offsets';
import { describePeriod, timeliness, type Timeliness } from './period';
import { offsetUnitSchema, ruleNatureSchema, type ClosingFact } from './rules';
import {
  addSchoolDays,
  countSchoolDaysBetween,
  findClosure,
  isBusinessDay,
  nextBusinessDay,
  nextSchoolYear,
  schoolYearOf,
  subtractBusinessDays,
  subtractSchoolDays,
  type SchoolCalendar,
} from './school-calendar';

export { caseFactSchema, type CaseFact, type CaseTrigger } from './facts';

export const engineStatusSchema = z.enum(['open', 'met', 'waived', 'vacated', 'expired']);
export type EngineStatus = z.infer<typeof engineStatusSchema>;

const timelinessSchema = z.object({ amount: z.number().int(), unit: offsetUnitSchema, isOnTime: z.boolean(), text: z.string() });

export const derivedDeadlineSchema = z.object({
  /** Stable across recomputes: `${ruleId}:${triggerSourceId}`, so stored marks can refer to it. */
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  citation: z.string(),
  /** The CFR rule a state override replaces, or null for federal and state-only rules. */
  federalCitation: z.string().nullable(),
  nature: ruleNatureSchema,
  triggerType: triggerTypeSchema,
  triggerDate: isoDateSchema,
  triggerSourceId: z.string(),
  /** "IEP meeting (annual) on Tuesday, March 3, 2026": the fact it counts from. */
  countsFrom: z.string(),
  /** Which fact, of which kind, would start, move or close it. */
  changedBy: z.string(),
  /** The rule's period as a letter would quote it ('45 days', '10 business days'). */
  period: z.string(),
  /** The rule's unit: how lateness is counted. */
  unit: offsetUnitSchema,
  dueDate: isoDateSchema,
  /** Where the count ended before a 'next_business_day' rule moved it; null when not moved. */
  movedFrom: isoDateSchema.nullable(),
  isEstimate: z.boolean(),
  /** The due date is a Saturday or Sunday and the rule says to flag, not move, it. */
  isWeekend: z.boolean(),
  /** The due date is a calendar closure or federal holiday: its label, else null. */
  closureLabel: z.string().nullable(),
  /** False when the rule's numbers come from an unverified state preset or the federal default of a state. */
  isVerified: z.boolean(),
  /** 'verified', 'verify against current state law', 'federal default, your state may be stricter'. */
  verification: z.string(),
  /** The offset is the advocate's own threshold, not a legal deadline. */
  isUserThreshold: z.boolean(),
  /** What the recorded facts alone say: met (a fulfilling fact), waived/vacated (an ending fact), expired (a window passed). */
  engineStatus: engineStatusSchema,
  /** The fact that closed or ended it, with its date. */
  closedBy: z.object({ sourceId: z.string(), date: isoDateSchema, label: z.string() }).nullable(),
  /** Why a fact waived or vacated it. */
  endReason: z.string().nullable(),
  /** For a deadline met by a fact: on time or how late, in the rule's unit. */
  timeliness: timelinessSchema.nullable(),
  /** The fact it counts from has a guessed kind: computed with the reading that gives the earlier date. */
  isKindUnconfirmed: z.boolean(),
  /** Calendar days from `today` to the due date; negative when past. */
  daysUntil: z.number().int(),
  explanation: z.string(),
  notes: z.array(z.string()),
});
export type DerivedDeadline = z.infer<typeof derivedDeadlineSchema>;

export type ComputeDeadlinesInput = {
  caseFacts: readonly CaseFact[];
  jurisdiction: Jurisdiction;
  calendar?: SchoolCalendar | undefined;
  /** The injected clock: the only source of "now" in this module. */
  today: IsoDate;
  /** Business days of district silence before an IEE request is flagged (default 10). */
  ieeThresholdBusinessDays?: number;
  /** The student's date of birth (transition, transfer-of-rights and third-birthday rules). */
  dateOfBirth?: IsoDate | null;
};

/**
 * A derived deadline whose sentences (the explanation and the fact it counts from) are written
 * when first read. The dashboard derives every deadline of every open case but shows a few
 * hundred; writing thousands of sentences nobody reads was most of its time and garbage. JSON,
 * schema parsing and property reads all see the text; only an object spread would leave it out.
 */
class DerivedDeadlineRecord {
  #explain: () => string;
  #countsFrom: () => string;
  #explanation: string | undefined;
  #countsFromText: string | undefined;
  #calendar: SchoolCalendar | undefined;
  #timeliness: Timeliness | null | undefined;

  constructor(
    fields: Omit<DerivedDeadline, 'explanation' | 'countsFrom' | 'timeliness'>,
    explain: () => string,
    countsFrom: () => string,
    calendar: SchoolCalendar | undefined,
  ) {
    Object.assign(this, fields);
    this.#explain = explain;
    this.#countsFrom = countsFrom;
    this.#calendar = calendar;
  }

  /** How early or late a fulfilling fact met it: counted (in school or business days) only when read. */
  get timeliness(): Timeliness | null {
    if (this.#timeliness === undefined) {
      const self = this as unknown as DerivedDeadline;
      this.#timeliness = self.engineStatus === 'met' && self.closedBy ? timeliness(self.dueDate, self.closedBy.date, self.unit, this.#calendar) : null;
    }
    return this.#timeliness;
  }

  get explanation(): string {
    this.#explanation ??= this.#explain();
    return this.#explanation;
  }

  get countsFrom(): string {
    this.#countsFromText ??= this.#countsFrom();
    return this.#countsFromText;
  }

  toJSON(): DerivedDeadline {
    return { ...(this as unknown as DerivedDeadline), explanation: this.explanation, countsFrom: this.countsFrom, timeliness: this.timeliness };
  }
}

type DueDate = {
  dueDate: IsoDate;
  movedFrom: IsoDate | null;
  isEstimate: boolean;
  notes: string[];
  /** How the date was counted, written only when an explanation is read. */
  basis: () => string;
};

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

const resolvedRules = new WeakMap<Jurisdiction, Map<number | undefined, ResolvedRule[]>>();

function rulesFor(jurisdiction: Jurisdiction, ieeThresholdBusinessDays: number | undefined): ResolvedRule[] {
  let byThreshold = resolvedRules.get(jurisdiction);
  if (!byThreshold) {
    byThreshold = new Map();
    resolvedRules.set(jurisdiction, byThreshold);
  }
  const cached = byThreshold.get(ieeThresholdBusinessDays);
  if (cached) return cached;
  const rules = resolveRules(jurisdiction).map((rule) =>
    rule.isUserThreshold && ieeThresholdBusinessDays !== undefined ? { ...rule, offset: { ...rule.offset, amount: ieeThresholdBusinessDays } } : rule,
  );
  byThreshold.set(ieeThresholdBusinessDays, rules);
  return rules;
}

const rulesByIdCache = new WeakMap<readonly ResolvedRule[], Map<string, ResolvedRule>>();

function rulesByIdOf(rules: readonly ResolvedRule[]): Map<string, ResolvedRule> {
  let byId = rulesByIdCache.get(rules);
  if (!byId) {
    byId = new Map(rules.map((rule) => [rule.id, rule]));
    rulesByIdCache.set(rules, byId);
  }
  return byId;
}

function factLabel(fact: CaseFact): string {
  return `${fact.label ?? describeFact(fact)} on ${formatLongDate(fact.date)}`;
}

/** A removal is a change of placement when recorded as one or longer than 10 consecutive school days (300.536(a)(1)). */
export function isChangeOfPlacement(fact: CaseFact): boolean {
  const attributes = fact.attributes ?? {};
  return attributes.isChangeOfPlacement === true || (attributes.schoolDays ?? 0) > 10;
}

type Match = 'yes' | 'maybe' | 'no';

/**
 * Does the fact start the rule? A fact whose kind is a guess (carried over from before kinds)
 * 'maybe' does; see `chooseTriggers` for how maybes are read.
 */
function matches(rule: ResolvedRule, fact: CaseFact): Match {
  if (rule.condition) {
    const attributes = fact.attributes ?? {};
    if (rule.condition === 'iep_finalized' && attributes.isIepFinalized === false) return 'no';
    if (rule.condition === 'expedited' && attributes.isExpedited !== true) return 'no';
    if (rule.condition === 'not_expedited' && attributes.isExpedited === true) return 'no';
    if (rule.condition === 'change_of_placement' && !isChangeOfPlacement(fact)) return fact.isKindConfirmed === false ? 'maybe' : 'no';
  }
  if (!rule.triggerKinds) return fact.isKindConfirmed === false && rule.condition === 'change_of_placement' ? 'maybe' : 'yes';
  const isKind = fact.kind !== null && fact.kind !== undefined && rule.triggerKinds.includes(fact.kind);
  if (fact.isKindConfirmed === false) return isKind ? 'maybe' : 'no';
  return isKind ? 'yes' : 'no';
}

/**
 * The facts a rule derives deadlines from. 'each' rules take every fact that does or may match
 * (a deadline that may apply is shown: an earlier warning than none). 'latest' rules count from
 * the latest confirmed match; a later fact of unconfirmed kind would only move the date later,
 * so it is left out (the earlier deadline) and named in a note. With no confirmed match, the
 * latest fact whose guessed kind matches is used, marked as unconfirmed.
 */
function chooseTriggers(rule: ResolvedRule, facts: readonly CaseFact[]): { fact: CaseFact; isUnconfirmed: boolean; skipped: CaseFact[] }[] {
  const candidates: { fact: CaseFact; match: Match }[] = [];
  for (const fact of facts) {
    const match = matches(rule, fact);
    if (match !== 'no') candidates.push({ fact, match });
  }
  if (candidates.length === 0) return [];
  if (rule.triggerSelection === 'each') return candidates.map(({ fact, match }) => ({ fact, isUnconfirmed: match === 'maybe', skipped: [] }));
  const confirmed = candidates.filter((candidate) => candidate.match === 'yes');
  if (confirmed.length > 0) {
    const anchor = confirmed.at(-1)!.fact;
    const skipped = candidates.filter((candidate) => candidate.match === 'maybe' && candidate.fact.date > anchor.date).map((candidate) => candidate.fact);
    return [{ fact: anchor, isUnconfirmed: false, skipped }];
  }
  return [{ fact: candidates.at(-1)!.fact, isUnconfirmed: true, skipped: [] }];
}

function closes(closing: ClosingFact, fact: CaseFact): boolean {
  if (closing.type !== fact.type) return false;
  if (closing.kinds && !(fact.kind && closing.kinds.includes(fact.kind)) && fact.isKindConfirmed !== false) return false;
  if (closing.attribute && fact.attributes?.[closing.attribute] !== true) return false;
  if (closing.type === 'iep_meeting' && fact.attributes?.isIepFinalized === false && closing.kinds) return false;
  return true;
}

type Computed = {
  due: DueDate;
  /** The rule does not apply to this fact after all (a CA referral outside the last 30 days). */
  isInapplicable?: boolean;
};

/**
 * Derives every deadline the case's facts start, under the jurisdiction's rules, with what the
 * recorded facts say about each: met by a fulfilling fact (with how late), waived or vacated by
 * an ending fact, or a window that has expired. A deadline exists only while its trigger fact
 * does, so deleting or moving the fact and recomputing removes or moves the deadline.
 */
export function computeDeadlines(input: ComputeDeadlinesInput): DerivedDeadline[] {
  const { jurisdiction, calendar, today } = input;
  const rules = rulesFor(jurisdiction, input.ieeThresholdBusinessDays);
  const rulesById = rulesByIdOf(rules);

  const allFacts: CaseFact[] = [...input.caseFacts];
  if (input.dateOfBirth) allFacts.push({ type: 'date_of_birth', date: input.dateOfBirth, sourceId: 'birth', label: 'date of birth' });
  const factsByType = new Map<string, CaseFact[]>();
  for (const fact of allFacts) {
    const list = factsByType.get(fact.type);
    if (list) list.push(fact);
    else factsByType.set(fact.type, [fact]);
  }
  for (const list of factsByType.values()) list.sort((left, right) => compareText(left.date, right.date) || compareText(left.sourceId, right.sourceId));
  const factsOf = (type: string): CaseFact[] => factsByType.get(type) ?? [];
  /** The first fact of `type` after the trigger, up to the next trigger fact of the same type. */
  const firstAfter = (
    type: FactType,
    fact: CaseFact,
    until: IsoDate | null,
    accept: (candidate: CaseFact) => boolean,
    strictlyAfter = false,
  ): CaseFact | undefined =>
    factsOf(type).find(
      (candidate) =>
        (strictlyAfter ? candidate.date > fact.date : candidate.date >= fact.date) && (until === null || candidate.date < until) && accept(candidate),
    );

  const offsetFrom = (rule: ResolvedRule, start: IsoDate, startLabel: () => string): DueDate => {
    if (rule.direction === 'before') {
      let date: IsoDate;
      let isEstimate = false;
      if (rule.offset.unit === 'business_days') date = subtractBusinessDays(start, rule.offset.amount, calendar);
      else if (rule.offset.unit === 'school_days') ({ date, isEstimate } = subtractSchoolDays(start, rule.offset.amount, calendar));
      else if (rule.offset.unit === 'years') date = addYears(start, -rule.offset.amount);
      else date = addCalendarDays(start, -rule.offset.amount);
      return { dueDate: date, movedFrom: null, isEstimate, notes: [], basis: () => `${describePeriod(rule.offset)} before the ${startLabel()}` };
    }
    const counted = applyOffset(start, rule.offset, calendar);
    const isMoved = rule.weekendPolicy === 'next_business_day' && !isBusinessDay(counted.date, calendar);
    return {
      dueDate: isMoved ? nextBusinessDay(counted.date, calendar) : counted.date,
      movedFrom: isMoved ? counted.date : null,
      isEstimate: counted.isEstimate,
      notes: [...counted.notes],
      basis: () => `${describePeriod(rule.offset)} after the ${startLabel()}`,
    };
  };

  const computeDue = (rule: ResolvedRule, fact: CaseFact, nextTrigger: IsoDate | null, depth = 0): Computed => {
    if (depth > rules.length) throw new Error(`Rule '${rule.id}' is chained in a cycle`);
    const label = (): string => factLabel(fact);
    const base = rule.after ? rulesById.get(rule.after) : undefined;
    if (base) {
      const baseDue = computeDue(base, fact, nextTrigger, depth + 1).due;
      const due = offsetFrom(rule, baseDue.dueDate, () => `end of "${base.name}" on ${formatLongDate(baseDue.dueDate)} (${baseDue.basis()})`);
      return { due: { ...due, isEstimate: due.isEstimate || baseDue.isEstimate, notes: [...baseDue.notes, ...due.notes] } };
    }
    switch (rule.special) {
      case 'records_cutoff': {
        // 300.613(a): before any IEP meeting, hearing or resolution session, and within the period at the latest.
        const due = offsetFrom(rule, fact.date, label);
        const meetings = (['iep_meeting', 'resolution_meeting', 'hearing_scheduled'] as const)
          .flatMap((type) => factsOf(type))
          .filter((meeting) => meeting.date > fact.date && meeting.date < due.dueDate)
          .sort((left, right) => compareText(left.date, right.date));
        const meeting = meetings[0];
        if (!meeting) return { due };
        return {
          due: {
            dueDate: meeting.date,
            movedFrom: null,
            isEstimate: false,
            notes: [
              `Due before the ${describeFact(meeting)} on ${formatLongDate(meeting.date)}, earlier than ${describePeriod(rule.offset)} (${formatLongDate(due.dueDate)}).`,
            ],
            basis: () =>
              `before the ${describeFact(meeting)} on ${formatLongDate(meeting.date)}, which comes before ${describePeriod(rule.offset)} after the ${label()}`,
          },
        };
      }
      case 'resolution_period': {
        // 300.510(c): the period ends early on a joint written waiver or a written no-agreement.
        const due = offsetFrom(rule, fact.date, label);
        const early = earlyEnd(fact, nextTrigger);
        if (early && early.date < due.dueDate) {
          return {
            due: {
              ...due,
              dueDate: early.date,
              notes: [`Ended early: ${early.text} on ${formatLongDate(early.date)} (300.510(c)).`],
              basis: () => `${early.text} on ${formatLongDate(early.date)}`,
            },
          };
        }
        return { due };
      }
      case 'hearing_clock': {
        if (fact.kind === 'district' && fact.isKindConfirmed !== false) {
          const due = offsetFrom(rule, fact.date, label);
          return {
            due: {
              ...due,
              notes: ["A district-filed complaint has no resolution period (300.510 applies to the parent's complaint): the 45 days run from the complaint."],
            },
          };
        }
        const periodRule = rulesById.get('resolution-period-end');
        let periodEnd = periodRule ? offsetFrom(periodRule, fact.date, label).dueDate : fact.date;
        const periodLabel = periodEnd;
        let periodText = (): string => (periodRule ? `the 30-day resolution period ending ${formatLongDate(periodLabel)}` : `the ${label()}`);
        const early = earlyEnd(fact, nextTrigger);
        const notes: string[] = [];
        if (early && early.date < periodEnd) {
          periodEnd = early.date;
          periodText = () => `${early.text} on ${formatLongDate(early.date)}`;
          notes.push(`The 45-day hearing clock started the day after the ${early.text} (300.510(c)).`);
        }
        const due = offsetFrom(rule, periodEnd, periodText);
        return { due: { ...due, notes: [...notes, ...due.notes] } };
      }
      case 'expedited_decision': {
        const hearing = firstAfter('hearing_scheduled', fact, nextTrigger, () => true);
        if (hearing) return { due: offsetFrom(rule, hearing.date, () => factLabel(hearing)) };
        const hearingRule = rulesById.get('expedited-hearing');
        const latestHearing = hearingRule ? offsetFrom(hearingRule, fact.date, label).dueDate : fact.date;
        const due = offsetFrom(rule, latestHearing, () => `last day for the expedited hearing, ${formatLongDate(latestHearing)}`);
        return { due: { ...due, isEstimate: true, notes: ['No hearing date recorded: counted from the last day the hearing may be held.'] } };
      }
      case 'third_birthday': {
        if (!input.dateOfBirth) {
          return { due: offsetFrom(rule, fact.date, label), isInapplicable: true };
        }
        const birthday = addYears(input.dateOfBirth, 3);
        return {
          due: {
            dueDate: birthday,
            movedFrom: null,
            isEstimate: false,
            notes: [],
            basis: () => `the third birthday (born ${formatLongDate(input.dateOfBirth!)})`,
          },
        };
      }
      case 'late_year_referral': {
        // Cal. Educ. Code 56344(a): referral 30 days or less before the end of the regular school year.
        const year = calendar ? schoolYearOf(fact.date, calendar) : undefined;
        const lastDay = year?.lastDay ?? makeDate(Number(fact.date.slice(0, 4)), 6, 15);
        const daysBeforeEnd = daysBetween(fact.date, lastDay);
        if (daysBeforeEnd < 0 || daysBeforeEnd > 30) return { due: offsetFrom(rule, fact.date, label), isInapplicable: true };
        const next = year && calendar ? nextSchoolYear(year, calendar) : undefined;
        const start = next?.firstDay ?? makeDate(Number(lastDay.slice(0, 4)), 8, 20);
        const due = offsetFrom(rule, start, () => `start of the next regular school year (${formatLongDate(start)})`);
        const notes = [`The referral came ${daysBeforeEnd} days before the school year ended on ${formatLongDate(lastDay)}.`];
        if (!next) notes.push("The next school year's first day is not on the district calendar: this date assumes August 20.");
        return { due: { ...due, isEstimate: due.isEstimate || !next || !year, notes: [...notes, ...due.notes] } };
      }
      default:
        break;
    }
    const due = offsetFrom(rule, fact.date, label);
    if (rule.endOfYear) return { due: applyEndOfYear(rule, fact, due) };
    return { due };
  };

  /** The 300.510(c) facts for one complaint: a joint written waiver, or a written no-agreement. */
  const earlyEnd = (complaint: CaseFact, until: IsoDate | null): { date: IsoDate; text: string } | undefined => {
    const waiver = firstAfter('resolution_waived', complaint, until, (candidate) => candidate.attributes?.isJointWritten === true);
    const noAgreement = firstAfter('no_agreement', complaint, until, (candidate) => candidate.attributes?.isWritten !== false);
    const found = [
      ...(waiver ? [{ date: waiver.date, text: 'joint written waiver of the resolution meeting' }] : []),
      ...(noAgreement ? [{ date: noAgreement.date, text: 'written agreement that no agreement is possible' }] : []),
    ].sort((left, right) => compareText(left.date, right.date));
    return found[0];
  };

  const applyEndOfYear = (rule: ResolvedRule, fact: CaseFact, due: DueDate): DueDate => {
    const year = calendar ? schoolYearOf(fact.date, calendar) : undefined;
    if (!calendar || !year) {
      return { ...due, isEstimate: true, notes: [...due.notes, 'No district calendar for this school year: the end-of-year rule could not be checked.'] };
    }
    const left = countSchoolDaysBetween(fact.date, year.lastDay, calendar);
    if (rule.endOfYear === 'tx_29_004_a1') {
      // TEC 29.004(a-1): consent at least 35 but fewer than 45 school days before the last instructional day.
      if (left >= 35 && left < 45) {
        const june30 = makeDate(Number(year.lastDay.slice(0, 4)), 6, 30);
        const next = nextSchoolYear(year, calendar);
        const ard = next ? addSchoolDays(addCalendarDays(next.firstDay, -1), 15, calendar).date : null;
        return {
          dueDate: june30,
          movedFrom: null,
          isEstimate: false,
          notes: [
            `Consent came ${left} school days before the last instructional day (${formatLongDate(year.lastDay)}): the report is due June 30 (TEC 29.004(a-1)).`,
            ard
              ? `The ARD committee must meet by the 15th school day of the next year: ${formatLongDate(ard)}.`
              : 'The ARD committee must meet by the 15th school day of the next school year.',
          ],
          basis: () => `June 30 after consent ${left} school days before the last instructional day (${formatLongDate(fact.date)})`,
        };
      }
      return due;
    }
    // 23 IAC 226.110(d): fewer than 60 school days left in the year at consent: before the next year's first day.
    if (left < rule.offset.amount) {
      const next = nextSchoolYear(year, calendar);
      if (!next) {
        return {
          ...due,
          isEstimate: true,
          notes: [
            ...due.notes,
            `Only ${left} school days were left in the school year at consent: due before the next school year's first day, which is not on the district calendar yet.`,
          ],
        };
      }
      const dayBefore = addCalendarDays(next.firstDay, -1);
      return {
        dueDate: dayBefore,
        movedFrom: null,
        isEstimate: false,
        notes: [
          `Only ${left} school days were left in the school year at consent (${formatLongDate(fact.date)}): due before the next school year begins on ${formatLongDate(next.firstDay)}.`,
        ],
        basis: () =>
          `before the first day of the next school year (${formatLongDate(next.firstDay)}), with fewer than ${rule.offset.amount} school days left after the ${factLabel(fact)}`,
      };
    }
    return due;
  };

  const deadlines: DerivedDeadline[] = [];
  for (const rule of rules) {
    const facts = factsOf(rule.trigger);
    if (facts.length === 0) continue;
    for (const chosen of chooseTriggers(rule, facts)) {
      const { fact } = chosen;
      const later = facts.find((candidate) => candidate.date > fact.date);
      const nextTrigger = later?.date ?? null;
      const computed = computeDue(rule, fact, nextTrigger);
      if (computed.isInapplicable) continue;
      const due = computed.due;
      const notes = [...due.notes];
      // Closing and ending facts.
      const until = rule.closeScope === 'any_later' ? null : nextTrigger;
      let engineStatus: EngineStatus = 'open';
      let closedBy: DerivedDeadline['closedBy'] = null;
      let endReason: string | null = null;
      if (rule.metByAttribute) {
        const metOn = fact.attributes?.[rule.metByAttribute];
        if (typeof metOn === 'string') {
          engineStatus = 'met';
          closedBy = {
            sourceId: fact.sourceId,
            date: metOn,
            label: `${rule.metByAttribute === 'noticeOn' ? 'notice sent' : rule.metByAttribute === 'draftsOn' ? 'documents received' : 'IEP copy received'} on ${formatLongDate(metOn)}`,
          };
        } else if (fact.date < today) {
          // A past meeting with no date recorded says nothing either way.
          continue;
        }
      }
      for (const ending of rule.endedBy) {
        if (engineStatus !== 'open') break;
        const found = firstAfter(
          ending.type,
          fact,
          until,
          (candidate) =>
            (!ending.kinds || (candidate.kind !== null && candidate.kind !== undefined && ending.kinds.includes(candidate.kind))) &&
            (!ending.requiresJointWritten || candidate.attributes?.isJointWritten === true) &&
            candidate.date <= today,
        );
        if (found) {
          engineStatus = ending.outcome;
          closedBy = { sourceId: found.sourceId, date: found.date, label: factLabel(found) };
          endReason = ending.reason;
        }
      }
      if (engineStatus === 'open' && typeof fact.attributes?.filedOn === 'string' && (fact.type === 'claim_knew' || fact.type === 'claim_violation')) {
        engineStatus = 'met';
        const forum = fact.type === 'claim_violation' ? 'a state complaint' : 'a due process complaint';
        closedBy = { sourceId: fact.sourceId, date: fact.attributes.filedOn, label: `claim filed in ${forum} on ${formatLongDate(fact.attributes.filedOn)}` };
      }
      if (engineStatus === 'open') {
        for (const closing of rule.closedBy) {
          const found = firstAfter(
            closing.type,
            fact,
            until,
            (candidate) => closes(closing, candidate) && candidate.date <= today,
            rule.trigger === closing.type,
          );
          if (found && (!closedBy || found.date < closedBy.date)) {
            engineStatus = 'met';
            closedBy = { sourceId: found.sourceId, date: found.date, label: factLabel(found) };
          }
        }
      }
      if (engineStatus === 'open' && rule.nature !== 'deadline' && due.dueDate < today) engineStatus = 'expired';

      if (chosen.isUnconfirmed)
        notes.push(`The ${describeFact(fact)} on ${formatLongDate(fact.date)} has a kind nobody has confirmed yet; confirm it in the review list.`);
      for (const skipped of chosen.skipped) {
        const alternative = computeDue(rule, skipped, null).due.dueDate;
        notes.push(
          `The ${describeFact(skipped)} on ${formatLongDate(skipped.date)} has an unconfirmed kind and is left out (the earlier date applies); if it counts, this moves to ${formatLongDate(alternative)}.`,
        );
      }
      const isFlaggedWeekend = rule.weekendPolicy === 'flag' && isWeekend(due.dueDate);
      const closureLabel = findClosure(due.dueDate, calendar)?.label ?? findFederalHoliday(due.dueDate)?.name ?? null;
      const explain = (): string => {
        let text = `${rule.name} by ${formatLongDate(due.dueDate)}: ${due.basis()} (${rule.citation}).`;
        if (due.movedFrom)
          text += ` The count ended on ${formatLongDate(due.movedFrom)}, which is not a business day; this rule moves it to the next business day.`;
        if (isFlaggedWeekend) text += ` It falls on a ${weekdayName(due.dueDate)}; this rule does not move weekend dates.`;
        if (closureLabel) text += ` It falls on a closure: ${closureLabel}.`;
        if (due.isEstimate) text += ' This date is an estimate.';
        if (rule.isUserThreshold) text += ' The law sets no number of days; this is your own threshold.';
        if (rule.verification === 'verify') text += ` State timeline not yet verified (${jurisdiction.name}): verify against current state law.`;
        if (rule.verification === 'federal_default') text += ' Federal default, your state may be stricter.';
        return text;
      };
      deadlines.push(
        new DerivedDeadlineRecord(
          {
            id: `${rule.id}:${fact.sourceId}`,
            ruleId: rule.id,
            ruleName: rule.name,
            citation: rule.citation,
            federalCitation: rule.federalCitation,
            nature: rule.nature,
            triggerType: fact.type,
            triggerDate: fact.date,
            triggerSourceId: fact.sourceId,
            changedBy: rule.changedBy,
            period: describePeriod(rule.offset),
            unit: rule.offset.unit,
            dueDate: due.dueDate,
            movedFrom: due.movedFrom,
            isEstimate: due.isEstimate,
            isWeekend: isFlaggedWeekend,
            closureLabel,
            isVerified: rule.isVerified,
            verification: ruleVerificationLabels[rule.verification],
            isUserThreshold: rule.isUserThreshold,
            engineStatus,
            closedBy,
            endReason,
            isKindUnconfirmed: chosen.isUnconfirmed || chosen.skipped.length > 0,
            daysUntil: daysBetween(today, due.dueDate),
            notes,
          },
          explain,
          () => factLabel(fact),
          calendar,
        ) as unknown as DerivedDeadline,
      );
    }
  }
  return deadlines.sort((left, right) => compareText(left.dueDate, right.dueDate) || compareText(left.id, right.id));
}
