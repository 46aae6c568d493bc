import { Group, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { DateField } from '../../components/DateField';
import type { FieldBinding } from '../../components/field-binding';

export function FamilyFields({ field, isAutoFocus = true, hasNotes = true }: { field: FieldBinding; isAutoFocus?: boolean; hasNotes?: boolean }) {
  return (
    <>
      <TextInput label="Family name" withAsterisk data-autofocus={isAutoFocus || undefined} {...field('name')} />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="Email" type="email" {...field('email')} />
        <TextInput label="Phone" {...field('phone')} />
      </SimpleGrid>
      <TextInput label="Primary language" {...field('primaryLanguage')} />
      <Textarea label="Address" autosize minRows={2} maxRows={4} {...field('address')} />
      <Group grow gap="sm" align="flex-start">
        <DateField label="Engaged on" {...field('engagedOn')} />
        <DateField label="Consent to share received on" {...field('consentOn')} />
      </Group>
      {hasNotes && <Textarea label="Notes" autosize minRows={2} maxRows={8} {...field('notes')} />}
    </>
  );
}
