import { PasswordInput } from '@mantine/core';
import { ApiCallError } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { PassphraseStrength, ratePassphraseLazily } from './PassphraseStrength';

export interface NewPassphraseErrors {
  passphrase?: string;
  confirmation?: string;
  form?: string;
}

interface NewPassphraseFieldsProps {
  passphrase: string;
  confirmation: string;
  onPassphraseChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: NewPassphraseErrors;
  /** Words a guesser would know (the advocate's name): they count against the passphrase. */
  userInputs: readonly string[];
  /** 'New passphrase' where one replaces another; 'Passphrase' at creation. */
  label: string;
  autoFocus?: boolean;
}

/** A passphrase chosen anew (creating the vault, after a recovery-key unlock): the field, its strength, and the confirmation. */
export function NewPassphraseFields({
  passphrase,
  confirmation,
  onPassphraseChange,
  onConfirmationChange,
  errors,
  userInputs,
  label,
  autoFocus,
}: NewPassphraseFieldsProps) {
  return (
    <>
      <PasswordInput
        label={label}
        value={passphrase}
        onChange={(event) => onPassphraseChange(event.currentTarget.value)}
        error={errors.passphrase}
        autoFocus={autoFocus}
        autoComplete="new-password"
      />
      <PassphraseStrength passphrase={passphrase} userInputs={userInputs} />
      <PasswordInput
        label={`Confirm ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.currentTarget.value)}
        error={errors.confirmation}
        autoComplete="new-password"
      />
    </>
  );
}

/** The same checks main makes (zxcvbn's top score, the two typed alike), before anything is sent. */
export async function checkNewPassphrase(passphrase: string, confirmation: string, userInputs: readonly string[]): Promise<NewPassphraseErrors> {
  const rating = await ratePassphraseLazily(passphrase, userInputs);
  const errors: NewPassphraseErrors = {};
  if (!rating.isAcceptable) errors.passphrase = rating.feedback || 'Choose a stronger passphrase.';
  if (passphrase !== confirmation) errors.confirmation = 'The two passphrases do not match';
  return errors;
}

/** Main's refusal, on the field it names, or for the whole form. */
export function newPassphraseFailure(failure: unknown): NewPassphraseErrors {
  const fields = failure instanceof ApiCallError ? failure.fields : {};
  return {
    passphrase: fields.passphrase,
    confirmation: fields.confirmation,
    form: fields.passphrase || fields.confirmation ? undefined : errorMessage(failure),
  };
}
