import { sanitizeFileName } from '../../pdf';
import type { CaseFacts } from '../cases/case-loader';

/** Characters file systems refuse; cleaned from each part so 'Smith?' never leaves 'Smith ,' behind. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;

function part(value: string): string {
  return value.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
}

/** 'Rivera, Sofia': how a child's records are filed. */
export function studentForFileName(facts: CaseFacts): string {
  return `${part(facts.student.lastName)}, ${part(facts.student.firstName)}`;
}

/** 'Binder - Rivera, Sofia - 2026-11-23.pdf', safe on every file system. */
export function binderFileName(facts: CaseFacts, asOf: string): string {
  return sanitizeFileName(`Binder - ${studentForFileName(facts)} - ${asOf}.pdf`, 'Binder.pdf');
}

/** '2026-11-23 Request to inspect and review education records - Rivera, Sofia.pdf'. */
export function letterFileName(facts: CaseFacts, date: string, title: string, extension: 'pdf' | 'docx'): string {
  return sanitizeFileName(`${date} ${part(title)} - ${studentForFileName(facts)}.${extension}`, `Letter.${extension}`);
}
