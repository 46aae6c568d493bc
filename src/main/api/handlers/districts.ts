import { listDistricts, createDistrict, updateDistrict } from '../../services/districts/districts-service';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { districtsMethods } from '@shared/api/methods/districts';

export const districtsHandlers = {
  'districts.list': (_input, ctx) => listDistricts(services(ctx)),
  'districts.create': (input, ctx) => createDistrict(services(ctx), input),
  'districts.update': (input, ctx) => updateDistrict(services(ctx), input),
} satisfies DomainHandlers<keyof typeof districtsMethods, AppContext>;
