import type { Handlers } from './dispatcher';
import type { AppContext } from './app-context';
import { agreementHandlers } from './handlers/agreements';
import { calendarHandlers } from './handlers/calendars';
import { caseHandlers } from './handlers/cases';
import { dashboardHandlers } from './handlers/dashboard';
import { deadlineHandlers } from './handlers/deadlines';
import { documentHandlers } from './handlers/documents';
import { familyHandlers } from './handlers/families';
import { fileHandlers } from './handlers/files';
import { ieeHandlers } from './handlers/iee';
import { timelineHandlers } from './handlers/timeline';
import { vaultHandlers } from './handlers/vault';
import { protectionHandlers } from './handlers/protection';
import { meetingHandlers } from './handlers/meetings';
import { searchHandlers } from './handlers/search';
import { timeHandlers } from './handlers/time';
import { diagnosticsHandlers } from './handlers/diagnostics';

export type { AppContext } from './app-context';

/** Main's implementation of every contract method; `satisfies` makes a missing one a compile error. */
export const handlers = {
  ...vaultHandlers,
  ...fileHandlers,
  ...familyHandlers,
  ...caseHandlers,
  ...timelineHandlers,
  ...deadlineHandlers,
  ...ieeHandlers,
  ...calendarHandlers,
  ...dashboardHandlers,
  ...agreementHandlers,
  ...protectionHandlers,
  ...documentHandlers,
  ...meetingHandlers,
  ...searchHandlers,
  ...timeHandlers,
  ...diagnosticsHandlers,
} satisfies Handlers<AppContext>;
