import { z } from 'zod';
import { daysBetween, formatLongDate, isWeekend, isoDateSchema, weekdayName, type IsoDate } from './dates';
import { findFederalHoliday } from './federal-holidays';
import { resolveRules, type Jurisdiction, type ResolvedRule } from './jurisdictions';
import { applyOffset } from './offsets';
import { triggerTypeLabels, triggerTypeSchema, type Offset } from './rules';
import { findClosure, isBusinessDay, nextBusinessDay, type SchoolCalendar } from './school-calendar';

/** One dated fact of a case that starts a clock; `sourceId` is the event or record it came from. */
export const caseTriggerSchema = z.object({
  type: triggerTypeSchema,
  date: isoDateSchema,
  sourceId: z.string().min(1),
});
export type CaseTrigger = z.infer<typeof caseTriggerSchema>;

export const derivedDeadlineSchema = z.object({
  /** Stable across recomputes: `${ruleId}:${triggerSourceId}`, so tasks and done marks can refer to it. */
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  citation: z.string(),
  /** The CFR rule a state override replaces, or null for federal and state-only rules. */
  federalCitation: z.string().nullable(),
  triggerType: triggerTypeSchema,
  triggerDate: isoDateSchema,
  triggerSourceId: z.string(),
  dueDate: isoDateSchema,
  /** Where the count ended before a 'next_business_day' rule moved it; null when not moved. */
  movedFrom: isoDateSchema.nullable(),
  isEstimate: z.boolean(),
  /** The due date is a Saturday or Sunday and the rule says to flag, not move, it. */
  isWeekend: z.boolean(),
  /** The due date is a calendar closure or federal holiday: its label, else null. */
  closureLabel: z.string().nullable(),
  /** False when the rule's numbers come from an unverified state preset. */
  isVerified: z.boolean(),
  /** The offset is the advocate's own threshold, not a legal deadline. */
  isUserThreshold: z.boolean(),
  /** Calendar days from `today` to the due date; negative when overdue. */
  daysUntil: z.number().int(),
  explanation: z.string(),
  notes: z.array(z.string()),
});
export type DerivedDeadline = z.infer<typeof derivedDeadlineSchema>;

export type ComputeDeadlinesInput = {
  caseFacts: readonly CaseTrigger[];
  jurisdiction: Jurisdiction;
  calendar?: SchoolCalendar;
  /** The injected clock: the only source of "now" in this module. */
  today: IsoDate;
  /** Business days of district silence before an IEE request is flagged (default 10). */
  ieeThresholdBusinessDays?: number;
};

type DueDate = {
  dueDate: IsoDate;
  movedFrom: IsoDate | null;
  isEstimate: boolean;
  notes: string[];
  /** How the date was counted, e.g. '45 calendar days after the end of ...'. */
  basis: string;
};

function describeOffset(offset: Offset): string {
  if (offset.unit === 'years') return `${offset.amount} ${offset.amount === 1 ? 'year' : 'years'}`;
  const unit = offset.unit.replace('_', ' ').replace(/s$/, offset.amount === 1 ? '' : 's');
  const text = `${offset.amount} ${unit}`;
  return offset.excludesBreaksLongerThanSchoolDays === undefined
    ? text
    : `${text} (not counting vacations longer than ${offset.excludesBreaksLongerThanSchoolDays} school days)`;
}

/**
 * Derives every deadline the case's facts start, under the jurisdiction's rules.
 *
 * Several facts of one trigger type: rules marked 'latest' use the most recent fact (the annual
 * review runs from the latest IEP meeting; the reevaluation from the latest evaluation; a new
 * consent or eligibility decision replaces the old one); rules marked 'each' give one deadline
 * per fact (every records request, removal, complaint or IEE request has its own clock). A
 * deadline exists only while its trigger fact does, so deleting or moving the fact and
 * recomputing removes or moves the deadline.
 */
