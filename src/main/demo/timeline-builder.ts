import type { CaseStage, ContactRole, EventType } from '@shared/domain/vocabulary';
import { addDays, daysBetween, maxDate, minDate, toWeekday } from './demo-dates';
import type { CaseTheme } from './demo-themes';
import type { SeededRandom } from './random';
import type { FactAttributes } from '@shared/deadlines';

/**
 * The kind a demo fact gets when its author does not say: how an advocate would type it. The
 * history and ladder name the kinds that matter (initial vs reevaluation, IEE, who filed).
 */
const DEFAULT_KINDS: Partial<Record<EventType, string>> = {
  iep_meeting: 'amendment',
  consent_to_evaluate: 'initial',
  eligibility_decision: 'initial',
  evaluation: 'reevaluation',
  due_process_filed: 'parent',
};
/** A short suspension: counted toward the yearly total, no manifestation clock by itself. */
const DEFAULT_ATTRIBUTES: Partial<Record<EventType, FactAttributes>> = { disciplinary_removal: { schoolDays: 3 } };

export interface DemoContact {
  id: number;
  name: string;
  role: ContactRole;
  /** What the advocate calls them: 'Case manager', 'Speech-language pathologist'... */
  title: string;
}

export interface DraftEvent {
  occurredOn: string;
  type: EventType;
  /** The fact's kind (what the deadline rules read): an annual vs amendment meeting, who filed. */
  kind: string | null;
  /** Kind-specific attributes as JSON text (school days removed...), or null. */
  attributes: string | null;
  title: string;
  details: string | null;
  people: string | null;
  contactId: number | null;
}

/** Everything the planner knows about one case before its timeline exists. */
export interface CaseSetting {
  rng: SeededRandom;
  today: string;
  stage: CaseStage;
  theme: CaseTheme;
  issues: readonly string[];
  studentFirstName: string;
  dateOfBirth: string;
  eligibilityCategory: string;
  guardianName: string;
  districtName: string;
  /** Share of scheduled sessions the district actually delivers (0..1). */
  reliability: number;
  /** The case's own person in each district role (the same case manager throughout). */
  staff: (role: ContactRole) => DemoContact;
  /** An evaluator, mediator or attorney from outside the district. */
  independent: (role: 'evaluator' | 'mediator' | 'attorney') => DemoContact;
}

/**
 * Collects a case's timeline. Dates are clamped into the case's window and moved off weekends,
 * so every entry is a plausible school-day fact no later than the window's end.
 */
export class TimelineBuilder {
  readonly events: DraftEvent[] = [];
  readonly contactIds = new Set<number>();

  constructor(
    readonly setting: CaseSetting,
    readonly windowStart: string,
    readonly windowEnd: string,
  ) {}

  get rng(): SeededRandom {
    return this.setting.rng;
  }

  /** A date inside the window, on a weekday. */
  clamp(iso: string): string {
    const inside = maxDate(this.windowStart, minDate(iso, this.windowEnd));
    const weekday = toWeekday(inside, this.windowEnd);
    return weekday < this.windowStart ? inside : weekday;
  }

  /** A random date between two dates (both included), clamped into the window. */
  between(from: string, to: string): string {
    const span = Math.max(0, daysBetween(from, to));
    return this.clamp(addDays(from, this.rng.int(0, span)));
  }

  add(
    date: string,
    type: EventType,
    title: string,
    options: {
      details?: string | null;
      contact?: DemoContact | null;
      withParent?: boolean;
      others?: readonly DemoContact[];
      kind?: string | null;
      attributes?: FactAttributes | null;
    } = {},
  ): string {
    const occurredOn = this.clamp(date);
    const people: string[] = [];
    if (options.contact) {
      people.push(`${options.contact.name} (${options.contact.title})`);
      this.contactIds.add(options.contact.id);
    }
    for (const other of options.others ?? []) {
      people.push(`${other.name} (${other.title})`);
      this.contactIds.add(other.id);
    }
    if (options.withParent) people.push(`${this.setting.guardianName} (parent)`);
    const attributes = options.attributes ?? DEFAULT_ATTRIBUTES[type] ?? null;
    this.events.push({
      occurredOn,
      type,
      kind: options.kind ?? DEFAULT_KINDS[type] ?? null,
      attributes: attributes ? JSON.stringify(attributes) : null,
      title,
      details: options.details ?? null,
      people: people.length ? people.join('; ') : null,
      contactId: options.contact?.id ?? null,
    });
    return occurredOn;
  }

  /** Date order; entries on the same day keep the order they were added (the list's tie-break is the id). */
  sorted(): DraftEvent[] {
    return this.events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => (a.event.occurredOn < b.event.occurredOn ? -1 : a.event.occurredOn > b.event.occurredOn ? 1 : a.index - b.index))
      .map(({ event }) => event);
  }
}
