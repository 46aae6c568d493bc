/**
 * The one event channel, beside the request channel: what main pushes to the renderer without
 * being asked. Declared like methods (a name, a zod payload, a summary); main validates every
 * payload before it leaves (src/main/process/event-bus.ts), the renderer's `onEvent` is typed from
 * this table, and the preload forwards only these names. Payloads carry ids, counts and states,
 * never case data.
 *
 * Adding an event: declare it here, emit it from the service host with `events.emit(name, payload)`,
 * listen with `onEvent(name, listener)` from src/renderer/api/client.ts.
 */
import { z } from 'zod';
import { binderJobId } from '../domain/documents';
import { vaultState } from './vault-schemas';

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

function event<P extends z.ZodType>(summary: string, payload: P): EventSpec<P> {
  return { payload, summary };
}

export const LOCK_REASONS = ['idle', 'system_idle', 'suspend', 'screen_locked', 'on_demand', 'user'] as const;

export const eventContract = {
  'jobs.progress': event(
    'How far a long job (a binder build, a background recompute of deadlines) has got; the last one has isFinished',
    z.strictObject({
      jobId: binderJobId,
      kind: z.enum(['binder', 'deadlines']),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      label: z.string().max(300),
      isFinished: z.boolean(),
    }),
  ),
  'vault.changed': event(
    'The vault was unlocked, locked or switched: re-read vault.status. `reason` says why a lock happened',
    z.strictObject({ state: vaultState, reason: z.enum(LOCK_REASONS).nullable() }),
  ),
  'vault.autoLockWarning': event(
    'The vault locks itself soon unless the advocate does something',
    z.strictObject({ secondsLeft: z.number().int().nonnegative() }),
  ),
  'data.changed': event('A call changed stored data (the method that did it), so open screens can refresh', z.strictObject({ method: z.string().max(100) })),
} as const;

export type EventContract = typeof eventContract;
export type EventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]['payload']>;
/** What travels on the channel. */
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(eventContract, value);
}
