import { getRetentionSettings, setRetentionSettings, listRetentionFlags } from '../../services/retention/retention-service';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { retentionMethods } from '@shared/api/methods/retention';

export const retentionHandlers = {
  'retention.getSettings': (_input, ctx) => getRetentionSettings(services(ctx)),
  'retention.setSettings': (input, ctx) => setRetentionSettings(services(ctx), input),
  'retention.flagged': (_input, ctx) => listRetentionFlags(services(ctx)),
} satisfies DomainHandlers<keyof typeof retentionMethods, AppContext>;
