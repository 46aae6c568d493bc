/**
 * When the family's consent is required for a district proposal, what a state adds, and what the
 * case's consent records show. Federal law (34 CFR 300.300) requires informed written consent for
 * three things only: the initial evaluation (300.300(a)(1)(i)), the initial provision of special
 * education and related services (300.300(b)(1)) and each reevaluation (300.300(c)(1)(i), unless the
 * district made reasonable efforts and the parent failed to respond, 300.300(c)(2)). A later IEP
 * proceeds after prior written notice (300.503), so under the federal defaults the app never
 * says "no consent" on one. State presets add rules where a state's text gives one; each stays
 * "verify" until checked against the state's own text. Nothing here is advice: it states which
 * rule applies and what the record shows.
 */
import { addCalendarDays } from '../deadlines/dates';

export const PROPOSAL_KINDS = ['initial_evaluation', 'reevaluation', 'initial_services', 'iep', 'other'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  initial_evaluation: 'Initial evaluation (assessment plan)',
  reevaluation: 'Reevaluation (assessment plan)',
  initial_services: 'Initial special education services',
  iep: 'IEP or amendment (after the first)',
  other: 'Other proposal',
};

export const CONSENT_DECISIONS = ['pending', 'full', 'partial', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_DECISION_LABELS: Record<ConsentDecision, string> = {
  pending: 'No answer yet',
  full: 'Consented in full',
  partial: 'Partial consent',
  refused: 'Refused',
};

export type ConsentVerification = 'verified' | 'verify' | 'federal_default';

export interface ConsentRequirement {
  isRequired: boolean;
  citation: string;
  /** What the rule says, in one sentence. */
  rule: string;
  verification: ConsentVerification;
}

/** 34 CFR 300.300, text read from the regulation (sites.ed.gov/idea/regs/b/d/300.300). */
export const FEDERAL_CONSENT: Record<ProposalKind, ConsentRequirement> = {
  // 300.300(a)(1)(i): "must, after providing notice consistent with §§300.503 and 300.504, obtain informed
  // consent, consistent with §300.9, from the parent of the child before conducting the evaluation."
  initial_evaluation: {
    isRequired: true,
    citation: '34 CFR 300.300(a)(1)(i)',
    rule: 'The district must obtain informed written consent before conducting the initial evaluation.',
    verification: 'verified',
  },
  // 300.300(b)(1): "must obtain informed consent from the parent of the child before the initial provision of
  // special education and related services to the child."
  initial_services: {
    isRequired: true,
    citation: '34 CFR 300.300(b)(1)',
    rule: 'The district must obtain informed written consent before the initial provision of special education and related services.',
    verification: 'verified',
  },
  // 300.300(c)(1)(i): "Must obtain informed parental consent ... prior to conducting any reevaluation"; (c)(2): not
  // needed if the agency "made reasonable efforts to obtain such consent; and the child's parent has failed to respond."
  reevaluation: {
    isRequired: true,
    citation: '34 CFR 300.300(c)(1)(i), (c)(2)',
    rule: 'The district must obtain informed written consent before a reevaluation, unless it made reasonable efforts and the parent failed to respond.',
    verification: 'verified',
  },
  iep: {
    isRequired: false,
    citation: '34 CFR 300.300, 300.503',
    rule: 'Federal law does not require consent to a later IEP: it proceeds after prior written notice (300.503). Disagreement goes through the procedural safeguards.',
    verification: 'federal_default',
  },
  other: {
    isRequired: false,
    citation: '34 CFR 300.300',
    rule: 'Federal law requires consent only for the initial evaluation, initial services and reevaluations.',
    verification: 'federal_default',
  },
};

export interface AnswerRule {
  /** 'at_least': the family has at least this long to decide (a floor, never a deadline on the family). */
  kind: 'at_least';
  days: number;
  citation: string;
  note: string;
  verification: ConsentVerification;
}

export interface StateConsentPreset {
  code: string;
  requirements: Partial<Record<ProposalKind, ConsentRequirement>>;
  answer: Partial<Record<ProposalKind, AnswerRule>>;
  /** What the state says happens to the components a partial consent covers. */
  partialConsent?: { citation: string; rule: string; verification: ConsentVerification };
}

/**
 * State presets, each marked "verify": the California rules were read from secondary sources
 * quoting the code (Disability Rights California's manual, law-firm summaries), not from the
 * code's own text, so they stay "verify" until checked.
 */
export const STATE_CONSENT_PRESETS: Record<string, StateConsentPreset> = {
  CA: {
    code: 'CA',
    requirements: {
      iep: {
        isRequired: true,
        citation: 'Cal. Educ. Code 56346',
        rule: 'California asks the parent’s written consent to each IEP; components not consented to are not implemented, and the district files for due process if it finds one necessary for FAPE (56346(f)).',
        verification: 'verify',
      },
    },
    answer: {
      initial_evaluation: {
        kind: 'at_least',
        days: 15,
        citation: 'Cal. Educ. Code 56321(c)',
        note: 'The parent has at least 15 days from receipt of the proposed assessment plan to decide.',
        verification: 'verify',
      },
      reevaluation: {
        kind: 'at_least',
        days: 15,
        citation: 'Cal. Educ. Code 56321(c)',
        note: 'The parent has at least 15 days from receipt of the proposed assessment plan to decide.',
        verification: 'verify',
      },
    },
    partialConsent: {
      citation: 'Cal. Educ. Code 56346(e)',
      rule: 'The components the parent consented to are implemented without delay; the others are not.',
      verification: 'verify',
    },
  },
};

export function consentRequirement(kind: ProposalKind, jurisdictionCode: string): ConsentRequirement {
  return STATE_CONSENT_PRESETS[jurisdictionCode]?.requirements[kind] ?? FEDERAL_CONSENT[kind];
}

export interface ConsentFacts {
  proposalKind: ProposalKind;
  presentedOn: string;
  takenHomeOn: string | null;
  decision: ConsentDecision;
  decidedOn: string | null;
  consentedParts: string | null;
  withheldParts: string | null;
  disagreementAttachedOn: string | null;
}

export interface ConsentStatus {
  requirement: ConsentRequirement;
  /** The date before which the family need not answer, where a state rule gives one. */
  answerNotBefore: { date: string; rule: AnswerRule } | null;
  /** "No consent on record" for a proposal that needs it (never for one that does not). */
  isMissingRequiredConsent: boolean;
  /** One line for the case page and the letters: what the record shows, with the rule. */
  summary: string;
}

/** The consent to evaluate this record is, for the deadline engine (null when it is not one). */
export function evaluationConsentKind(facts: Pick<ConsentFacts, 'proposalKind' | 'decision' | 'decidedOn'>): 'initial' | 'reevaluation' | null {
  if (!facts.decidedOn || (facts.decision !== 'full' && facts.decision !== 'partial')) return null;
  if (facts.proposalKind === 'initial_evaluation') return 'initial';
  if (facts.proposalKind === 'reevaluation') return 'reevaluation';
  return null;
}

export function consentStatus(facts: ConsentFacts, jurisdictionCode: string): ConsentStatus {
  const requirement = consentRequirement(facts.proposalKind, jurisdictionCode);
  const answerRule = STATE_CONSENT_PRESETS[jurisdictionCode]?.answer[facts.proposalKind] ?? null;
  const answerNotBefore = answerRule ? { date: addCalendarDays(facts.presentedOn, answerRule.days), rule: answerRule } : null;
  const isMissingRequiredConsent = requirement.isRequired && (facts.decision === 'pending' || facts.decision === 'refused');
  let summary: string;
  switch (facts.decision) {
    case 'full':
      summary = `Consented in full${facts.decidedOn ? ` on ${facts.decidedOn}` : ''}.`;
      break;
    case 'partial':
      summary =
        `Partial consent${facts.decidedOn ? ` on ${facts.decidedOn}` : ''}: consented to ${facts.consentedParts ?? '(not recorded)'}` +
        `; not consented to ${facts.withheldParts ?? '(not recorded)'}.`;
      break;
    case 'refused':
      summary = `Refused${facts.decidedOn ? ` on ${facts.decidedOn}` : ''}.`;
      break;
    default:
      summary = facts.takenHomeOn ? `Taken home on ${facts.takenHomeOn}; no answer yet.` : 'No answer yet.';
  }
  if (facts.disagreementAttachedOn) summary += ` Statement of disagreement attached on ${facts.disagreementAttachedOn}.`;
  if (isMissingRequiredConsent) summary += ` No consent on record: ${requirement.rule} (${requirement.citation})`;
  return { requirement, answerNotBefore, isMissingRequiredConsent, summary };
}
