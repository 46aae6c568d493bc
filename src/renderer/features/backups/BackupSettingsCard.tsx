import { Alert, Button, Group, Input, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { BACKUP_KEEP_MAX, type BackupSettings } from '@shared/domain/protection';
import { QueryState } from '../../components/QueryState';
import { serverFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { SettingsCard } from '../settings/SettingsCard';
import { useBackupSettings, useChooseBackupFolder, useSaveBackupSettings } from '../settings/useSettings';

const OFF = 'off';
const SCHEDULES: { hours: number; label: string }[] = [
  { hours: 1, label: 'Every hour' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 12, label: 'Every 12 hours' },
  { hours: 24, label: 'Once a day' },
  { hours: 48, label: 'Every 2 days' },
  { hours: 168, label: 'Once a week' },
];

function scheduleOptions(current: number | null) {
  const options = [{ value: OFF, label: 'Off (only when I click “Back up now”)' }, ...SCHEDULES.map(({ hours, label }) => ({ value: String(hours), label }))];
  if (current !== null && !SCHEDULES.some(({ hours }) => hours === current)) options.push({ value: String(current), label: `Every ${current} hours` });
  return options;
}

/** Where backups go, how many are kept and how often one is taken. */
export function BackupSettingsCard() {
  const { data, isLoading, error, refetch } = useBackupSettings();
  const save = useSaveBackupSettings();
  const chooseFolderCall = useChooseBackupFolder();
  const [values, setValues] = useState<BackupSettings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (data) setValues(data);
  }, [data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setErrors({});
    try {
      await save.mutateAsync({ keep: values.keep, intervalHours: values.intervalHours });
      notifySaved('Backup settings saved');
    } catch (failure) {
      const fields = serverFieldErrors(failure);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyFailed(failure, 'Could not save the backup settings');
    }
  }

  // The folder picker runs in main and saves the folder there: this window never names a path.
  async function chooseFolder() {
    setErrors({});
    try {
      const outcome = await chooseFolderCall.mutateAsync({});
      if (!outcome.wasCancelled) notifySaved('Backup folder chosen');
    } catch (failure) {
      const fields = serverFieldErrors(failure);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyFailed(failure, 'Could not use that folder');
    }
  }

  return (
    <SettingsCard
      title="Backup settings"
      description="Backups are encrypted copies of the whole vault, checked after writing. They open with the passphrase (or recovery key) the vault had when the backup was taken. Choose a folder on another drive or a synced folder, so one broken disk cannot take both."
    >
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {values && (
        <form onSubmit={submit} noValidate aria-label="Backup settings">
          <Stack gap="sm" maw={560}>
            <Input.Wrapper label="Backup folder" error={errors.folder}>
              <Group gap="xs" wrap="nowrap" mt={4}>
                <Text size="sm" ff="monospace" style={{ flex: 1, wordBreak: 'break-all' }} c={data?.folder ? undefined : 'dimmed'}>
                  {data?.folder ?? 'None chosen'}
                </Text>
                <Button variant="default" onClick={() => void chooseFolder()} loading={chooseFolderCall.isPending}>
                  {data?.folder ? 'Change folder…' : 'Choose folder…'}
                </Button>
              </Group>
            </Input.Wrapper>
            {!data?.folder && (
              <Alert color="orange" variant="light" p="xs">
                <Text size="sm">No backup folder is chosen yet, so nothing is being backed up.</Text>
              </Alert>
            )}
            <Group grow align="flex-start">
              <NumberInput
                label="Backups to keep"
                description="Older ones are deleted after a successful backup."
                min={1}
                max={BACKUP_KEEP_MAX}
                value={values.keep}
                onChange={(value) => setValues({ ...values, keep: typeof value === 'number' ? value : Number(value) || 1 })}
                error={errors.keep}
                allowDecimal={false}
                allowNegative={false}
              />
              <Select
                label="Automatic backups"
                description="Taken while the vault is unlocked."
                data={scheduleOptions(values.intervalHours)}
                value={values.intervalHours === null ? OFF : String(values.intervalHours)}
                onChange={(value) => value && setValues({ ...values, intervalHours: value === OFF ? null : Number(value) })}
                error={errors.intervalHours}
                allowDeselect={false}
              />
            </Group>
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save backup settings
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SettingsCard>
  );
}
