import { z } from 'zod';
import { deadlineRuleSchema, defineRule, endOfYearRuleSchema, federalRules, offsetSchema, weekendPolicySchema, type DeadlineRule } from './rules';

/** A state's change to one federal rule. Omitted fields keep the federal value. */
export const ruleOverrideSchema = z.object({
  offset: offsetSchema.optional(),
  weekendPolicy: weekendPolicySchema.optional(),
  /** The state's own citation, shown instead of (and beside) the CFR one. */
  citation: z.string().min(1).max(1_000).optional(),
  note: z.string().min(1).max(4_000).optional(),
  /** The state does not use this rule (rare; e.g. a rule replaced by an additional state rule). */
  isDisabled: z.boolean().optional(),
  /**
   * The advocate checked this rule against current state law (or typed it in themselves), so it
   * is verified even while the rest of an unverified preset is not.
   */
  isVerified: z.boolean().optional(),
  /** A state rule for consents or referrals late in the school year (end-of-year.ts). */
  endOfYear: endOfYearRuleSchema.optional(),
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
    /**
     * A state with no preset: the federal rules apply as a floor, labelled "federal default, your
     * state may be stricter" and never "verified".
     */
    isFederalDefault: z.boolean().optional(),
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
  /** What to print beside the rule: 'verified', 'verify' (unverified preset) or the federal-default warning. */
  verification: RuleVerification;
};

export type RuleVerification = 'verified' | 'verify' | 'federal_default';
export const ruleVerificationLabels: Record<RuleVerification, string> = {
  verified: 'verified',
  verify: 'verify against current state law',
  federal_default: 'federal default, your state may be stricter',
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
 * Commonly cited state timelines, shipped as editable examples. A preset as a whole stays "verify";
 * a rule in it is marked verified (`isVerified: true`) only where its numbers were checked against
 * the state's own text, quoted beside it. An additional rule is marked by an override that only
 * says so. No preset has an "IEP copy after the meeting" rule: none of the IL, TX or CA texts
 * checked sets a number of days for it (34 CFR 300.322(f) requires a copy, with no timeline).
 */
export const statePresets: Jurisdiction[] = [
  {
    code: 'TX',
    name: 'Texas',
    isVerified: false,
    note: `Preset from Texas timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 45, unit: 'school_days' },
        citation: 'Tex. Educ. Code 29.004(a), (a-1); 19 TAC 89.1011',
        endOfYear: 'tx_29_004_a1',
        note: `45 school days from consent. Consent received at least 35 but fewer than 45 school days before the last instructional day: the report is due June 30 and the ARD committee meets by the 15th school day of the next year (TEC 29.004(a-1)). ${verifyNote}.`,
      },
      'due-process-limitation': {
        offset: { amount: 2, unit: 'years' },
        // 19 TAC 89.1151(c): "Beginning September 1, 2022, a parent or public education agency must request a hearing
        // within two years of the date the parent or public education agency knew or should have known about the
        // alleged action that serves as the basis for the request"
        citation: '19 TAC 89.1151(c)',
        note: 'Texas: 2 years from when the parent knew or should have known (since 2022-09-01; it was 1 year before).',
        isVerified: true,
      },
    },
    additionalRules: [
      defineRule({
        id: 'tx-ard-notice',
        name: 'ARD meeting notice',
        citation: '19 TAC 89.1050(g)',
        trigger: 'iep_meeting',
        offset: { amount: 5, unit: 'school_days' },
        direction: 'before',
        triggerSelection: 'each',
        metByAttribute: 'noticeOn',
        description: 'Written notice of an ARD committee meeting at least 5 school days before it, unless the parent agrees to a shorter time.',
        changedBy: 'Counts back from each IEP (ARD) meeting; the notice date recorded on the meeting closes it.',
      }),
    ],
  },
  {
    code: 'IL',
    name: 'Illinois',
    isVerified: false,
    note: `Preset from Illinois timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 60, unit: 'school_days' },
        citation: '23 Ill. Adm. Code 226.110(d); 105 ILCS 5/14-8.02(b)',
        endOfYear: 'il_226_110',
        note: `60 school days from consent to complete the evaluation, decide eligibility and hold the IEP meeting; when fewer than 60 school days remain in the school year, before the first day of the next school year. ${verifyNote}.`,
      },
      'records-request': {
        offset: { amount: 10, unit: 'business_days' },
        // 105 ILCS 10/5(c): a request to inspect and copy records "must be granted within a reasonable time, and in no
        // case later than 10 business days after the date of receipt of such request"
        citation: '105 ILCS 10/5(c) (Illinois School Student Records Act)',
        note: 'Illinois: access within 10 business days of the request.',
        isVerified: true,
      },
      // 23 Ill. Adm. Code 226.530(a): "the district shall provide written notification no later than ten days prior
      // to the proposed date of the meeting"
      'il-meeting-notice': { isVerified: true },
      // 105 ILCS 5/14-8.02f(c), repeated in 23 Ill. Adm. Code 226.530(a): "No later than 3 school days prior to a
      // meeting to determine a child's eligibility for special education and related services or to review a
      // child's individualized education program ... the local education agency must provide the child's parent or
      // guardian copies of all written material that will be considered by the individualized education program
      // team at the meeting"
      'il-meeting-documents': { isVerified: true },
    },
    additionalRules: [
      defineRule({
        id: 'il-meeting-notice',
        name: 'IEP meeting notice',
        citation: '23 Ill. Adm. Code 226.530(a)',
        trigger: 'iep_meeting',
        offset: { amount: 10, unit: 'calendar_days' },
        direction: 'before',
        triggerSelection: 'each',
        metByAttribute: 'noticeOn',
        description: 'Written notice of an IEP meeting at least 10 days before it.',
        changedBy: 'Counts back from each IEP meeting; the notice date recorded on the meeting closes it.',
      }),
      defineRule({
        id: 'il-meeting-documents',
        name: 'Documents before the IEP meeting',
        citation: '105 ILCS 5/14-8.02f(c); 23 Ill. Adm. Code 226.530(a)',
        trigger: 'iep_meeting',
        offset: { amount: 3, unit: 'school_days' },
        direction: 'before',
        triggerSelection: 'each',
        metByAttribute: 'draftsOn',
        description: 'Copies of the documents the team will consider, including draft IEP material, at least 3 school days before the meeting.',
        changedBy: 'Counts back from each IEP meeting; the draft-documents date recorded on the meeting closes it.',
      }),
    ],
  },
  {
    code: 'CA',
    name: 'California',
    isVerified: false,
    note: `Preset from California timelines; ${verifyNote}.`,
    overrides: {
      'initial-evaluation': {
        offset: { amount: 60, unit: 'calendar_days', excludesBreaksLongerThanSchoolDays: 5 },
        // Cal. Educ. Code 56344(a): "An individualized education program required as a result of an assessment of a
        // pupil shall be developed within a total time not to exceed 60 days, not counting days between the pupil's
        // regular school sessions, terms, or days of school vacation in excess of five schooldays, from the date of
        // receipt of the parent's written consent for assessment"
        citation: 'Cal. Educ. Code 56344(a)',
        note: '60 days from consent to the IEP meeting, not counting days between school sessions or vacations of more than 5 school days.',
        isVerified: true,
      },
      'records-request': {
        offset: { amount: 5, unit: 'business_days' },
        // Cal. Educ. Code 56504: "The public agency shall comply with a request for school records without unnecessary
        // delay before any meeting regarding an individualized education program or any hearing ... and in no case
        // more than five business days after the request is made orally or in writing."
        citation: 'Cal. Educ. Code 56504',
        note: 'California: copies of records within 5 business days of the request.',
        isVerified: true,
      },
      // Cal. Educ. Code 56321(a): "a proposed assessment plan within 15 days of the referral for assessment not
      // counting days between the pupil's regular school sessions or terms or days of school vacation in excess of
      // five schooldays from the date of receipt of the referral" (its 10-days-after-the-next-year rule for a referral
      // 10 days or less before the end of the year is not modelled: that part stays for the advocate to check).
      'assessment-plan': { isVerified: true },
      // Cal. Educ. Code 56344(a): "within 30 days after the commencement of the subsequent regular school year ... for
      // each pupil for whom a referral has been made 30 days or less prior to the end of the regular school year"
      'ca-late-referral-iep': { isVerified: true },
    },
    additionalRules: [
      defineRule({
        id: 'assessment-plan',
        name: 'Assessment plan provided',
        citation: 'Cal. Educ. Code 56321(a)',
        trigger: 'evaluation_referral',
        offset: { amount: 15, unit: 'calendar_days', excludesBreaksLongerThanSchoolDays: 5 },
        triggerSelection: 'each',
        description:
          'The district must give the parent a proposed assessment plan within 15 days of a referral, not counting school vacations of more than 5 school days.',
        changedBy: 'Counts from each referral for evaluation.',
      }),
      defineRule({
        id: 'ca-late-referral-iep',
        name: 'IEP after a late-year referral',
        // "within 30 days after the commencement of the subsequent regular school year for each pupil for whom a referral has been made 30 days or less prior to the end of the regular school year"
        citation: 'Cal. Educ. Code 56344(a)',
        trigger: 'evaluation_referral',
        offset: { amount: 30, unit: 'calendar_days' },
        triggerSelection: 'latest',
        special: 'late_year_referral',
        closedBy: [{ type: 'iep_meeting', kinds: ['initial'] }],
        description:
          'A referral made 30 days or less before the end of the regular school year: the IEP is due within 30 days after the next school year begins.',
        changedBy: 'Only a referral in the last 30 days of the school year starts it; an initial IEP meeting closes it.',
      }),
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

/** A state with no preset: the federal rules, labelled as a floor that the state may tighten. */
export function federalDefaultJurisdiction(code: string): Jurisdiction {
  return {
    ...federalJurisdiction,
    code,
    name: `${code} (federal default, your state may be stricter)`,
    isVerified: false,
    isFederalDefault: true,
    note: 'No preset for this state: the federal rules apply as a floor. Your state may set shorter timelines; add them as changes to the rules.',
  };
}

export const jurisdictionPresets: Jurisdiction[] = [federalJurisdiction, ...statePresets];

export function findJurisdictionPreset(code: string): Jurisdiction | undefined {
  return jurisdictionPresets.find((jurisdiction) => jurisdiction.code === code);
}

function verificationOf(isVerified: boolean): { isVerified: boolean; verification: RuleVerification } {
  return { isVerified, verification: isVerified ? 'verified' : 'verify' };
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
      return [
        {
          ...rule,
          source: 'federal',
          federalCitation: null,
          note: null,
          isVerified: !jurisdiction.isFederalDefault,
          verification: jurisdiction.isFederalDefault ? 'federal_default' : 'verified',
        },
      ];
    }
    if (override.isDisabled) return [];
    return [
      {
        ...rule,
        offset: override.offset ?? rule.offset,
        weekendPolicy: override.weekendPolicy ?? rule.weekendPolicy,
        citation: override.citation ?? rule.citation,
        endOfYear: override.endOfYear ?? rule.endOfYear,
        source: 'state',
        federalCitation: rule.citation,
        note: override.note ?? null,
        ...verificationOf(override.isVerified ?? jurisdiction.isVerified),
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
        endOfYear: override?.endOfYear ?? rule.endOfYear,
        source: 'state',
        federalCitation: null,
        note: override?.note ?? null,
        ...verificationOf(override?.isVerified ?? jurisdiction.isVerified),
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
