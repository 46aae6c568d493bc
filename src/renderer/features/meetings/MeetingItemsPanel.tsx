import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import {
  MEETING_ITEM_KINDS,
  MEETING_ITEM_KIND_LABELS,
  MEETING_OUTCOMES,
  MEETING_OUTCOME_LABELS,
  REFLECTED_IN,
  REFLECTED_IN_LABELS,
  meetingItemFields,
  reflectedFields,
  type MeetingItem,
  type MeetingItemKind,
  type MeetingOutcome,
} from '@shared/domain/meeting-items';
import { useRef, useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useCreateMeetingItem, useDeleteMeetingItem, useMeetingItems, useSetItemReflected, useSetMeetingOutcome } from './useMeetings';

export const KIND_COLORS: Record<MeetingItemKind, string> = { refusal: 'red', tabled: 'yellow', promise: 'blue' };
const REFLECTED_IN_SHORT: Record<(typeof REFLECTED_IN)[number], string> = { pwn: 'PWN', iep: 'IEP' };
const KIND_OPTIONS = MEETING_ITEM_KINDS.map((value) => ({ value, label: MEETING_ITEM_KIND_LABELS[value] }));
const OUTCOME_OPTIONS = MEETING_OUTCOMES.map((value) => ({ value, label: MEETING_OUTCOME_LABELS[value] }));

export function ReflectedModal({ item, meetingDate, onClose }: { item: MeetingItem; meetingDate: string; onClose: () => void }) {
  const reflect = useSetItemReflected();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { reflectedIn: 'pwn' as string | null, reflectedOn: todayIso() < meetingDate ? meetingDate : todayIso() },
    schema: reflectedFields,
    toInput: (values) => ({ ...values, id: item.id }),
    save: (input) => reflect.mutateAsync(input),
    successMessage: () => 'Ticked: the written record reflects it',
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Reflected in writing" size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{item.what}</Text>
          <Select
            label="Reflected in"
            withAsterisk
            data={REFLECTED_IN.map((value) => ({ value, label: REFLECTED_IN_LABELS[value] }))}
            allowDeselect={false}
            data-autofocus
            {...field('reflectedIn')}
          />
          <DateField label="Date of that notice or IEP" isRequired {...field('reflectedOn')} />
          <FormErrors message={formError} />
          <FormActions submitLabel="Tick it" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The quick-add row: Enter records the item and puts the cursor back on 'What'. */
function QuickAddItem({ meetingId }: { meetingId: number }) {
  const create = useCreateMeetingItem();
  const whatRef = useRef<HTMLInputElement>(null);
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { kind: 'promise' as MeetingItemKind, what: '', who: '' },
    schema: meetingItemFields,
    save: (fields) => create.mutateAsync({ meetingId, fields }),
    // The next item is often of the same kind, from the same person: keep both.
    onSaved: () => {
      form.setFieldValue('what', '');
      whatRef.current?.focus();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a refusal, tabled item or promise">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Select label="Kind" w={150} data={KIND_OPTIONS} allowDeselect={false} {...field('kind')} />
        <TextInput ref={whatRef} label="What" placeholder="e.g. A one-to-one aide on field trips" style={{ flex: 1 }} {...field('what')} />
        <TextInput label="Who" placeholder="District, Ms. Cole…" w={170} {...field('who')} />
        <Button type="submit" mt={25} loading={isSaving}>
          Add
        </Button>
      </Group>
      <FormErrors message={formError} />
    </form>
  );
}

/**
 * What the meeting left open beyond its decisions: refusals, tabled items and verbal promises.
 * Each goes into the follow-up letter; the advocate ticks it once the next prior written notice
 * or IEP reflects it. The outcome says whether the IEP changed (the "no change" red flag reads it).
 */
export function MeetingItemsPanel({ meetingId, meetingDate }: { meetingId: number; meetingDate: string }) {
  const { data } = useMeetingItems(meetingId);
  const remove = useDeleteMeetingItem();
  const unreflect = useSetItemReflected();
  const setOutcome = useSetMeetingOutcome();
  const [ticking, setTicking] = useState<MeetingItem | null>(null);

  async function changeOutcome(outcome: MeetingOutcome | null) {
    try {
      await setOutcome.mutateAsync({ id: meetingId, outcome });
      notifySaved(outcome ? `Outcome: ${MEETING_OUTCOME_LABELS[outcome]}` : 'Outcome cleared');
    } catch (error) {
      notifyFailed(error);
    }
  }
  async function untick(item: MeetingItem) {
    try {
      await unreflect.mutateAsync({ id: item.id, reflectedIn: null, reflectedOn: null });
    } catch (error) {
      notifyFailed(error);
    }
  }
  async function deleteItem(item: MeetingItem) {
    try {
      await remove.mutateAsync({ id: item.id });
      notifySaved('Item deleted');
    } catch (error) {
      notifyFailed(error);
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`meeting-items-${meetingId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h5" id={`meeting-items-${meetingId}`}>
            Refusals, tabled items and promises
          </Title>
          <Select
            label="How the meeting ended"
            placeholder="Not recorded"
            w={220}
            data={OUTCOME_OPTIONS}
            clearable
            value={data?.outcome ?? null}
            onChange={(value) => void changeOutcome((value as MeetingOutcome | null) ?? null)}
          />
        </Group>
        {data && data.items.length > 0 ? (
          <Table verticalSpacing="xs" aria-label="Follow-up items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Kind</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th w={190}>In writing</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.id} data-testid="meeting-item-row">
                  <Table.Td>
                    <Badge color={KIND_COLORS[item.kind]} variant="light" tt="none" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
                      {MEETING_ITEM_KIND_LABELS[item.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.what}</Text>
                    {item.who && (
                      <Text size="xs" c="dimmed">
                        {item.who}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.reflectedIn ? (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={`${REFLECTED_IN_LABELS[item.reflectedIn]} of ${formatDate(item.reflectedOn)}`}>
                          <Badge color="teal" variant="light" tt="none" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
                            ✓ {REFLECTED_IN_SHORT[item.reflectedIn]} {formatDate(item.reflectedOn)}
                          </Badge>
                        </Tooltip>
                        <Tooltip label="Untick">
                          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Untick: ${item.what}`} onClick={() => void untick(item)}>
                            ↺
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    ) : (
                      <Button size="compact-xs" variant="default" onClick={() => setTicking(item)} aria-label={`In PWN or IEP… (${item.what})`}>
                        In PWN or IEP…
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={`Delete item: ${item.what}`} onClick={() => void deleteItem(item)}>
                      Delete
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            Nothing recorded. A refusal, an item put off to later, or a promise made aloud belongs here: the follow-up letter lists each one.
          </Text>
        )}
        <QuickAddItem meetingId={meetingId} />
      </Stack>
      {ticking && <ReflectedModal item={ticking} meetingDate={meetingDate} onClose={() => setTicking(null)} />}
    </Paper>
  );
}
