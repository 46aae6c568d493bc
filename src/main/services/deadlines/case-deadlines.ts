import type { DeadlineItem, DeadlineStatus } from '@shared/domain/deadline-entities';
import { computeDeadlines, daysBetween, timeliness, type CaseTrigger, type DerivedDeadline, type Jurisdiction, type SchoolCalendar } from '@shared/deadlines';
import type { VaultDb } from '../../db/connection';
import { loadDistrictCalendars, type DistrictCalendar } from '../calendars/district-calendar';
import type { CaseFacts, CaseScope, StoredTask } from './case-facts';
import { loadCaseFacts } from './case-facts';
import { jurisdictionResolver } from '../jurisdictions/jurisdiction-service';

/** A case's facts with its computed deadline list. */
export interface ComputedCase {
  facts: CaseFacts;
  jurisdiction: Jurisdiction;
  calendar: DistrictCalendar | null;
  items: DeadlineItem[];
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

const advocateStatuses = new Set(['done', 'missed', 'waived', 'vacated']);

/**
 * What the stored row says applies today. A snooze lasts until its date; from that day the item
 * is open again (the reason stays visible).
 */
export function effectiveStatus(task: Pick<StoredTask, 'status' | 'snoozedUntil'> | undefined, today: string): DeadlineStatus | null {
  if (!task) return null;
  if (advocateStatuses.has(task.status)) return task.status as DeadlineStatus;
  if (task.status === 'snoozed' && task.snoozedUntil !== null && task.snoozedUntil > today) return 'snoozed';
  return null;
}

const engineToStatus = { open: 'open', met: 'done', waived: 'waived', vacated: 'vacated', expired: 'expired' } as const;

/**
 * One derived deadline as the list shows it: the advocate's own mark wins (met on a date, missed,
 * waived, vacated, snoozed); otherwise what the recorded facts say (a fulfilling fact closes it,
 * an ending fact waives or vacates it, a window expires). Only an open deadline past its date is
 * overdue; windows, not-before dates and filing limits never are.
 */
export function derivedItem(caseId: number, deadline: DerivedDeadline, task: StoredTask | undefined, today: string, calendar?: SchoolCalendar): DeadlineItem {
  const marked = effectiveStatus(task, today);
  const status: DeadlineStatus = marked ?? engineToStatus[deadline.engineStatus];
  const isAdvocate = marked !== null;
  const metOn = status !== 'done' ? null : isAdvocate ? (task?.metOn ?? task?.completedAt?.slice(0, 10) ?? null) : (deadline.closedBy?.date ?? null);
  const item: DeadlineItem = {
    key: deadline.id,
    kind: 'derived',
    taskId: task?.id ?? null,
    caseId,
    title: deadline.ruleName,
    dueDate: deadline.dueDate,
    daysUntil: deadline.daysUntil,
    isOverdue: status === 'open' && deadline.nature === 'deadline' && deadline.dueDate < today,
    status,
    nature: deadline.nature,
    snoozedUntil: task?.snoozedUntil ?? null,
    snoozeReason: task?.snoozeReason ?? null,
    completedAt: task?.completedAt ?? null,
    metOn,
    timeliness: null,
    statusSource: isAdvocate ? 'advocate' : deadline.engineStatus === 'open' ? 'none' : 'fact',
    outcomeReason: isAdvocate ? (task?.outcomeReason ?? null) : deadline.endReason,
    owner: task?.owner ?? null,
    notes: task?.notes ?? null,
    derived: deadline,
  };
  if (metOn !== null) {
    // Counted (in school or business days) only when read: the dashboard drops met items unread.
    let cached: DeadlineItem['timeliness'] | undefined;
    Object.defineProperty(item, 'timeliness', {
      enumerable: true,
      get: () => (cached ??= isAdvocate ? timeliness(deadline.dueDate, metOn, deadline.unit, calendar) : deadline.timeliness),
    });
  }
  return item;
}

export function manualItem(task: StoredTask, today: string): DeadlineItem {
  const status: DeadlineStatus = effectiveStatus(task, today) ?? 'open';
  const metOn = status === 'done' ? (task.metOn ?? task.completedAt?.slice(0, 10) ?? null) : null;
  return {
    key: `task:${task.id}`,
    kind: 'manual',
    taskId: task.id,
    caseId: task.caseId,
    title: task.title,
    dueDate: task.dueOn,
    daysUntil: task.dueOn ? daysBetween(today, task.dueOn) : null,
    isOverdue: status === 'open' && task.dueOn !== null && task.dueOn < today,
    status,
    nature: 'deadline',
    snoozedUntil: task.snoozedUntil,
    snoozeReason: task.snoozeReason,
    completedAt: task.completedAt,
    metOn,
    timeliness: metOn && task.dueOn ? timeliness(task.dueOn, metOn, 'calendar_days') : null,
    statusSource: status === 'open' ? 'none' : 'advocate',
    outcomeReason: task.outcomeReason,
    owner: task.owner,
    notes: task.notes,
    derived: null,
  };
}

/** Undated tasks go last; otherwise by due date, then derived before manual, then by key. */
function compareItems(left: DeadlineItem, right: DeadlineItem): number {
  if (left.dueDate !== right.dueDate) {
    if (left.dueDate === null) return 1;
    if (right.dueDate === null) return -1;
    return left.dueDate < right.dueDate ? -1 : 1;
  }
  if (left.kind !== right.kind) return left.kind === 'derived' ? -1 : 1;
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

function validFacts<T extends CaseTrigger>(facts: readonly T[]): T[] {
  return facts.filter((fact) => isoDatePattern.test(fact.date));
}

/**
 * The engine's deadlines for one case: one pass for the timeline triggers and one per distinct
 * IEE silence threshold (each request keeps the threshold it was recorded with).
 */
export function deriveDeadlines(facts: CaseFacts, jurisdiction: Jurisdiction, calendar: DistrictCalendar | null, today: string): DerivedDeadline[] {
  const base = {
    jurisdiction,
    today,
    dateOfBirth: facts.dateOfBirth && isoDatePattern.test(facts.dateOfBirth) ? facts.dateOfBirth : null,
    ...(calendar ? { calendar: calendar.calendar } : {}),
  };
  const derived = computeDeadlines({ ...base, caseFacts: validFacts(facts.triggers) }).filter((deadline) => deadline.triggerType !== 'iee_request');
  const thresholds = new Set(facts.ieeTriggers.map((entry) => entry.thresholdBusinessDays));
  for (const threshold of thresholds) {
    const ieeFacts = facts.ieeTriggers.filter((entry) => entry.thresholdBusinessDays === threshold).map((entry) => entry.trigger);
    derived.push(...computeDeadlines({ ...base, dateOfBirth: null, caseFacts: validFacts(ieeFacts), ieeThresholdBusinessDays: threshold }));
  }
  return derived;
}

/**
 * Merges derived deadlines with the stored rows. Derived deadlines are matched to their row by
 * trigger key (the engine's stable id), so done and snoozed marks survive a recompute; a row
 * whose deadline no longer exists (its trigger was deleted) is left alone and not shown.
 */
export function mergeItems(facts: CaseFacts, derived: readonly DerivedDeadline[], today: string, calendar?: SchoolCalendar): DeadlineItem[] {
  const derivedRows = new Map<string, StoredTask>();
  const items: DeadlineItem[] = [];
  for (const task of facts.tasks) {
    if (task.kind === 'derived' && task.triggerKey !== null) derivedRows.set(task.triggerKey, task);
    else if (task.kind === 'manual') items.push(manualItem(task, today));
  }
  for (const deadline of derived) items.push(derivedItem(facts.ref.caseId, deadline, derivedRows.get(deadline.id), today, calendar));
  return items.sort(compareItems);
}

/** Loads and computes the deadlines of one case or of every open case. */
export function computeCases(db: VaultDb, scope: CaseScope, today: string): ComputedCase[] {
  const all = loadCaseFacts(db, scope);
  const districtIds = [...new Set(all.flatMap((facts) => (facts.districtId === null ? [] : [facts.districtId])))];
  const calendars = loadDistrictCalendars(db, districtIds);
  const resolve = jurisdictionResolver(db);
  return all.map((facts) => {
    const jurisdiction = resolve(facts.jurisdictionCode);
    const calendar = facts.districtId === null ? null : (calendars.get(facts.districtId) ?? null);
    const items = mergeItems(facts, deriveDeadlines(facts, jurisdiction, calendar, today), today, calendar?.calendar);
    return { facts, jurisdiction, calendar, items };
  });
}
