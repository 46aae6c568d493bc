import type { Handlers } from './dispatcher';
import type { AppContext } from './app-context';
import { caseHandlers } from './handlers/cases';
import { familyHandlers } from './handlers/families';
import { timelineHandlers } from './handlers/timeline';
import { vaultHandlers } from './handlers/vault';

export type { AppContext } from './app-context';

/** Main's implementation of every contract method; `satisfies` makes a missing one a compile error. */
export const handlers = {
  ...vaultHandlers,
  ...familyHandlers,
  ...caseHandlers,
  ...timelineHandlers,
} satisfies Handlers<AppContext>;
