import { Autocomplete, Text, Select, SimpleGrid, TextInput } from '@mantine/core';
import { ELIGIBILITY_CATEGORIES } from '@shared/domain/vocabulary';
import { DateField } from '../../components/DateField';
import type { FieldBinding } from '../../components/field-binding';
import { useDistrictOptions } from '../contacts/useContacts';

interface StudentFieldsProps {
  field: FieldBinding;
  isAutoFocus?: boolean;
  /** The new-family form asks only for the essentials; the family page edits everything. */
  isFull?: boolean;
}

export function StudentFields({ field, isAutoFocus = false, isFull = true }: StudentFieldsProps) {
  const districtOptions = useDistrictOptions();
  return (
    <>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="First name" data-autofocus={isAutoFocus || undefined} {...field('firstName')} />
        <TextInput label="Last name" {...field('lastName')} />
        <DateField label="Date of birth" {...field('dateOfBirth')} />
        <Select label="School district" placeholder="Choose a district" data={districtOptions} searchable clearable {...field('districtId')} />
        <TextInput label="School" {...field('school')} />
        <TextInput label="Grade" placeholder="e.g. 4, K, 11" {...field('grade')} />
      </SimpleGrid>
      {isFull && (
        <>
          <Autocomplete
            label="Eligibility category"
            placeholder="Choose or type a category"
            data={[...ELIGIBILITY_CATEGORIES]}
            {...field('eligibilityCategory')}
          />
          <SimpleGrid cols={2} spacing="sm">
            <DateField label="IEP starts on" {...field('iepStartOn')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            The IEP meeting, annual review and triennial dates come from the case timeline: record the IEP meeting (with its kind) and the reevaluation
            determination there.
          </Text>
        </>
      )}
    </>
  );
}
