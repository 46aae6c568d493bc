/**
 * The student's IEP dates, derived: the last finalized IEP meeting that counts (initial, annual
 * or reevaluation) and the annual review and triennial the engine computes from the facts of the
 * student's cases. One source of truth: the students table's own columns are only read for a
 * student with no such fact on any case (values typed before facts existed).
 */
import type { Student } from '@shared/domain/entities';
import type { VaultDb } from '../../db/connection';
import { computeCases } from './case-deadlines';

export type StudentRowLike = Omit<Student, 'iepDatesSource'>;

export function withDerivedIepDates<T extends StudentRowLike>(db: VaultDb, students: readonly T[], today: string): (T & Pick<Student, 'iepDatesSource'>)[] {
  if (students.length === 0) return [];
  const ids = students.map((student) => student.id);
  const caseRows = db.sqlite
    .prepare(`SELECT id, student_id AS studentId FROM cases WHERE student_id IN (${ids.map(() => '?').join(', ')}) AND archived_at IS NULL`)
    .all(...ids) as { id: number; studentId: number }[];
  const derived = new Map<number, { iepMeetingOn: string | null; annualReviewDueOn: string | null; triennialDueOn: string | null }>();
  for (const { id, studentId } of caseRows) {
    const [computed] = computeCases(db, { caseId: id }, today);
    if (!computed) continue;
    const annual = computed.items.find((item) => item.derived?.ruleId === 'annual-review')?.derived ?? null;
    const triennial = computed.items.find((item) => item.derived?.ruleId === 'reevaluation')?.derived ?? null;
    const current = derived.get(studentId) ?? { iepMeetingOn: null, annualReviewDueOn: null, triennialDueOn: null };
    // Several cases of one student: the latest meeting, and the dates it and the latest determination give.
    if (annual && (current.iepMeetingOn === null || annual.triggerDate > current.iepMeetingOn)) {
      current.iepMeetingOn = annual.triggerDate;
      current.annualReviewDueOn = annual.dueDate;
    }
    if (triennial && (current.triennialDueOn === null || triennial.dueDate > current.triennialDueOn)) current.triennialDueOn = triennial.dueDate;
    derived.set(studentId, current);
  }
  return students.map((student) => {
    const dates = derived.get(student.id);
    if (dates && (dates.annualReviewDueOn || dates.triennialDueOn)) {
      return {
        ...student,
        iepMeetingOn: dates.iepMeetingOn ?? student.iepMeetingOn,
        annualReviewDueOn: dates.annualReviewDueOn,
        triennialDueOn: dates.triennialDueOn,
        iepDatesSource: 'facts' as const,
      };
    }
    const hasStored = Boolean(student.annualReviewDueOn || student.triennialDueOn || student.iepMeetingOn);
    return { ...student, iepDatesSource: hasStored ? ('student_record' as const) : null };
  });
}
