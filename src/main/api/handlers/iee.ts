import { createIeeRequest, deleteIeeRequest, getIeeSettings, listIeeRequests, setIeeSettings, updateIeeRequest } from '../../services/iee/iee-service';
import type { ieeMethods } from '@shared/api/methods/iee';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const ieeHandlers = {
  'iee.list': (input, ctx) => listIeeRequests(services(ctx), input),
  'iee.create': (input, ctx) => createIeeRequest(services(ctx), input),
  'iee.update': (input, ctx) => updateIeeRequest(services(ctx), input),
  'iee.delete': (input, ctx) => deleteIeeRequest(services(ctx), input.id),
  'iee.getSettings': (_input, ctx) => getIeeSettings(services(ctx)),
  'iee.setSettings': (input, ctx) => setIeeSettings(services(ctx), input),
} satisfies DomainHandlers<keyof typeof ieeMethods, AppContext>;
