import { Alert, Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { checkNewPassphrase, NewPassphraseFields, newPassphraseFailure, type NewPassphraseErrors } from './NewPassphraseFields';
import { UseVaultPath } from './UseVaultPath';
import { VaultScreenLayout, VaultScreenTitle } from './VaultScreenLayout';

interface CreateVaultScreenProps {
  status: VaultStatus;
  /** Opens the demo caseload (a vault of its own) in one click. */
  onOpenDemo: () => Promise<boolean>;
  onCreated: (recoveryKey: string) => void;
  onStatus: (status: VaultStatus) => void;
}

/** First run: create the encrypted vault, or open the demo caseload in one click. */
export function CreateVaultScreen({ status, onOpenDemo, onCreated, onStatus }: CreateVaultScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [advocateName, setAdvocateName] = useState('');
  const [errors, setErrors] = useState<NewPassphraseErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  const [isOpeningDemo, setIsOpeningDemo] = useState(false);

  // A passphrase built from the advocate's own name is the first thing someone who knows them tries.
  const nameInputs = advocateName.trim() ? [advocateName.trim()] : [];

  async function openDemo() {
    setIsOpeningDemo(true);
    try {
      await onOpenDemo();
    } catch (failure) {
      setErrors({ form: errorMessage(failure) });
      setIsOpeningDemo(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nextErrors = await checkNewPassphrase(passphrase, confirmation, nameInputs);
    setErrors(nextErrors);
    if (nextErrors.passphrase || nextErrors.confirmation) return;

    setIsSaving(true);
    try {
      const { recoveryKey } = await call('vault.create', { passphrase, confirmation, advocateName: advocateName.trim() || undefined });
      onCreated(recoveryKey);
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
          <VaultScreenTitle title="Create your vault">
            <Text size="sm" c="dimmed">
              Everything you record about families, students and their cases is kept in one encrypted file on this computer. Choose the passphrase that opens
              it.
            </Text>
          </VaultScreenTitle>
          <TextInput
            label="Your name"
            description="Optional. Signs your letters and binder covers; the passphrase must not be built from it."
            value={advocateName}
            onChange={(event) => setAdvocateName(event.currentTarget.value)}
            maxLength={200}
            autoComplete="name"
            autoFocus
          />
          <NewPassphraseFields
            label="Passphrase"
            passphrase={passphrase}
            confirmation={confirmation}
            onPassphraseChange={setPassphrase}
            onConfirmationChange={setConfirmation}
            errors={errors}
            userInputs={nameInputs}
          />
          <Alert color="blue" variant="light" title="Nobody can reset this passphrase">
            <Text size="sm">
              Not even us. If it is forgotten, only the recovery key shown on the next screen can open the vault. Without both, the data cannot be recovered.
            </Text>
          </Alert>
          {errors.form && (
            <Alert color="red" variant="light" role="alert">
              {errors.form}
            </Alert>
          )}
          <Button type="submit" loading={isSaving} fullWidth>
            Create vault
          </Button>
          {status.demoPath && (
            <>
              <Divider label="or" labelPosition="center" />
              <Button variant="default" onClick={() => void openDemo()} loading={isOpeningDemo} fullWidth>
                Open the demo caseload
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                Made-up families to try Advocate Desk with, in a vault of their own. One click: no passphrase to choose.
              </Text>
            </>
          )}
        </Stack>
      </form>
      <Divider my="md" />
      <UseVaultPath currentPath={status.path} onStatus={onStatus} />
    </VaultScreenLayout>
  );
}
