import type { meetingMethods } from '@shared/api/methods/meetings';
import {
  createDecision,
  createMeeting,
  createTasksFromDecisions,
  deleteDecision,
  deleteMeeting,
  draftParentConcerns,
  getMeeting,
  listMeetings,
  saveNotes,
  savePreparation,
  updateDecision,
  updateMeeting,
  listMeetingItems,
  createMeetingItem,
  updateMeetingItem,
  deleteMeetingItem,
  setItemReflected,
  setMeetingOutcome,
} from '../../services/meetings';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const meetingHandlers = {
  'meetings.list': (input, ctx) => listMeetings(services(ctx), input),
  'meetings.get': (input, ctx) => getMeeting(services(ctx), input.id),
  'meetings.create': (input, ctx) => createMeeting(services(ctx), input),
  'meetings.update': (input, ctx) => updateMeeting(services(ctx), input),
  'meetings.delete': (input, ctx) => deleteMeeting(services(ctx), input.id),
  'meetings.savePreparation': (input, ctx) => savePreparation(services(ctx), input),
  'meetings.saveNotes': (input, ctx) => saveNotes(services(ctx), input),
  'meetings.draftParentConcerns': (input, ctx) => draftParentConcerns(services(ctx), input),
  'meetings.createTasksFromDecisions': (input, ctx) => createTasksFromDecisions(services(ctx), input),
  'meetings.createDecision': (input, ctx) => createDecision(services(ctx), input),
  'meetings.updateDecision': (input, ctx) => updateDecision(services(ctx), input),
  'meetings.deleteDecision': (input, ctx) => deleteDecision(services(ctx), input.id),
  'meetings.listItems': (input, ctx) => listMeetingItems(services(ctx), input),
  'meetings.createItem': (input, ctx) => createMeetingItem(services(ctx), input),
  'meetings.updateItem': (input, ctx) => updateMeetingItem(services(ctx), input),
  'meetings.deleteItem': (input, ctx) => deleteMeetingItem(services(ctx), input.id),
  'meetings.setItemReflected': (input, ctx) => setItemReflected(services(ctx), input),
  'meetings.setOutcome': (input, ctx) => setMeetingOutcome(services(ctx), input),
} satisfies DomainHandlers<keyof typeof meetingMethods, AppContext>;
