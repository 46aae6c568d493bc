import { z } from 'zod';
import {
  deadlineRuleSchema,
  federalRules,
  offsetSchema,
  weekendPolicySchema,
  type DeadlineRule,
} from './rules';

/** A state's change to one federal rule. Omitted fields keep the federal value. */
export const ruleOverrideSchema = z.object({
  offset: offsetSchema.optional(),
  weekendPolicy: weekendPolicySchema.optional(),
  /** The state's own citation, shown instead of (and beside) the CFR one. */
  citation: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  /** The state does not use this rule (rare; e.g. a rule replaced by an additional state rule). */
  isDisabled: z.boolean().optional(),
  /**
   * The advocate checked this rule against current state law (or typed it in themselves), so it
   * is verified even while the rest of an unverified preset is not.
   */
  isVerified: z.boolean().optional(),
});
export type RuleOverride = z.infer<typeof ruleOverrideSchema>;

const federalRuleIds = new Set(federalRules.map((rule) => rule.id));

export const jurisdictionSchema = z
  .object({
    code: z.string().regex(/^(US|[A-Z]{2})$/, "'US' or a two-letter state code"),
    name: z.string().min(1),
    /** False for shipped presets until the advocate has checked them against current law. */
    isVerified: z.boolean(),
    note: z.string().optional(),
    overrides: z.record(z.string(), ruleOverrideSchema),
    /** State-only rules with no federal counterpart (e.g. California's assessment plan). */
    additionalRules: z.array(deadlineRuleSchema).default([]),
  })
  .superRefine((jurisdiction, context) => {
    const knownIds = new Set([...federalRuleIds, ...jurisdiction.additionalRules.map((rule) => rule.id)]);
    for (const ruleId of Object.keys(jurisdiction.overrides)) {
      if (!knownIds.has(ruleId)) {
        context.addIssue({ code: 'custom', path: ['overrides', ruleId], message: `Unknown rule '${ruleId}'` });
      }
    }
    for (const rule of jurisdiction.additionalRules) {
      if (federalRuleIds.has(rule.id)) {
        context.addIssue({
          code: 'custom',
          path: ['additionalRules'],
          message: `'${rule.id}' is a federal rule; override it instead of adding it again`,
        });
      }
    }
  });
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/** A rule as it applies in one jurisdiction, with where its numbers came from. */
export type ResolvedRule = DeadlineRule & {
  source: 'federal' | 'state';
  /** The CFR citation the state rule implements, when it overrides a federal rule. */
  federalCitation: string | null;
  note: string | null;
  /** False when the numbers come from a state preset nobody has verified yet. */
  isVerified: boolean;
};

const verifyNote = 'verify against current state regulations';

export const federalJurisdiction: Jurisdiction = {
  code: 'US',
  name: 'Federal (IDEA, 34 CFR Part 300)',
  isVerified: true,
  overrides: {},
  additionalRules: [],
};

/**
 * Commonly cited state timelines, shipped as editable examples. Every preset is unverified:
 * state law changes and the advocate must check it before relying on it.
 */
