import {
  CASE_STAGES,
  CASE_STAGE_LABELS,
  CONTACT_ROLES,
  CONTACT_ROLE_LABELS,
  EVENT_TYPES,
  EVENT_TYPE_LABELS,
  JURISDICTION_CODES,
  type CaseStage,
  type EventType,
} from '@shared/domain/vocabulary';
import { CASE_SORTS } from '@shared/domain/entities';

export const STAGE_OPTIONS = CASE_STAGES.map((value) => ({ value, label: CASE_STAGE_LABELS[value] }));
export const ROLE_OPTIONS = CONTACT_ROLES.map((value) => ({ value, label: CONTACT_ROLE_LABELS[value] }));

/** 'US' means no state overrides: the federal rules of 34 CFR Part 300 apply as written. */
export function jurisdictionLabel(code: string): string {
  return code === 'US' ? 'Federal defaults' : code;
}
export const JURISDICTION_OPTIONS = JURISDICTION_CODES.map((value) => ({ value, label: jurisdictionLabel(value) }));
export const STATE_OPTIONS = JURISDICTION_CODES.filter((code) => code !== 'US').map((value) => ({ value, label: value }));

export const SORT_LABELS: Record<(typeof CASE_SORTS)[number], string> = {
  recent_activity: 'Recent activity',
  urgency: 'Next deadline',
  family: 'Family name',
  student: 'Student name',
  stage: 'Stage',
  opened: 'Date opened',
};
export const SORT_OPTIONS = CASE_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }));

/**
 * Event types from 'consent_to_evaluate' on are the facts that start federal or state clocks
 * (34 CFR Part 300); the deadline engine reads them as triggers, so the UI sets them apart.
 */
const FIRST_TRIGGER = EVENT_TYPES.indexOf('consent_to_evaluate');
export function isTriggerEvent(type: EventType): boolean {
  return EVENT_TYPES.indexOf(type) >= FIRST_TRIGGER;
}
export const EVENT_TYPE_GROUPS = [
  {
    group: 'Communications and records',
    items: EVENT_TYPES.filter((type) => !isTriggerEvent(type)).map((value) => ({ value, label: EVENT_TYPE_LABELS[value] })),
  },
  {
    group: 'Legal facts (start or close a clock)',
    items: EVENT_TYPES.filter((type) => isTriggerEvent(type)).map((value) => ({ value, label: EVENT_TYPE_LABELS[value] })),
  },
];

const STAGE_COLORS: Record<CaseStage, string> = {
  intake: 'gray',
  informal_negotiation: 'blue',
  iep_meeting: 'indigo',
  iee: 'violet',
  mediation: 'grape',
  state_complaint: 'orange',
  due_process: 'red',
  monitoring: 'teal',
  closed: 'dark',
};
export function stageColor(stage: CaseStage): string {
  return STAGE_COLORS[stage];
}
