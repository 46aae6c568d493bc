import { createCase, getCase, linkContact, listCases, setCaseArchived, unlinkContact, updateCase } from '../../services/cases/cases-service';
import type { caseMethods } from '@shared/api/methods/cases';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const caseHandlers = {
  'cases.list': (input, ctx) => listCases(services(ctx), input),
  'cases.get': (input, ctx) => getCase(services(ctx), input.id),
  'cases.create': (input, ctx) => createCase(services(ctx), input),
  'cases.update': (input, ctx) => updateCase(services(ctx), input),
  'cases.setArchived': (input, ctx) => setCaseArchived(services(ctx), input),
  'cases.linkContact': (input, ctx) => linkContact(services(ctx), input),
  'cases.unlinkContact': (input, ctx) => unlinkContact(services(ctx), input),
} satisfies DomainHandlers<keyof typeof caseMethods, AppContext>;
