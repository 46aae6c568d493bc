import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { checkNewPassphrase, NewPassphraseFields, newPassphraseFailure, type NewPassphraseErrors } from './NewPassphraseFields';
import { VaultScreenLayout, VaultScreenTitle } from './VaultScreenLayout';

interface NewPassphraseScreenProps {
  onStatus: (status: VaultStatus) => void;
  onLock: () => Promise<void>;
}

/**
 * Right after an unlock with the recovery key, before anything else: the passphrase was forgotten,
 * so the advocate chooses a new one now (the recovery key has already proven the right to it).
 * Without this, Change passphrase would ask for the very passphrase that was forgotten.
 */
const NO_INPUTS: readonly string[] = [];

export function NewPassphraseScreen({ onStatus, onLock }: NewPassphraseScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nextErrors = await checkNewPassphrase(passphrase, confirmation, []);
    setErrors(nextErrors);
    if (nextErrors.passphrase || nextErrors.confirmation) return;
    setIsSaving(true);
    try {
      onStatus(await call('vault.setNewPassphrase', { passphrase, confirmation }));
    } catch (failure) {
      setErrors(newPassphraseFailure(failure));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <VaultScreenLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <VaultScreenTitle title="Choose a new passphrase">
            <Text size="sm">
              You unlocked the vault with its recovery key. Choose a new passphrase now: from the next unlock on, it opens the vault. Your recovery key keeps
              working.
            </Text>
          </VaultScreenTitle>
          <NewPassphraseFields
            label="New passphrase"
            passphrase={passphrase}
            confirmation={confirmation}
            onPassphraseChange={setPassphrase}
            onConfirmationChange={setConfirmation}
            errors={errors}
            userInputs={NO_INPUTS}
            autoFocus
          />
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Button type="submit" loading={isSaving}>
            Save passphrase and continue
          </Button>
          <Button variant="subtle" color="gray" onClick={() => void onLock()}>
            Lock without changing
          </Button>
        </Stack>
      </form>
    </VaultScreenLayout>
  );
}
