import { binderPlanFor, buildBinderForRenderer } from '../../services/bundles';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { bundlesMethods } from '@shared/api/methods/bundles';

export const bundlesHandlers = {
  'bundles.binderPlan': (input, ctx) => binderPlanFor(services(ctx), input.caseId, input.options),
  'bundles.buildBinder': (input, ctx) => buildBinderForRenderer(services(ctx), input),
} satisfies DomainHandlers<keyof typeof bundlesMethods, AppContext>;
