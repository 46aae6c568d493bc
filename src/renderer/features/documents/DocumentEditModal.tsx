import { Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { documentFields, type DocumentRecord } from '@shared/domain/documents';
import { useQueryClient } from '@tanstack/react-query';
import { callMethod, refreshAfter } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { CATEGORY_OPTIONS, eventOptions, linkChanges, type LinkPages } from './document-labels';
import { useCaseEvents } from './useDocuments';

/** A document's title, date, category, author, the timeline events it supports and the page that shows each (a pin cite). */
export function DocumentEditModal({ document, onClose }: { document: DocumentRecord; onClose: () => void }) {
  const { data: events } = useCaseEvents(document.caseId);
  const queryClient = useQueryClient();
  const options = eventOptions(events);
  const initialPages: LinkPages = Object.fromEntries(document.eventLinks.map((link) => [String(link.eventId), link.page ?? '']));
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      title: document.title,
      documentDate: document.documentDate ?? '',
      category: document.category,
      author: document.author ?? '',
      eventIds: document.eventIds.map(String),
      pages: initialPages,
    },
    schema: documentFields,
    toInput: ({ eventIds: _eventIds, pages: _pages, ...fields }) => fields,
    save: async (fields) => {
      const saved = await callMethod('documents.update', { id: document.id, fields });
      const { link, unlink } = linkChanges(document.eventLinks, form.values.eventIds, form.values.pages);
      for (const change of link) await callMethod('documents.linkEvent', { documentId: document.id, ...change });
      for (const eventId of unlink) await callMethod('documents.unlinkEvent', { documentId: document.id, eventId });
      await refreshAfter(queryClient, 'documents.update');
      return saved;
    },
    successMessage: () => 'Document details saved',
    onSaved: onClose,
  });
  const labelOf = (id: string) => options.find((option) => option.value === id)?.label ?? `Event ${id}`;
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
          <MultiSelect label="Linked timeline events" data={options} searchable clearable nothingFoundMessage="No event matches" {...field('eventIds')} />
          {form.values.eventIds.length > 0 && (
            <Stack gap={6} aria-label="Pages cited" role="group">
              <Text size="sm" fw={500}>
                Page that shows each event
              </Text>
              <Text size="xs" c="dimmed" mt={-4}>
                The binder&apos;s chronology cites it as “P-7 at 3”. Leave empty to cite the whole document.
              </Text>
              {form.values.eventIds.map((eventId) => (
                <Group key={eventId} gap="sm" wrap="nowrap" justify="space-between">
                  <Text size="sm" truncate title={labelOf(eventId)} style={{ flex: 1, minWidth: 0 }}>
                    {labelOf(eventId)}
                  </Text>
                  <NumberInput
                    size="xs"
                    w={110}
                    min={1}
                    max={document.pageCount ?? 100_000}
                    allowDecimal={false}
                    allowNegative={false}
                    placeholder={document.pageCount ? `1–${document.pageCount}` : 'Page'}
                    aria-label={`Page for ${labelOf(eventId)}`}
                    {...field(`pages.${eventId}`)}
                  />
                </Group>
              ))}
            </Stack>
          )}
          <FormErrors message={formError} />
          <FormActions submitLabel="Save details" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
