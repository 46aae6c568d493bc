import { letterTemplates, draftLetter, exportLetter, markLetterSent } from '../../services/bundles';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { lettersMethods } from '@shared/api/methods/letters';

export const lettersHandlers = {
  'letters.templates': () => letterTemplates(),
  'letters.draft': (input, ctx) => draftLetter(services(ctx), input.caseId, input.kind, input.options),
  'letters.export': (input, ctx) => exportLetter(services(ctx), input),
  'letters.markSent': (input, ctx) => markLetterSent(services(ctx), input),
} satisfies DomainHandlers<keyof typeof lettersMethods, AppContext>;
