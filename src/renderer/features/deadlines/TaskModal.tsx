import { Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { taskFields, type DeadlineItem } from '@shared/domain/deadline-entities';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { useCreateTask, useUpdateTask } from './useDeadlines';

interface TaskModalProps {
  caseId: number;
  /** null adds a new task. */
  task: DeadlineItem | null;
  onClose: () => void;
}

/** A hand-made task: what, by when, who; rule-derived deadlines are never edited here. */
export function TaskModal({ caseId, task, onClose }: TaskModalProps) {
  const create = useCreateTask();
  const update = useUpdateTask();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { title: task?.title ?? '', dueOn: task?.dueDate ?? '', owner: task?.owner ?? '', notes: task?.notes ?? '' },
    schema: taskFields,
    save: (fields) => (task?.taskId ? update.mutateAsync({ id: task.taskId, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: (saved) => (task ? 'Task saved' : `Task “${saved.title}” added`),
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title={task ? 'Edit task' : 'Add task'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Task" withAsterisk placeholder="e.g. Send follow-up letter after the IEP meeting" data-autofocus {...field('title')} />
          <SimpleGrid cols={2} spacing="sm">
            <DateField label="Due on" {...field('dueOn')} />
            <TextInput label="Owner" placeholder="Who does it" {...field('owner')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} maxRows={8} {...field('notes')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={task ? 'Save task' : 'Add task'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