export function computeDeadlines(input: ComputeDeadlinesInput): DerivedDeadline[] {
  const { caseFacts, jurisdiction, calendar, today } = input;
  const rules = resolveRules(jurisdiction).map((rule) =>
    rule.isUserThreshold && input.ieeThresholdBusinessDays !== undefined
      ? { ...rule, offset: { ...rule.offset, amount: input.ieeThresholdBusinessDays } }
      : rule,
  );
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));

  const computeDue = (rule: ResolvedRule, fact: CaseTrigger, depth: number): DueDate => {
    if (depth > rules.length) throw new Error(`Rule '${rule.id}' is chained in a cycle`);
    let start = fact.date;
    let basis = `${describeOffset(rule.offset)} after the ${triggerTypeLabels[fact.type]} on ${formatLongDate(fact.date)}`;
    const notes: string[] = [];
    let isEstimate = false;
    const base = rule.after ? rulesById.get(rule.after) : undefined;
    if (rule.after && !base) {
      notes.push(`The rule it is normally counted from ('${rule.after}') is not used here, so it was counted from the ${triggerTypeLabels[fact.type]}.`);
    }
    if (base) {
      const baseDue = computeDue(base, fact, depth + 1);
      start = baseDue.dueDate;
      isEstimate = baseDue.isEstimate;
      notes.push(...baseDue.notes);
      basis = `${describeOffset(rule.offset)} after "${base.name}" on ${formatLongDate(start)} (${baseDue.basis})`;
    }
    const counted = applyOffset(start, rule.offset, calendar);
    notes.push(...counted.notes);
    const isMoved = rule.weekendPolicy === 'next_business_day' && !isBusinessDay(counted.date, calendar);
    return {
      dueDate: isMoved ? nextBusinessDay(counted.date, calendar) : counted.date,
      movedFrom: isMoved ? counted.date : null,
      isEstimate: isEstimate || counted.isEstimate,
      notes,
      basis,
    };
  };

  const deadlines: DerivedDeadline[] = [];
  for (const rule of rules) {
    const facts = caseFacts
      .filter((fact) => fact.type === rule.trigger)
      .toSorted((left, right) => left.date.localeCompare(right.date) || left.sourceId.localeCompare(right.sourceId));
    const chosen = rule.triggerSelection === 'latest' ? facts.slice(-1) : facts;
    for (const fact of chosen) {
      const due = computeDue(rule, fact, 0);
      const isFlaggedWeekend = rule.weekendPolicy === 'flag' && isWeekend(due.dueDate);
      const closureLabel = findClosure(due.dueDate, calendar)?.label ?? findFederalHoliday(due.dueDate)?.name ?? null;
      const sentences = [`${rule.name} by ${formatLongDate(due.dueDate)}: ${due.basis} (${rule.citation}).`];
      if (due.movedFrom) {
        sentences.push(`The count ended on ${formatLongDate(due.movedFrom)}, which is not a business day; this rule moves it to the next business day.`);
      }
      if (isFlaggedWeekend) sentences.push(`It falls on a ${weekdayName(due.dueDate)}; this rule does not move weekend dates.`);
      if (closureLabel) sentences.push(`It falls on a closure: ${closureLabel}.`);
      if (due.isEstimate) sentences.push('This date is an estimate.');
      if (rule.isUserThreshold) sentences.push('The law sets no number of days; this is your own threshold.');
      if (!rule.isVerified) sentences.push(`State timeline not yet verified (${jurisdiction.name}).`);
      deadlines.push({
        id: `${rule.id}:${fact.sourceId}`,
        ruleId: rule.id,
        ruleName: rule.name,
        citation: rule.citation,
        federalCitation: rule.federalCitation,
        triggerType: fact.type,
        triggerDate: fact.date,
        triggerSourceId: fact.sourceId,
        dueDate: due.dueDate,
        movedFrom: due.movedFrom,
        isEstimate: due.isEstimate,
        isWeekend: isFlaggedWeekend,
        closureLabel,
        isVerified: rule.isVerified,
        isUserThreshold: rule.isUserThreshold,
        daysUntil: daysBetween(today, due.dueDate),
        explanation: sentences.join(' '),
        notes: due.notes,
      });
    }
  }
  return deadlines.toSorted((left, right) => left.dueDate.localeCompare(right.dueDate) || left.id.localeCompare(right.id));
}
