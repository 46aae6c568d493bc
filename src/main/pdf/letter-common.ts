import dayjs from 'dayjs';
import { z } from 'zod';
import { isoDateSchema } from './binder-model';
import { formatLongDate, joinNames } from './format';

const name = z.string().trim().min(1).max(200);

/** Who the letter is about and who writes it; every template starts from these facts. */
export const letterBaseSchema = z.object({
  /** The date the letter is sent: the start of every response clock it mentions. */
  date: isoDateSchema,
  studentName: name,
  studentDateOfBirth: isoDateSchema.optional(),
  school: z.string().trim().max(200).optional(),
  grade: z.string().trim().max(40).optional(),
  parentNames: z.array(name).min(1),
  /** A parent writes in the first person; an advocate writes on the family's behalf. */
  writerRole: z.enum(['parent', 'advocate']),
  districtName: name,
});

export type LetterBase = z.infer<typeof letterBaseSchema>;

/** What a template produces: the editable body the advocate reviews before export. */
export interface BuiltLetter {
  subject: string;
  salutation?: string;
  paragraphs: string[];
  /** Problems the advocate should see before sending (e.g. a claim that is out of time). */
  warnings: string[];
}

export interface LetterTemplate<Schema extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  citation?: string;
  schema: Schema;
  build(data: z.infer<Schema>): BuiltLetter;
}

export function parentsOf(data: LetterBase): string {
  return joinNames(data.parentNames);
}

/** A name in the possessive: "Hui Huang's", "James's" (legal style keeps 's after a final s). */
export function possessive(name: string): string {
  const trimmed = name.trim();
  return /['’]s$/.test(trimmed) ? trimmed : `${trimmed}'s`;
}

/** 'disagrees' or 'disagree' to agree with one or several parents. */
export function verbFor(data: LetterBase, singular: string, plural: string): string {
  return data.parentNames.length === 1 ? singular : plural;
}

/** The opening sentence: who writes, for whom, about which student. */
export function introduction(data: LetterBase): string {
  const student = [
    data.studentName,
    data.studentDateOfBirth ? ` (date of birth ${formatLongDate(data.studentDateOfBirth)})` : '',
    data.grade ? `, in grade ${data.grade}` : '',
    data.school ? ` at ${data.school}` : '',
  ].join('');
  if (data.writerRole === 'parent') {
    return `I am writing as the parent of ${student}.`;
  }
  const parents = parentsOf(data);
  const relation = data.parentNames.length === 1 ? 'the parent' : 'the parents';
  return `I am writing as the advocate for ${parents}, ${relation} of ${student}.`;
}

/** 'I' for a parent writing, otherwise the parents by name. */
export function requester(data: LetterBase): string {
  return data.writerRole === 'parent' ? 'I' : parentsOf(data);
}

/** A calendar-day deadline counted from the letter's date. */
export function daysAfter(isoDate: string, days: number): string {
  return dayjs(isoDate).add(days, 'day').format('YYYY-MM-DD');
}

export function numbered(items: string[]): string[] {
  return items.map((item, position) => `${position + 1}. ${item}`);
}
