import type { Handlers } from './dispatcher';
import type { AppContext } from './app-context';
import { agreementHandlers } from './handlers/agreements';
import { auditHandlers } from './handlers/audit';
import { backupsHandlers } from './handlers/backups';
import { bundlesHandlers } from './handlers/bundles';
import { calendarHandlers } from './handlers/calendars';
import { caseHandlers } from './handlers/cases';
import { claimsHandlers } from './handlers/claims';
import { consentsHandlers } from './handlers/consents';
import { contactsHandlers } from './handlers/contacts';
import { dashboardHandlers } from './handlers/dashboard';
import { deadlineHandlers } from './handlers/deadlines';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { districtsHandlers } from './handlers/districts';
import { documentHandlers } from './handlers/documents';
import { escalationHandlers } from './handlers/escalation';
import { timelineHandlers } from './handlers/events';
import { familyHandlers } from './handlers/families';
import { fileHandlers } from './handlers/files';
import { ieeHandlers } from './handlers/iee';
import { iepsHandlers } from './handlers/ieps';
import { jurisdictionsHandlers } from './handlers/jurisdictions';
import { lettersHandlers } from './handlers/letters';
import { meetingHandlers } from './handlers/meetings';
import { profileHandlers } from './handlers/profile';
import { retentionHandlers } from './handlers/retention';
import { searchHandlers } from './handlers/search';
import { sessionHandlers } from './handlers/session';
import { timeHandlers } from './handlers/time';
import { trialsHandlers } from './handlers/trials';
import { vaultHandlers } from './handlers/vault';

export type { AppContext } from './app-context';

/** Main's implementation of every contract method; `satisfies` makes a missing one a compile error. */
export const handlers = {
  ...agreementHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...bundlesHandlers,
  ...calendarHandlers,
  ...caseHandlers,
  ...claimsHandlers,
  ...consentsHandlers,
  ...contactsHandlers,
  ...dashboardHandlers,
  ...deadlineHandlers,
  ...diagnosticsHandlers,
  ...districtsHandlers,
  ...documentHandlers,
  ...escalationHandlers,
  ...timelineHandlers,
  ...familyHandlers,
  ...fileHandlers,
  ...ieeHandlers,
  ...iepsHandlers,
  ...jurisdictionsHandlers,
  ...lettersHandlers,
  ...meetingHandlers,
  ...profileHandlers,
  ...retentionHandlers,
  ...searchHandlers,
  ...sessionHandlers,
  ...timeHandlers,
  ...trialsHandlers,
  ...vaultHandlers,
} satisfies Handlers<AppContext>;
