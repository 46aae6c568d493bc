import { getDashboard } from '../../services/dashboard/dashboard-service';
import type { dashboardMethods } from '@shared/api/methods/dashboard';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const dashboardHandlers = {
  'dashboard.get': (_input, ctx) => getDashboard(services(ctx)),
} satisfies DomainHandlers<keyof typeof dashboardMethods, AppContext>;
