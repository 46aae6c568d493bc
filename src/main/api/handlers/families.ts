import { createDistrict, listDistricts, updateDistrict } from '../../services/districts/districts-service';
import {
  createFamily,
  createGuardian,
  createStudent,
  deleteGuardian,
  deleteStudent,
  getFamily,
  listFamilies,
  purgeFamily,
  updateFamily,
  updateGuardian,
  updateStudent,
} from '../../services/families/families-service';
import type { familyMethods } from '@shared/api/methods/families';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const familyHandlers = {
  'families.list': (input, ctx) => listFamilies(services(ctx), input),
  'families.get': (input, ctx) => getFamily(services(ctx), input.id),
  'families.create': (input, ctx) => createFamily(services(ctx), input),
  'families.update': (input, ctx) => updateFamily(services(ctx), input),
  'families.purge': (input, ctx) => purgeFamily(services(ctx), input),
  'guardians.create': (input, ctx) => createGuardian(services(ctx), input),
  'guardians.update': (input, ctx) => updateGuardian(services(ctx), input),
  'guardians.delete': (input, ctx) => deleteGuardian(services(ctx), input.id),
  'students.create': (input, ctx) => createStudent(services(ctx), input),
  'students.update': (input, ctx) => updateStudent(services(ctx), input),
  'students.delete': (input, ctx) => deleteStudent(services(ctx), input.id),
  'districts.list': (_input, ctx) => listDistricts(services(ctx)),
  'districts.create': (input, ctx) => createDistrict(services(ctx), input),
  'districts.update': (input, ctx) => updateDistrict(services(ctx), input),
} satisfies DomainHandlers<keyof typeof familyMethods, AppContext>;
