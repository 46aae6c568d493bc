/** The jurisdictions.* methods. */

import { method } from '../method';
import { emptyInput } from '../../domain/common';
import { z } from 'zod';
import { jurisdictionSummary } from '../../domain/deadline-entities';
import { JURISDICTION_CODES } from '../../domain/vocabulary';
import { ruleOverrideSchema } from '../../deadlines';

const ruleId = z.string().min(1).max(100);

export const jurisdictionsMethods = {
  /** The federal rules, the shipped state presets and every state the advocate changed, each with its resolved rules. */
  'jurisdictions.list': method('Jurisdictions with their rules and the advocate’s overrides', emptyInput, z.array(jurisdictionSummary)),
  /** Change one rule for one jurisdiction; replaces any preset change to that rule (audited). */
  'jurisdictions.setOverride': method(
    'Change one rule of a jurisdiction',
    z.strictObject({ code: z.enum(JURISDICTION_CODES), ruleId, override: ruleOverrideSchema.strict() }),
    jurisdictionSummary,
  ),
  /** Remove the advocate's change to one rule: back to the preset (or federal) value (audited). */
  'jurisdictions.clearOverride': method(
    'Undo a change to one rule of a jurisdiction',
    z.strictObject({ code: z.enum(JURISDICTION_CODES), ruleId }),
    jurisdictionSummary,
  ),
} as const;
