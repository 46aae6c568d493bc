import { getAdvocateProfile, setAdvocateProfile } from '../../services/documents';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { profileMethods } from '@shared/api/methods/profile';

export const profileHandlers = {
  'profile.get': (_input, ctx) => getAdvocateProfile(services(ctx)),
  'profile.set': (input, ctx) => setAdvocateProfile(services(ctx), input),
} satisfies DomainHandlers<keyof typeof profileMethods, AppContext>;
