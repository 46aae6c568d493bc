import type { PreparationIssue, PreparationWorksheet } from '@shared/domain/meetings';

/**
 * One worksheet issue as the form edits it: the lists are typed one item per line (fast to
 * type, paste and reorder), and become arrays only when saved.
 */
export interface IssueValues {
  issue: string;
  familyPosition: string;
  familyInterests: string;
  districtPosition: string;
  districtInterests: string;
  nonNegotiables: string;
  canCompromise: string;
  minimumAcceptable: string;
  questions: string;
  supportingData: string;
}

export const LIST_KEYS = ['nonNegotiables', 'canCompromise', 'questions', 'supportingData'] as const;

export function emptyIssue(issue = ''): IssueValues {
  return {
    issue,
    familyPosition: '',
    familyInterests: '',
    districtPosition: '',
    districtInterests: '',
    nonNegotiables: '',
    canCompromise: '',
    minimumAcceptable: '',
    questions: '',
    supportingData: '',
  };
}

/** The saved worksheet, or one block per issue recorded on the case when there is none yet. */
export function worksheetValues(saved: PreparationWorksheet | null, caseIssues: string[]): IssueValues[] {
  if (!saved) return caseIssues.map((issue) => emptyIssue(issue));
  return saved.issues.map((issue) => ({
    issue: issue.issue,
    familyPosition: issue.familyPosition ?? '',
    familyInterests: issue.familyInterests ?? '',
    districtPosition: issue.districtPosition ?? '',
    districtInterests: issue.districtInterests ?? '',
    nonNegotiables: issue.nonNegotiables.join('\n'),
    canCompromise: issue.canCompromise.join('\n'),
    minimumAcceptable: issue.minimumAcceptable ?? '',
    questions: issue.questions.join('\n'),
    supportingData: issue.supportingData.join('\n'),
  }));
}

export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The form's issues → the contract's worksheet input (blank lines dropped). */
export function worksheetInput(issues: IssueValues[]): {
  issues: Array<Omit<PreparationIssue, (typeof LIST_KEYS)[number]> & Record<(typeof LIST_KEYS)[number], string[]>>;
} {
  return {
    issues: issues.map((issue) => ({
      ...issue,
      nonNegotiables: lines(issue.nonNegotiables),
      canCompromise: lines(issue.canCompromise),
      questions: lines(issue.questions),
      supportingData: lines(issue.supportingData),
    })),
  };
}

/** Adds a question on its own line unless the list already asks it. */
export function withQuestion(questions: string, question: string): string {
  if (lines(questions).includes(question)) return questions;
  const trimmed = questions.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n${question}` : question;
}
