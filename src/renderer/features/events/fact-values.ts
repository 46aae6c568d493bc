/**
 * The form side of a fact's kind and attributes: one set of fields for the timeline entry and
 * the meeting form, turned into the contract's `kind` and `attributes` for the entry's type.
 */
import { factTypeLabels, hasKinds, kindLabels, kindsOf, type FactAttributes } from '@shared/deadlines';

export type FactValues = {
  kind: string | null;
  noticeOn: string;
  draftsOn: string;
  iepCopyOn: string;
  isIepFinalized: boolean;
  hasTransitionPlan: boolean;
  hasTransferOfRights: boolean;
  schoolDays: string;
  isChangeOfPlacement: boolean;
  isExpedited: boolean;
  isJointWritten: boolean;
  isWritten: boolean;
};

export function factValuesOf(kind: string | null | undefined, attributes: FactAttributes | Record<string, unknown> | null | undefined): FactValues {
  const value = (attributes ?? {}) as FactAttributes;
  return {
    kind: kind ?? null,
    noticeOn: value.noticeOn ?? '',
    draftsOn: value.draftsOn ?? '',
    iepCopyOn: value.iepCopyOn ?? '',
    isIepFinalized: value.isIepFinalized ?? true,
    hasTransitionPlan: value.hasTransitionPlan ?? false,
    hasTransferOfRights: value.hasTransferOfRights ?? false,
    schoolDays: value.schoolDays === undefined ? '' : String(value.schoolDays),
    isChangeOfPlacement: value.isChangeOfPlacement ?? false,
    isExpedited: value.isExpedited ?? false,
    isJointWritten: value.isJointWritten ?? true,
    isWritten: value.isWritten ?? true,
  };
}

/** The attributes the rules read for this type, from the form values; null when the type has none. */
export function attributesOf(type: string, values: FactValues): Record<string, string | number | boolean> | null {
  const out: Record<string, string | number | boolean> = {};
  switch (type) {
    case 'iep_meeting':
      if (values.noticeOn) out['noticeOn'] = values.noticeOn;
      if (values.draftsOn) out['draftsOn'] = values.draftsOn;
      if (values.iepCopyOn) out['iepCopyOn'] = values.iepCopyOn;
      out['isIepFinalized'] = values.isIepFinalized;
      if (values.hasTransitionPlan) out['hasTransitionPlan'] = true;
      if (values.hasTransferOfRights) out['hasTransferOfRights'] = true;
      break;
    case 'disciplinary_removal': {
      const days = values.schoolDays.trim();
      // A non-number is passed on as text so the shared schema names the field's error.
      if (days !== '') out['schoolDays'] = /^\d+$/.test(days) ? Number(days) : days;
      if (values.isChangeOfPlacement) out['isChangeOfPlacement'] = true;
      break;
    }
    case 'due_process_filed':
      if (values.isExpedited) out['isExpedited'] = true;
      break;
    case 'resolution_waived':
      out['isJointWritten'] = values.isJointWritten;
      break;
    case 'no_agreement':
      out['isWritten'] = values.isWritten;
      break;
    default:
      return null;
  }
  return Object.keys(out).length > 0 ? out : null;
}

export function kindOptions(type: string): { value: string; label: string }[] {
  return kindsOf(type).map((value) => ({ value, label: kindLabels[value] ?? value }));
}

/** What the kind field says about why it matters. */
export function kindHelp(type: string): string | undefined {
  switch (type) {
    case 'iep_meeting':
      return 'Only an IEP finalized at an initial, annual or reevaluation meeting moves the annual review.';
    case 'evaluation':
      return 'An IEE, a private report or an FBA does not move the triennial; it counts from the reevaluation determination.';
    case 'eligibility_decision':
      return 'Only an initial eligibility starts the 30-day IEP clock; a continued eligibility is the reevaluation determination the triennial counts from.';
    case 'consent_to_evaluate':
      return 'Consent to an initial evaluation starts the evaluation clock.';
    case 'due_process_filed':
      return 'A resolution meeting is owed only on a complaint filed by the parent (34 CFR 300.510).';
    default:
      return hasKinds(type) ? `The kind of ${factTypeLabels[type as keyof typeof factTypeLabels] ?? type}.` : undefined;
  }
}
