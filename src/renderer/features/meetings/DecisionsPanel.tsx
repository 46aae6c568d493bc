import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { decisionFields, type MeetingDecision, type MeetingRecord } from '@shared/domain/meetings';
import { useRef, useState } from 'react';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useCreateDecision, useDeleteDecision, useUpdateDecision } from './useMeetings';

function DecisionModal({ decision, onClose }: { decision: MeetingDecision; onClose: () => void }) {
  const update = useUpdateDecision();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { who: decision.who, what: decision.what, dueOn: decision.dueOn ?? '' },
    schema: decisionFields,
    save: (fields) => update.mutateAsync({ id: decision.id, fields }),
    successMessage: () => (decision.taskId ? 'Decision saved; its task follows' : 'Decision saved'),
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Edit decision" size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Who" withAsterisk data-autofocus {...field('who')} />
            <DateField label="By when" {...field('dueOn')} />
          </SimpleGrid>
          <TextInput label="What was agreed" withAsterisk {...field('what')} />
          <FormErrors message={formError} />
          <FormActions submitLabel="Save decision" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The quick-add row: Enter in any field records the decision and puts the cursor back on 'What'. */
function QuickAddDecision({ meetingId }: { meetingId: number }) {
  const create = useCreateDecision();
  const whatRef = useRef<HTMLInputElement>(null);
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { who: '', what: '', dueOn: '' },
    schema: decisionFields,
    save: (fields) => create.mutateAsync({ meetingId, fields }),
    // The same person often agrees to several things in a row: keep 'Who'.
    onSaved: () => {
      form.setValues({ what: '', dueOn: '' });
      whatRef.current?.focus();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a decision">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput label="Who" placeholder="District, Parent, Ms. Cole…" w={200} {...field('who')} />
        <TextInput ref={whatRef} label="What was agreed" placeholder="e.g. Provide the reading progress data" style={{ flex: 1 }} {...field('what')} />
        <div style={{ width: 170 }}>
          <DateField label="By when" {...field('dueOn')} />
        </div>
        <Button type="submit" mt={25} loading={isSaving}>
          Add
        </Button>
      </Group>
      <FormErrors message={formError} />
    </form>
  );
}

/** Decisions as structured rows — who agreed to what, by when — so each promise can become a task. */
export function DecisionsPanel({ meeting }: { meeting: MeetingRecord }) {
  const [editing, setEditing] = useState<MeetingDecision | null>(null);
  const remove = useDeleteDecision();

  async function deleteDecision(decision: MeetingDecision) {
    try {
      await remove.mutateAsync({ id: decision.id });
      notifySaved(decision.taskId ? 'Decision deleted; its task stays on the case' : 'Decision deleted');
    } catch (error) {
      notifyFailed(error);
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Decisions">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Decisions
        </Title>
        {meeting.decisions.length > 0 ? (
          <Table verticalSpacing="xs" striped={false} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th w={140}>By when</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.decisions.map((decision) => (
                <Table.Tr key={decision.id} data-testid="decision-row">
                  <Table.Td fw={600}>{decision.who}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{decision.what}</Text>
                      {decision.taskId !== null && (
                        <Badge size="xs" color="teal" variant="light" tt="none" style={{ flexShrink: 0 }}>
                          Task
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {decision.dueOn ? (
                      formatDate(decision.dueOn)
                    ) : (
                      <Text span size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        aria-label={`Edit decision: ${decision.what}`}
                        onClick={() => setEditing(decision)}
                      >
                        Edit
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete decision: ${decision.what}`}
                        onClick={() => void deleteDecision(decision)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            No decisions yet. Record each promise as it is made: who, what, and by when.
          </Text>
        )}
        <QuickAddDecision meetingId={meeting.id} />
      </Stack>
      {editing && <DecisionModal decision={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
