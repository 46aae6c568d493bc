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
  notes: readonly string[];
  /** How the date was counted, e.g. '45 calendar days after the end of ...' (built on demand). */
  basis: () => string;
};

const noNotes: readonly string[] = Object.freeze([]);

/**
 * A derived deadline whose explanation is written when first read. The dashboard derives every
 * deadline of every open case but shows a few hundred; writing thousands of sentences nobody
 * reads was most of its memory churn. Reading `explanation`, schema parsing and JSON all see the
 * sentence; only an object spread (`{...deadline}`) would leave it out, so copy it explicitly.
 */
class DerivedDeadlineRecord implements DerivedDeadline {
  id!: string;
  ruleId!: string;
  ruleName!: string;
  citation!: string;
  federalCitation!: string | null;
  triggerType!: DerivedDeadline['triggerType'];
  triggerDate!: IsoDate;
  triggerSourceId!: string;
  dueDate!: IsoDate;
  movedFrom!: IsoDate | null;
  isEstimate!: boolean;
  isWeekend!: boolean;
  closureLabel!: string | null;
  isVerified!: boolean;
  isUserThreshold!: boolean;
  daysUntil!: number;
  notes!: string[];
  #explain: () => string;
  #explanation: string | undefined;

  constructor(fields: Omit<DerivedDeadline, 'explanation'>, explain: () => string) {
    Object.assign(this, fields);
    this.#explain = explain;
  }

  get explanation(): string {
    this.#explanation ??= this.#explain();
    return this.#explanation;
  }

  toJSON(): DerivedDeadline {
    return { ...this, explanation: this.explanation };
  }
}

const offsetDescriptions = new WeakMap<Offset, string>();

function describeOffset(offset: Offset): string {
  const cached = offsetDescriptions.get(offset);
  if (cached !== undefined) return cached;
  let text: string;
  if (offset.unit === 'years') {
    text = `${offset.amount} ${offset.amount === 1 ? 'year' : 'years'}`;
  } else {
    const unit = offset.unit.replace('_', ' ').replace(/s$/, offset.amount === 1 ? '' : 's');
    text = offset.excludesBreaksLongerThanSchoolDays === undefined
      ? `${offset.amount} ${unit}`
      : `${offset.amount} ${unit} (not counting vacations longer than ${offset.excludesBreaksLongerThanSchoolDays} school days)`;
  }
  offsetDescriptions.set(offset, text);
  return text;
}

/** Code-unit order: ISO dates and ids sort correctly and faster than with localeCompare. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

// The dashboard computes every open case against a handful of jurisdictions; resolving the same
// jurisdiction's rules once per case was a measurable share of its time. Jurisdictions are
// treated as values (setRuleOverride returns a copy), so the object identifies its rules.
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
    rule.isUserThreshold && ieeThresholdBusinessDays !== undefined
      ? { ...rule, offset: { ...rule.offset, amount: ieeThresholdBusinessDays } }
      : rule,
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
  const rules = rulesFor(jurisdiction, input.ieeThresholdBusinessDays);
  const rulesById = rulesByIdOf(rules);

  const computeDue = (rule: ResolvedRule, fact: CaseTrigger, depth: number): DueDate => {
    if (depth > rules.length) throw new Error(`Rule '${rule.id}' is chained in a cycle`);
    let start = fact.date;
    let basis = () => `${describeOffset(rule.offset)} after the ${triggerTypeLabels[fact.type]} on ${formatLongDate(fact.date)}`;
    let notes: readonly string[] = noNotes;
    let isEstimate = false;
    const base = rule.after ? rulesById.get(rule.after) : undefined;
    if (rule.after && !base) {
      notes = [`The rule it is normally counted from ('${rule.after}') is not used here, so it was counted from the ${triggerTypeLabels[fact.type]}.`];
    }
    if (base) {
      const baseDue = computeDue(base, fact, depth + 1);
      const baseStart = baseDue.dueDate;
      start = baseStart;
      isEstimate = baseDue.isEstimate;
      notes = baseDue.notes;
      basis = () => `${describeOffset(rule.offset)} after "${base.name}" on ${formatLongDate(baseStart)} (${baseDue.basis()})`;
    }
    const counted = applyOffset(start, rule.offset, calendar);
    if (counted.notes.length > 0) notes = [...notes, ...counted.notes];
    const isMoved = rule.weekendPolicy === 'next_business_day' && !isBusinessDay(counted.date, calendar);
    return {
      dueDate: isMoved ? nextBusinessDay(counted.date, calendar) : counted.date,
      movedFrom: isMoved ? counted.date : null,
      isEstimate: isEstimate || counted.isEstimate,
      notes,
      basis,
    };
  };

  const factsByType = new Map<CaseTrigger['type'], CaseTrigger[]>();
  for (const fact of caseFacts) {
    const facts = factsByType.get(fact.type);
    if (facts) facts.push(fact);
    else factsByType.set(fact.type, [fact]);
  }
  for (const facts of factsByType.values()) {
    facts.sort((left, right) => compareText(left.date, right.date) || compareText(left.sourceId, right.sourceId));
  }

  const deadlines: DerivedDeadline[] = [];
  for (const rule of rules) {
    const facts = factsByType.get(rule.trigger);
    if (!facts) continue;
    const chosen = rule.triggerSelection === 'latest' ? facts.slice(-1) : facts;
    for (const fact of chosen) {
      const due = computeDue(rule, fact, 0);
      const isFlaggedWeekend = rule.weekendPolicy === 'flag' && isWeekend(due.dueDate);
      const closureLabel = findClosure(due.dueDate, calendar)?.label ?? findFederalHoliday(due.dueDate)?.name ?? null;
      const explain = (): string => {
        let text = `${rule.name} by ${formatLongDate(due.dueDate)}: ${due.basis()} (${rule.citation}).`;
        if (due.movedFrom) {
          text += ` The count ended on ${formatLongDate(due.movedFrom)}, which is not a business day; this rule moves it to the next business day.`;
        }
        if (isFlaggedWeekend) text += ` It falls on a ${weekdayName(due.dueDate)}; this rule does not move weekend dates.`;
        if (closureLabel) text += ` It falls on a closure: ${closureLabel}.`;
        if (due.isEstimate) text += ' This date is an estimate.';
        if (rule.isUserThreshold) text += ' The law sets no number of days; this is your own threshold.';
        if (!rule.isVerified) text += ` State timeline not yet verified (${jurisdiction.name}).`;
        return text;
      };
      deadlines.push(new DerivedDeadlineRecord({
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
        notes: [...due.notes],
      }, explain));
    }
  }
  return deadlines.sort((left, right) => compareText(left.dueDate, right.dueDate) || compareText(left.id, right.id));
}
