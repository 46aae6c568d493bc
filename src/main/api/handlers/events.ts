import { confirmEventKind, createEvent, deleteEvent, listEvents, updateEvent } from '../../services/events/events-service';
import type { timelineMethods } from '@shared/api/methods/events';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const timelineHandlers = {
  'events.list': (input, ctx) => listEvents(services(ctx), input),
  'events.create': (input, ctx) => createEvent(services(ctx), input),
  'events.update': (input, ctx) => updateEvent(services(ctx), input),
  'events.delete': (input, ctx) => deleteEvent(services(ctx), input.id),
  'events.confirmKind': (input, ctx) => confirmEventKind(services(ctx), input),
} satisfies DomainHandlers<keyof typeof timelineMethods, AppContext>;