export const statePresets: Jurisdiction[] = [
  {
    code: 'TX',
    name: 'Texas',
    isVerified: false,
    note: `Preset from commonly cited Texas timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 45, unit: 'school_days' },
        citation: 'Tex. Educ. Code 29.004; 19 TAC 89.1011',
        note: `45 school days from consent, extended when the student misses 3 or more school days; consent received 35 to 44 school days before the last instructional day moves the report to June 30. ${verifyNote}.`,
      },
      'due-process-limitation': {
        offset: { amount: 1, unit: 'years' },
        citation: '19 TAC 89.1151(c)',
        note: `Texas limits due process complaints to 1 year. ${verifyNote}.`,
      },
    },
    additionalRules: [],
  },
  {
    code: 'IL',
    name: 'Illinois',
    isVerified: false,
    note: `Preset from commonly cited Illinois timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 60, unit: 'school_days' },
        citation: '105 ILCS 5/14-8.02(b); 23 Ill. Adm. Code 226.110',
        note: `60 school days from consent to complete the evaluation and hold the eligibility meeting. ${verifyNote}.`,
      },
      'records-request': {
        offset: { amount: 10, unit: 'business_days' },
        citation: '105 ILCS 10/5 (Illinois School Student Records Act)',
        note: `Illinois requires access to school student records within 10 business days of the request. ${verifyNote}.`,
      },
    },
    additionalRules: [],
  },
  {
    code: 'CA',
    name: 'California',
    isVerified: false,
    note: `Preset from commonly cited California timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 60, unit: 'calendar_days', excludesBreaksLongerThanSchoolDays: 5 },
        citation: 'Cal. Educ. Code 56043(c), 56344(a)',
        note: `60 days from consent to the IEP meeting, not counting days between school sessions or vacations of more than 5 school days. ${verifyNote}.`,
      },
      'records-request': {
        offset: { amount: 5, unit: 'business_days' },
        citation: 'Cal. Educ. Code 56504',
        note: `California requires copies of records within 5 business days of the request. ${verifyNote}.`,
      },
    },
    additionalRules: [
      /** Cal. Educ. Code 56043(a), 56321(a): a proposed assessment plan within 15 days of referral. */
      {
        id: 'assessment-plan',
        name: 'Assessment plan provided',
        citation: 'Cal. Educ. Code 56043(a), 56321(a)',
        trigger: 'evaluation_referral',
        offset: { amount: 15, unit: 'calendar_days', excludesBreaksLongerThanSchoolDays: 5 },
        weekendPolicy: 'flag',
        triggerSelection: 'each',
        isUserThreshold: false,
        description:
          'The district must give the parent a proposed assessment plan within 15 days of a referral, not counting school vacations of more than 5 school days.',
      },
    ],
  },
  {
    code: 'MD',
    name: 'Maryland',
    isVerified: false,
    note: `Preset from commonly cited Maryland timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 60, unit: 'calendar_days' },
        citation: 'COMAR 13A.05.01.06A',
        note: `60 days from consent to complete assessments and determine eligibility. ${verifyNote}.`,
      },
    },
    additionalRules: [],
  },
];

export const jurisdictionPresets: Jurisdiction[] = [federalJurisdiction, ...statePresets];

export function findJurisdictionPreset(code: string): Jurisdiction | undefined {
  return jurisdictionPresets.find((jurisdiction) => jurisdiction.code === code);
}

/** Merges the federal defaults with the jurisdiction's overrides and additional rules. */
export function resolveRules(jurisdiction: Jurisdiction): ResolvedRule[] {
  const knownIds = new Set([...federalRuleIds, ...jurisdiction.additionalRules.map((rule) => rule.id)]);
  for (const ruleId of Object.keys(jurisdiction.overrides)) {
    // The schema rejects these too; a stale override must never be dropped without a word.
    if (!knownIds.has(ruleId)) throw new Error(`Jurisdiction ${jurisdiction.code} overrides unknown rule '${ruleId}'`);
  }
  const federal = federalRules.flatMap((rule): ResolvedRule[] => {
    const override = jurisdiction.overrides[rule.id];
    if (!override) {
      return [{ ...rule, source: 'federal', federalCitation: null, note: null, isVerified: true }];
    }
    if (override.isDisabled) return [];
    return [
      {
        ...rule,
        offset: override.offset ?? rule.offset,
        weekendPolicy: override.weekendPolicy ?? rule.weekendPolicy,
        citation: override.citation ?? rule.citation,
        source: 'state',
        federalCitation: rule.citation,
        note: override.note ?? null,
        isVerified: override.isVerified ?? jurisdiction.isVerified,
      },
    ];
  });
  const additional = jurisdiction.additionalRules.flatMap((rule): ResolvedRule[] => {
    const override = jurisdiction.overrides[rule.id];
    if (override?.isDisabled) return [];
    return [
      {
        ...rule,
        offset: override?.offset ?? rule.offset,
        weekendPolicy: override?.weekendPolicy ?? rule.weekendPolicy,
        citation: override?.citation ?? rule.citation,
        source: 'state',
        federalCitation: null,
        note: override?.note ?? null,
        isVerified: override?.isVerified ?? jurisdiction.isVerified,
      },
    ];
  });
  return [...federal, ...additional];
}

/** Returns a copy of the jurisdiction with one rule's override replaced (the user's edit). */
export function setRuleOverride(jurisdiction: Jurisdiction, ruleId: string, override: RuleOverride): Jurisdiction {
  return { ...jurisdiction, overrides: { ...jurisdiction.overrides, [ruleId]: override } };
}

/** Returns a copy of the jurisdiction with the rule back on its federal default. */
export function clearRuleOverride(jurisdiction: Jurisdiction, ruleId: string): Jurisdiction {
  const { [ruleId]: _removed, ...rest } = jurisdiction.overrides;
  return { ...jurisdiction, overrides: rest };
}
