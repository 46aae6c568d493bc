import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldBinding } from '../../components/field-binding';

/** In the new-family form the labels say 'Guardian …' to tell them from the family's own fields. */
export function GuardianFields({ field, isAutoFocus = false, isPrefixed = false }: { field: FieldBinding; isAutoFocus?: boolean; isPrefixed?: boolean }) {
  const label = (name: string) => (isPrefixed ? `Guardian ${name.toLowerCase()}` : name);
  return (
    <>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={label('Name')} data-autofocus={isAutoFocus || undefined} {...field('name')} />
        <TextInput label="Relationship" placeholder="Mother, father, foster parent…" {...field('relationship')} />
        <TextInput label={label('Email')} type="email" {...field('email')} />
        <TextInput label={label('Phone')} {...field('phone')} />
      </SimpleGrid>
      <Checkbox label="Primary contact for this family" {...field('isPrimary', { type: 'checkbox' })} />
    </>
  );
}
