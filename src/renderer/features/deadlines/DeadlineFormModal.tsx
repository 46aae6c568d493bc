import { Modal, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { formatDate } from '../../lib/dates';

interface DeadlineFormModalProps {
  title: string;
  size: 'sm' | 'md';
  item: Pick<DeadlineItem, 'title' | 'dueDate'>;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  formError: string | null;
  isSaving: boolean;
  submitLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** The frame every deadline action form shares: which deadline it acts on, its fields, errors and buttons. */
export function DeadlineFormModal({ title, size, item, onSubmit, formError, isSaving, submitLabel, onClose, children }: DeadlineFormModalProps) {
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            <Text span fw={600}>
              {item.title}
            </Text>
            {item.dueDate ? ` · due ${formatDate(item.dueDate)}` : ''}
          </Text>
          {children}
          <FormErrors message={formError} />
          <FormActions submitLabel={submitLabel} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
