import type { searchMethods } from '@shared/api/methods/search';
import { searchVault } from '../../services/search';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const searchHandlers = {
  'search.query': (input, ctx) => searchVault(services(ctx), input),
} satisfies DomainHandlers<keyof typeof searchMethods, AppContext>;
