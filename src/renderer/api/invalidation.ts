import type { QueryKey } from '@tanstack/react-query';
import { isMethodName, type MethodName } from '@shared/api/contract';

/**
 * The one place that says which cached reads a change makes stale. Both kinds of change go
 * through it: this window's own writes (`useApiMutation`) and main's `data.changed` events (a
 * call from the CLI, a test, a scheduled job or another window). Keys are prefixes, so
 * ['deadlines'] covers every case's deadline list.
 *
 * It is written per domain (the part of a method name before the dot), because a screen shows a
 * domain's facts, and it is typed so that a new domain in the contract does not compile until
 * it says what it changes. A domain's entry lists every screen its facts appear on: an event may
 * start or stop a clock (deadlines, dashboard, calendar), is a case's last activity (caseload),
 * is searchable, and may close an IEE request.
 */
type Domain = MethodName extends `${infer D}.${string}` ? D : never;

// Red flags and the next step read deadlines, IEE requests, meetings, claims and agreements: they follow every deadline view.
const DEADLINE_VIEWS: QueryKey[] = [['deadlines'], ['dashboard'], ['calendar'], ['cases'], ['families'], ['escalation']];
const FAMILY_VIEWS: QueryKey[] = [
  ['families'],
  ['cases'],
  ['contacts'],
  ['dashboard'],
  ['search'],
  ['events'],
  ['deadlines'],
  ['meetings'],
  ['calendar'],
  ['time'],
];

const CHANGES: Record<Domain, QueryKey[]> = {
  events: [['events'], ...DEADLINE_VIEWS, ['iee'], ['search'], ['meetings'], ['documents'], ['binder-plan']],
  // Tasks are deadlines: completing one may record an event or a meeting outcome.
  deadlines: [...DEADLINE_VIEWS, ['events'], ['meetings']],
  claims: [...DEADLINE_VIEWS, ['binder-plan']],
  // A stage change shows on the case, the caseload and the dashboard's stage counts.
  escalation: [['escalation'], ['cases'], ['dashboard'], ['search'], ['binder-plan']],
  jurisdictions: [['jurisdictions'], ...DEADLINE_VIEWS],
  meetings: [['meetings'], ...DEADLINE_VIEWS, ['events'], ['search']],
  agreements: [['agreements'], ...DEADLINE_VIEWS, ['binder-plan']],
  documents: [['documents'], ['agreements'], ['binder-plan'], ['events'], ['search'], ['cases']],
  bundles: [['documents'], ['binder-plan']],
  // Marking a letter sent records an event and may start the records clock or an IEE request.
  letters: [['documents'], ['binder-plan'], ['events'], ['iee'], ['search'], ...DEADLINE_VIEWS],
  cases: [['cases'], ['families'], ['contacts'], ['search'], ...DEADLINE_VIEWS, ['time']],
  contacts: [['contacts'], ['cases'], ['events'], ['search']],
  families: FAMILY_VIEWS,
  districts: [['districts'], ['contacts'], ['cases'], ['families'], ['school-calendars'], ['agreements'], ...DEADLINE_VIEWS],
  iee: [['iee'], ['iee-settings'], ['events'], ...DEADLINE_VIEWS],
  calendars: [['school-calendars'], ['agreements'], ...DEADLINE_VIEWS],
  time: [['time']],
  ieps: [['ieps'], ['search'], ['binder-plan']],
  // A consent to evaluate is the fact the evaluation clock counts from.
  consents: [['consents'], ['events'], ['letters'], ...DEADLINE_VIEWS],
  trials: [['trials'], ['search'], ['binder-plan'], ['meetings']],
  search: [],
  dashboard: [],
  diagnostics: [],
  files: [['documents']],
  profile: [['advocate-profile'], ['settings']],
  session: [['settings', 'autoLock']],
  backups: [['backups'], ['settings', 'backups']],
  retention: [['retention'], ['settings', 'retention'], ...FAMILY_VIEWS],
  audit: [],
  vault: [['vault.deviceKeyStatus']],
};

/** Every write leaves an audit row, so the audit log is stale after any change. */
const ALWAYS: QueryKey[] = [['audit']];

/**
 * The query key prefixes a change by `method` makes stale. An unknown method (a newer main, a
 * typo in an event) answers null: refresh everything rather than show stale data.
 */
export function keysChangedBy(method: string): QueryKey[] | null {
  if (!isMethodName(method)) return null;
  const domain = method.slice(0, method.indexOf('.')) as Domain;
  const keys = CHANGES[domain];
  return [...keys, ...ALWAYS];
}
