import { Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { documentFields, type DocumentRecord } from '@shared/domain/documents';
import { useQueryClient } from '@tanstack/react-query';
import { callMethod, refreshAfter } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { CATEGORY_OPTIONS, eventOptions } from './document-labels';
import { useCaseEvents } from './useDocuments';

/** A document's title, date, category, author and the timeline events it supports. */
export function DocumentEditModal({ document, onClose }: { document: DocumentRecord; onClose: () => void }) {
  const { data: events } = useCaseEvents(document.caseId);
  const queryClient = useQueryClient();
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      title: document.title,
      documentDate: document.documentDate ?? '',
      category: document.category,
      author: document.author ?? '',
      eventIds: document.eventIds.map(String),
    },
    schema: documentFields,
    toInput: ({ eventIds: _eventIds, ...fields }) => fields,
    save: async (fields) => {
      const saved = await callMethod('documents.update', { id: document.id, fields });
      const wanted = form.values.eventIds.map(Number);
      for (const eventId of wanted.filter((id) => !document.eventIds.includes(id)))
        await callMethod('documents.linkEvent', { documentId: document.id, eventId });
      for (const eventId of document.eventIds.filter((id) => !wanted.includes(id)))
        await callMethod('documents.unlinkEvent', { documentId: document.id, eventId });
      await refreshAfter(queryClient, 'documents.update');
      return saved;
    },
    successMessage: () => 'Document details saved',
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Document details" size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Title" withAsterisk data-autofocus {...field('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField label="Date" {...field('documentDate')} />
            <Select label="Category" data={CATEGORY_OPTIONS} allowDeselect={false} {...field('category')} />
            <TextInput label="Author" {...field('author')} />
          </SimpleGrid>
          <MultiSelect
            label="Linked timeline events"
            data={eventOptions(events)}
            searchable
            clearable
            nothingFoundMessage="No event matches"
            {...field('eventIds')}
          />
          <FormErrors message={formError} />
          <FormActions submitLabel="Save details" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
