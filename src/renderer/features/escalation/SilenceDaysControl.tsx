import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../../api/use-api';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';

/**
 * The number of days without a district answer after which a written request is flagged. The law
 * sets no general number, so it is the advocate's (one setting for the vault).
 */
export function SilenceDaysControl({ days }: { days: number }) {
  const save = useApiMutation('escalation.setSettings');
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState<number | string>(days);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const next = Number(value);
    if (!Number.isInteger(next) || next < 1 || next > 365) {
      setError('A whole number of days from 1 to 365');
      return;
    }
    try {
      await save.mutateAsync({ silenceDays: next });
      notifySaved(`Written requests flagged after ${next} days without an answer`);
      setOpened(false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      trapFocus
      position="bottom-end"
      withArrow
      onOpen={() => {
        setValue(days);
        setError(null);
      }}
    >
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpened((current) => !current)}>
          Written requests flagged after {days} days without an answer
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          noValidate
        >
          <Stack gap="xs" w={260}>
            <NumberInput
              label="Days without an answer"
              min={1}
              max={365}
              clampBehavior="none"
              allowDecimal={false}
              value={value}
              onChange={setValue}
              error={error}
              data-autofocus
            />
            <Text size="xs" c="dimmed">
              Federal law sets no general number; a refusal is owed prior written notice (34 CFR 300.503).
            </Text>
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={save.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
