import { listClaims, createClaim, updateClaim, recordClaimFiled, deleteClaim } from '../../services/claims/claims-service';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { claimsMethods } from '@shared/api/methods/claims';

export const claimsHandlers = {
  'claims.list': (input, ctx) => listClaims(services(ctx), input),
  'claims.create': (input, ctx) => createClaim(services(ctx), input),
  'claims.update': (input, ctx) => updateClaim(services(ctx), input),
  'claims.recordFiled': (input, ctx) => recordClaimFiled(services(ctx), input),
  'claims.delete': (input, ctx) => deleteClaim(services(ctx), input.id),
} satisfies DomainHandlers<keyof typeof claimsMethods, AppContext>;
