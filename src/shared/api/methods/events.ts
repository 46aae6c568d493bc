/** The case timeline (chronology). */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { timelineEvent, eventFields } from '../../domain/entities';
import { EVENT_TYPES } from '../../domain/vocabulary';
import { method, ok } from '../method';

export const timelineMethods = {
  'events.list': method(
    "A case's timeline in date order, optionally only some types",
    z.strictObject({ caseId: recordId, types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional() }),
    z.array(timelineEvent),
  ),
  'events.create': method('Add a timeline event', z.strictObject({ caseId: recordId, fields: eventFields }), timelineEvent),
  'events.update': method('Edit a timeline event', z.strictObject({ id: recordId, fields: eventFields }), timelineEvent),
  'events.delete': method('Delete a timeline event', z.strictObject({ id: recordId }), ok),
  /** Confirm (or correct) the kind of a fact whose kind was guessed when the vault was migrated. */
  'events.confirmKind': method(
    'Confirm the kind of a fact carried over from before kinds',
    z.strictObject({ id: recordId, kind: z.string().trim().min(1).max(40).nullable() }),
    timelineEvent,
  ),
} as const;
