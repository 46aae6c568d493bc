import { createConsent, deleteConsent, listConsents, updateConsent } from '../../services/consents';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { consentsMethods } from '@shared/api/methods/consents';

export const consentsHandlers = {
  'consents.list': (input, ctx) => listConsents(services(ctx), input),
  'consents.create': (input, ctx) => createConsent(services(ctx), input),
  'consents.update': (input, ctx) => updateConsent(services(ctx), input),
  'consents.delete': (input, ctx) => deleteConsent(services(ctx), input.id),
} satisfies DomainHandlers<keyof typeof consentsMethods, AppContext>;
