import { listJurisdictions, setJurisdictionOverride, clearJurisdictionOverride } from '../../services/jurisdictions/jurisdiction-service';
import { services, type AppContext } from '../app-context';
import { withDeadlineRefresh } from '../deadline-refresh';
import type { DomainHandlers } from '../dispatcher';
import type { jurisdictionsMethods } from '@shared/api/methods/jurisdictions';

export const jurisdictionsHandlers = {
  'jurisdictions.list': (_input, ctx) => listJurisdictions(services(ctx)),
  'jurisdictions.setOverride': (input, ctx) => withDeadlineRefresh(ctx, setJurisdictionOverride(services(ctx), input)),
  'jurisdictions.clearOverride': (input, ctx) => withDeadlineRefresh(ctx, clearJurisdictionOverride(services(ctx), input)),
} satisfies DomainHandlers<keyof typeof jurisdictionsMethods, AppContext>;
