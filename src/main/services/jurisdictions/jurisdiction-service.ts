import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { JurisdictionSummary } from '@shared/domain/deadline-entities';
import {
  federalJurisdiction,
  findJurisdictionPreset,
  jurisdictionPresets,
  jurisdictionSchema,
  resolveRules,
  ruleOverrideSchema,
  type Jurisdiction,
  type RuleOverride,
} from '@shared/deadlines';
import type { VaultDb } from '../../db/connection';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { deleteSetting, readSetting, readSettingsWithPrefix, writeSetting } from '../deadlines/settings-store';

/**
 * The advocate's changes to one jurisdiction, stored in settings under 'jurisdiction:<code>'.
 * A changed rule replaces the preset's change to that rule as a whole (a new number makes the
 * preset's note about the old number wrong); clearing it brings the preset's version back.
 */
const storedJurisdictionSchema = z.object({ overrides: z.record(z.string(), ruleOverrideSchema) });
type StoredJurisdiction = z.infer<typeof storedJurisdictionSchema>;

const settingPrefix = 'jurisdiction:';

function parseStored(value: unknown): StoredJurisdiction {
  const parsed = storedJurisdictionSchema.safeParse(value);
  // A damaged setting must not take every deadline down with it: fall back to the preset.
  return parsed.success ? parsed.data : { overrides: {} };
}

/** The preset for a code, or the federal rules under the state's code for states without one. */
function baseJurisdiction(code: string): Jurisdiction {
  return findJurisdictionPreset(code) ?? { ...federalJurisdiction, code, name: code === 'US' ? federalJurisdiction.name : `${code} (federal rules)` };
}

function merge(code: string, stored: StoredJurisdiction | undefined): Jurisdiction {
  const base = baseJurisdiction(code);
  if (!stored || Object.keys(stored.overrides).length === 0) return base;
  return { ...base, overrides: { ...base.overrides, ...stored.overrides } };
}

/**
 * Every jurisdiction's effective rules, read once: the dashboard resolves many cases against a
 * few jurisdictions, and the engine caches its work per jurisdiction object.
 */
export function jurisdictionResolver(db: VaultDb): (code: string) => Jurisdiction {
  const stored = readSettingsWithPrefix(db, settingPrefix);
  const cache = new Map<string, Jurisdiction>();
  return (code) => {
    let jurisdiction = cache.get(code);
    if (!jurisdiction) {
      const value = stored.get(code);
      jurisdiction = merge(code, value === undefined ? undefined : parseStored(value));
      cache.set(code, jurisdiction);
    }
    return jurisdiction;
  };
}

function summarize(code: string, stored: StoredJurisdiction | undefined): JurisdictionSummary {
  const jurisdiction = merge(code, stored);
  const userOverrides = stored?.overrides ?? {};
  return {
    code,
    name: jurisdiction.name,
    isPreset: findJurisdictionPreset(code) !== undefined,
    isVerified: jurisdiction.isVerified,
    note: jurisdiction.note ?? null,
    rules: resolveRules(jurisdiction).map((rule) => ({
      id: rule.id,
      name: rule.name,
      citation: rule.citation,
      federalCitation: rule.federalCitation,
      trigger: rule.trigger,
      offset: rule.offset,
      weekendPolicy: rule.weekendPolicy,
      source: rule.source,
      isVerified: rule.isVerified,
      isUserThreshold: rule.isUserThreshold,
      isUserOverride: rule.id in userOverrides,
      note: rule.note,
      description: rule.description,
    })),
    userOverrides,
  };
}

/** The presets first (federal, then states in shipped order), then other states the advocate changed. */
export function listJurisdictions(ctx: ServiceContext): JurisdictionSummary[] {
  const stored = readSettingsWithPrefix(ctx.db, settingPrefix);
  const presetCodes = jurisdictionPresets.map((jurisdiction) => jurisdiction.code);
  const otherCodes = [...stored.keys()].filter((code) => !presetCodes.includes(code)).sort();
  return [...presetCodes, ...otherCodes].map((code) => {
    const value = stored.get(code);
    return summarize(code, value === undefined ? undefined : parseStored(value));
  });
}

function readStored(db: VaultDb, code: string): StoredJurisdiction {
  const value = readSetting(db, `${settingPrefix}${code}`);
  return value === undefined ? { overrides: {} } : parseStored(value);
}

export function setJurisdictionOverride(ctx: ServiceContext, input: ParsedInput<'jurisdictions.setOverride'>): JurisdictionSummary {
  return ctx.db.sqlite.transaction(() => {
    const stored = readStored(ctx.db, input.code);
    // What the advocate types in is theirs: verified unless they say otherwise.
    const override: RuleOverride = { ...input.override, isVerified: input.override.isVerified ?? true };
    const next: StoredJurisdiction = { overrides: { ...stored.overrides, [input.ruleId]: override } };
    const checked = jurisdictionSchema.safeParse(merge(input.code, next));
    if (!checked.success) {
      throw new AppError('VALIDATION', `'${input.ruleId}' is not a rule of this jurisdiction.`, { ruleId: 'Unknown rule' });
    }
    writeSetting(ctx.db, `${settingPrefix}${input.code}`, next);
    recordAudit(ctx.db, { action: 'update', entity: 'jurisdiction_rule', entityId: null, familyId: null, detail: `${input.code}:${input.ruleId}` }, ctx.now());
    return summarize(input.code, next);
  })();
}

export function clearJurisdictionOverride(ctx: ServiceContext, input: ParsedInput<'jurisdictions.clearOverride'>): JurisdictionSummary {
  return ctx.db.sqlite.transaction(() => {
    const stored = readStored(ctx.db, input.code);
    if (!(input.ruleId in stored.overrides)) return summarize(input.code, stored);
    const { [input.ruleId]: _cleared, ...rest } = stored.overrides;
    const next: StoredJurisdiction = { overrides: rest };
    if (Object.keys(rest).length === 0) deleteSetting(ctx.db, `${settingPrefix}${input.code}`);
    else writeSetting(ctx.db, `${settingPrefix}${input.code}`, next);
    recordAudit(ctx.db, { action: 'delete', entity: 'jurisdiction_rule', entityId: null, familyId: null, detail: `${input.code}:${input.ruleId}` }, ctx.now());
    return summarize(input.code, next);
  })();
}
