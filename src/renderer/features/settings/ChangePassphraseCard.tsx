import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiCallError } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { ratePassphraseLazily } from '../vault/PassphraseStrength';
import { SettingsCard } from './SettingsCard';
import { useChangePassphrase } from './useSettings';

interface Errors {
  currentPassphrase?: string;
  passphrase?: string;
  confirmation?: string;
  form?: string;
}

/** Main's answer, placed on the field it is about. */
function errorsFromFailure(failure: unknown): Errors {
  if (!(failure instanceof ApiCallError)) return { form: errorMessage(failure) };
  if (failure.code === 'WRONG_PASSPHRASE') {
    return { currentPassphrase: 'That is not the current passphrase of this vault. Check Caps Lock and try again.' };
  }
  if (failure.code === 'WEAK_PASSPHRASE') return { passphrase: failure.fields.passphrase ?? failure.message };
  const { currentPassphrase, passphrase, confirmation } = failure.fields;
  if (currentPassphrase || passphrase || confirmation) return { currentPassphrase, passphrase, confirmation };
  return { form: failure.message };
}

/**
 * Changing the passphrase re-wraps the vault's key; the data is not re-encrypted, and the recovery
 * key stays valid. The current passphrase is proven against the file on disk first.
 */
const NO_INPUTS: readonly string[] = [];

export function ChangePassphraseCard() {
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const changePassphrase = useChangePassphrase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nextErrors: Errors = {};
    if (!currentPassphrase) nextErrors.currentPassphrase = 'Enter the current passphrase';
    const rating = await ratePassphraseLazily(passphrase);
    if (!rating.isAcceptable) nextErrors.passphrase = rating.feedback || 'Choose a stronger passphrase.';
    else if (passphrase === currentPassphrase) nextErrors.passphrase = 'The new passphrase is the same as the current one';
    if (passphrase !== confirmation) nextErrors.confirmation = 'The two passphrases do not match';
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;

    try {
      await changePassphrase.mutateAsync({ currentPassphrase, passphrase, confirmation });
      setCurrentPassphrase('');
      setPassphrase('');
      setConfirmation('');
      notifySaved('Passphrase changed. Use the new one from now on; your recovery key still works.');
    } catch (failure) {
      setErrors(errorsFromFailure(failure));
    }
  }

  return (
    <SettingsCard
      title="Change passphrase"
      description="The new passphrase opens this vault from now on. Your recovery key keeps working, and the data itself is not re-encrypted, so this takes only a moment."
    >
      <form onSubmit={submit} noValidate aria-label="Change passphrase">
        <Stack gap="sm" maw={440}>
          <PasswordInput
            label="Current passphrase"
            value={currentPassphrase}
            onChange={(event) => setCurrentPassphrase(event.currentTarget.value)}
            error={errors.currentPassphrase}
            autoComplete="current-password"
          />
          <NewPassphraseFields
            label="New passphrase"
            passphrase={passphrase}
            confirmation={confirmation}
            onPassphraseChange={setPassphrase}
            onConfirmationChange={setConfirmation}
            errors={errors}
            userInputs={NO_INPUTS}
          />
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={changePassphrase.isPending}>
              Change passphrase
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}
