import { addTrialEntry, createTrial, deleteTrial, deleteTrialEntry, listTrials, trialsForMeeting, updateTrial } from '../../services/trials';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { trialsMethods } from '@shared/api/methods/trials';

export const trialsHandlers = {
  'trials.list': (input, ctx) => listTrials(services(ctx), input),
  'trials.forMeeting': (input, ctx) => trialsForMeeting(services(ctx), input.meetingId),
  'trials.create': (input, ctx) => createTrial(services(ctx), input),
  'trials.update': (input, ctx) => updateTrial(services(ctx), input),
  'trials.delete': (input, ctx) => deleteTrial(services(ctx), input.id),
  'trials.addEntry': (input, ctx) => addTrialEntry(services(ctx), input),
  'trials.deleteEntry': (input, ctx) => deleteTrialEntry(services(ctx), input.id),
} satisfies DomainHandlers<keyof typeof trialsMethods, AppContext>;
