import { Modal, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { caseFields, type CaseRecord, type Student } from '@shared/domain/entities';
import { CASE_STAGE_LABELS, type CaseStage, type JurisdictionCode } from '@shared/domain/vocabulary';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { todayIso } from '../../lib/dates';
import { JURISDICTION_OPTIONS, STAGE_OPTIONS } from '../../lib/labels';
import { useDistrictOptions } from '../contacts/useContacts';
import { useCreateCase, useUpdateCase } from './useCases';

type CaseValues = {
  title: string;
  stage: CaseStage;
  issues: string[];
  jurisdiction: JurisdictionCode;
  districtId: string | null;
  openedOn: string;
  closedOn: string;
  priorities: string;
};

function caseValues(record: CaseRecord | null, student: Student): CaseValues {
  return {
    title: record?.title ?? '',
    stage: record?.stage ?? 'intake',
    issues: record?.issues ?? [],
    jurisdiction: record?.jurisdiction ?? 'US',
    districtId: record ? (record.districtId ? String(record.districtId) : null) : student.districtId ? String(student.districtId) : null,
    openedOn: record?.openedOn ?? todayIso(),
    closedOn: record?.closedOn ?? '',
    priorities: record?.priorities ?? '',
  };
}

interface CaseFormProps {
  student: Student;
  record: CaseRecord | null;
  onClose: () => void;
}

function CaseForm({ student, record, onClose }: CaseFormProps) {
  const navigate = useNavigate();
  const create = useCreateCase();
  const update = useUpdateCase();
  const districtOptions = useDistrictOptions();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: caseValues(record, student),
    schema: caseFields,
    toInput: (values) => ({ ...values, studentId: student.id, districtId: values.districtId ? Number(values.districtId) : null }),
    save: ({ studentId, ...fields }) => (record ? update.mutateAsync({ id: record.id, fields }) : create.mutateAsync({ studentId, ...fields })),
    successMessage: (saved) => (record ? 'Case saved' : `Case “${saved.title}” opened`),
    onSaved: (saved) => {
      onClose();
      if (!record) void navigate(`/cases/${saved.id}`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label="Case title" withAsterisk placeholder="e.g. Reading services and evaluation" data-autofocus {...field('title')} />
        <SimpleGrid cols={2} spacing="sm">
          {record ? (
            <TextInput label="Stage" readOnly value={CASE_STAGE_LABELS[record.stage]} description="Change it on the Escalation tab, with the reason" />
          ) : (
            <Select label="Stage" data={STAGE_OPTIONS} allowDeselect={false} {...field('stage')} />
          )}
          <Select
            label="Jurisdiction"
            description="Which deadline rules apply"
            data={JURISDICTION_OPTIONS}
            searchable
            allowDeselect={false}
            {...field('jurisdiction')}
          />
          <Select label="School district" placeholder="Choose a district" data={districtOptions} searchable clearable {...field('districtId')} />
          <DateField label="Opened on" isRequired {...field('openedOn')} />
        </SimpleGrid>
        <TagsInput label="Issues" description="Press Enter after each issue" placeholder="e.g. Reading fluency, Behavior plan" clearable {...field('issues')} />
        <Textarea label="Family's priorities" autosize minRows={2} maxRows={6} {...field('priorities')} />
        {record && <DateField label="Closed on" {...field('closedOn')} />}
        <FormErrors message={formError} />
        <FormActions submitLabel={record ? 'Save case' : 'Open case'} isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

interface CaseFormModalProps {
  opened: boolean;
  onClose: () => void;
  student: Student;
  /** null opens a new case for the student. */
  record: CaseRecord | null;
}

export function CaseFormModal({ opened, onClose, student, record }: CaseFormModalProps) {
  const name = `${student.firstName} ${student.lastName}`;
  return (
    <Modal opened={opened} onClose={onClose} title={record ? 'Edit case' : `Open a case for ${name}`} size="lg">
      <CaseForm student={student} record={record} onClose={onClose} />
    </Modal>
  );
}
