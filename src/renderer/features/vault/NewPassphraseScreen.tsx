import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { ApiCallError, call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { PassphraseStrength, ratePassphraseLazily } from './PassphraseStrength';
import { VaultScreenLayout } from './VaultScreenLayout';

interface NewPassphraseScreenProps {
  onStatus: (status: VaultStatus) => void;
  onLock: () => Promise<void>;
}

/**
 * Right after an unlock with the recovery key, before anything else: the passphrase was forgotten,
 * so the advocate chooses a new one now (the recovery key has already proven the right to it).
 * Without this, Change passphrase would ask for the very passphrase that was forgotten.
 */
export function NewPassphraseScreen({ onStatus, onLock }: NewPassphraseScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirmation?: string; form?: string }>({});
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const rating = await ratePassphraseLazily(passphrase, []);
    const nextErrors: typeof errors = {};
    if (!rating.isAcceptable) nextErrors.passphrase = rating.feedback || 'Choose a stronger passphrase.';
    if (passphrase !== confirmation) nextErrors.confirmation = 'The two passphrases do not match';
    setErrors(nextErrors);
    if (nextErrors.passphrase || nextErrors.confirmation) return;
    setIsSaving(true);
    try {
      onStatus(await call('vault.setNewPassphrase', { passphrase, confirmation }));
    } catch (failure) {
      const fields = failure instanceof ApiCallError ? failure.fields : {};
      setErrors({
        passphrase: fields.passphrase,
        confirmation: fields.confirmation,
        form: fields.passphrase || fields.confirmation ? undefined : errorMessage(failure),
      });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <VaultScreenLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={6}>
            <Title order={1} size="h3">
              Choose a new passphrase
            </Title>
            <Text size="sm">
              You unlocked the vault with its recovery key. Choose a new passphrase now: from the next unlock on, it opens the vault. Your recovery key keeps
              working.
            </Text>
          </Stack>
          <PasswordInput
            label="New passphrase"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={errors.passphrase}
            autoFocus
            autoComplete="new-password"
          />
          <PassphraseStrength passphrase={passphrase} userInputs={[]} />
          <PasswordInput
            label="Confirm new passphrase"
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={errors.confirmation}
            autoComplete="new-password"
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
