import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { ApiCallError, call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { PassphraseStrength, ratePassphraseLazily } from './PassphraseStrength';
import { UseVaultPath } from './UseVaultPath';
import { VaultScreenLayout } from './VaultScreenLayout';

interface CreateVaultScreenProps {
  status: VaultStatus;
  /** Creating the demo caseload (in its own vault) rather than the advocate's vault. */
  isDemo: boolean;
  /** Opens the demo: switches to it when it exists, otherwise asks the gate for the demo form. */
  onOpenDemo: () => Promise<void>;
  onLeaveDemo?: () => void;
  leaveDemoLabel?: string;
  onCreated: (recoveryKey: string, isDemo: boolean) => void;
  onStatus: (status: VaultStatus) => void;
}

/** First run: create the encrypted vault (or the demo caseload in a vault of its own). */
export function CreateVaultScreen({ status, isDemo, onOpenDemo, onLeaveDemo, leaveDemoLabel, onCreated, onStatus }: CreateVaultScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [advocateName, setAdvocateName] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirmation?: string; form?: string }>({});
  const [isSaving, setIsSaving] = useState(false);
  const [isOpeningDemo, setIsOpeningDemo] = useState(false);

  // A passphrase built from the advocate's own name is the first thing someone who knows them tries.
  const nameInputs = isDemo || !advocateName.trim() ? [] : [advocateName.trim()];

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
    const rating = await ratePassphraseLazily(passphrase, nameInputs);
    const nextErrors: typeof errors = {};
    // The demo caseload is synthetic: any passphrase will do there.
    if (isDemo ? passphrase.length === 0 : !rating.isAcceptable)
      nextErrors.passphrase = isDemo ? 'Choose a passphrase' : rating.feedback || 'Choose a stronger passphrase.';
    if (passphrase !== confirmation) nextErrors.confirmation = 'The two passphrases do not match';
    setErrors(nextErrors);
    if (nextErrors.passphrase || nextErrors.confirmation) return;

    setIsSaving(true);
    try {
      const { recoveryKey } = isDemo
        ? await call('vault.createDemo', { passphrase, confirmation })
        : await call('vault.create', { passphrase, confirmation, advocateName: advocateName.trim() || undefined });
      onCreated(recoveryKey, isDemo);
    } catch (failure) {
      if (isDemo && failure instanceof ApiCallError && failure.code === 'VAULT_EXISTS') {
        // Created meanwhile (another window): main now points at it, so show its unlock screen.
        onLeaveDemo?.();
        onStatus(await call('vault.status'));
        return;
      }
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
            <Title order={2} size="h3">
              {isDemo ? 'Open the demo caseload' : 'Create your vault'}
            </Title>
            <Text size="sm" c="dimmed">
              {isDemo
                ? 'The demo caseload holds made-up families so you can try Advocate Desk safely. It lives in its own encrypted file, with its own passphrase.'
                : 'Everything you record about families, students and their cases is kept in one encrypted file on this computer. Choose the passphrase that opens it.'}
            </Text>
          </Stack>
          {!isDemo && (
            <TextInput
              label="Your name"
              description="Optional. Signs your letters and binder covers; the passphrase must not be built from it."
              value={advocateName}
              onChange={(event) => setAdvocateName(event.currentTarget.value)}
              maxLength={200}
              autoComplete="name"
              autoFocus
            />
          )}
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={errors.passphrase}
            autoFocus={isDemo}
            autoComplete="new-password"
          />
          <PassphraseStrength passphrase={passphrase} userInputs={nameInputs} />
          <PasswordInput
            label="Confirm passphrase"
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={errors.confirmation}
            autoComplete="new-password"
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
            {isDemo ? 'Create the demo caseload' : 'Create vault'}
          </Button>
          {(isDemo || status.demoPath) && <Divider label="or" labelPosition="center" />}
          {isDemo ? (
            <Button variant="default" onClick={onLeaveDemo} fullWidth>
              {leaveDemoLabel ?? 'Back'}
            </Button>
          ) : (
            status.demoPath && (
              <Button variant="default" onClick={() => void openDemo()} loading={isOpeningDemo} fullWidth>
                Open the demo caseload
              </Button>
            )
          )}
        </Stack>
      </form>
      <Divider my="md" />
      <UseVaultPath currentPath={status.path} onStatus={onStatus} />
    </VaultScreenLayout>
  );
}
