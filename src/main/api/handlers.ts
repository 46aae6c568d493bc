import { existsSync } from 'node:fs';
import { AppError } from '@shared/api/errors';
import type { VaultManager } from '../vault/vault-manager';
import type { ServiceContext } from '../services/context';
import { createCase, getCase, linkContact, listCases, setCaseArchived, unlinkContact, updateCase } from '../services/cases/cases-service';
import { createContact, deleteContact, listContacts, updateContact } from '../services/contacts/contacts-service';
import { createDistrict, listDistricts, updateDistrict } from '../services/districts/districts-service';
import { createEvent, deleteEvent, listEvents, updateEvent } from '../services/events/events-service';
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
} from '../services/families/families-service';
import { seedDemoCaseload } from '../demo/demo-caseload';
import type { Handlers } from './dispatcher';

export interface AppContext {
  vault: VaultManager;
  now: () => Date;
  /** Where "open the demo caseload" keeps its own vault. */
  demoPath: string;
}

function services(ctx: AppContext): ServiceContext {
  return { db: ctx.vault.db(), now: ctx.now };
}

/** Main's implementation of every contract method; `satisfies` makes a missing one a compile error. */
export const handlers = {
  'vault.status': (_input, ctx) => ctx.vault.status(),
  'vault.create': async (input, ctx) => ctx.vault.create(input.passphrase),
  'vault.createDemo': async (input, ctx) => {
    if (ctx.vault.isUnlocked()) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before opening the demo caseload.');
    if (existsSync(ctx.demoPath)) {
      throw new AppError('VAULT_EXISTS', 'The demo caseload already exists. Unlock it with the passphrase you chose for it.');
    }
    ctx.vault.usePath(ctx.demoPath);
    const created = await ctx.vault.create(input.passphrase);
    seedDemoCaseload(services(ctx), { families: input.families, seed: 1, today: ctx.now() });
    return created;
  },
  'vault.unlock': async (input, ctx) => ctx.vault.unlock(input),
  'vault.lock': (_input, ctx) => ctx.vault.lock(),
  'vault.usePath': (input, ctx) => ctx.vault.usePath(input.path),
  'vault.changePassphrase': async (input, ctx) => {
    await ctx.vault.changePassphrase(input.currentPassphrase, input.passphrase);
    return { ok: true as const };
  },

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

  'cases.list': (input, ctx) => listCases(services(ctx), input),
  'cases.get': (input, ctx) => getCase(services(ctx), input.id),
  'cases.create': (input, ctx) => createCase(services(ctx), input),
  'cases.update': (input, ctx) => updateCase(services(ctx), input),
  'cases.setArchived': (input, ctx) => setCaseArchived(services(ctx), input),
  'cases.linkContact': (input, ctx) => linkContact(services(ctx), input),
  'cases.unlinkContact': (input, ctx) => unlinkContact(services(ctx), input),

  'contacts.list': (input, ctx) => listContacts(services(ctx), input),
  'contacts.create': (input, ctx) => createContact(services(ctx), input),
  'contacts.update': (input, ctx) => updateContact(services(ctx), input),
  'contacts.delete': (input, ctx) => deleteContact(services(ctx), input.id),

  'events.list': (input, ctx) => listEvents(services(ctx), input),
  'events.create': (input, ctx) => createEvent(services(ctx), input),
  'events.update': (input, ctx) => updateEvent(services(ctx), input),
  'events.delete': (input, ctx) => deleteEvent(services(ctx), input.id),
} satisfies Handlers<AppContext>;
