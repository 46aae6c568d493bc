import { Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { hasKinds } from '@shared/deadlines';
import { DateField } from '../../components/DateField';
import { kindHelp, kindOptions } from './fact-values';

interface FactFieldsProps {
  type: string;
  /** Binds a form field by name (the form's `field`). */
  field: (name: string, options?: { type: 'checkbox' }) => Record<string, unknown>;
  /** Meetings hide the kind for resolution sessions and mediations. */
  showKind?: boolean;
}

/**
 * The kind and the few details the deadline rules read, shown for the entry's type only: an IEP
 * meeting's kind, notice and draft dates and whether an IEP was finalized; a removal's school
 * days and placement decision; who filed a complaint and whether it is expedited...
 */
export function FactFields({ type, field, showKind = true }: FactFieldsProps) {
  return (
    <Stack gap="xs">
      {showKind && hasKinds(type) && (
        <Select
          label="Kind"
          withAsterisk
          description={kindHelp(type)}
          data={kindOptions(type)}
          placeholder="Choose the kind"
          allowDeselect={false}
          data-testid="fact-kind"
          {...field('kind')}
        />
      )}
      {type === 'iep_meeting' && (
        <>
          <SimpleGrid cols={3} spacing="sm">
            <DateField label="Notice sent" description="When known" {...field('noticeOn')} />
            <DateField label="Draft documents received" description="When known" {...field('draftsOn')} />
            <DateField label="IEP copy received" description="When known" {...field('iepCopyOn')} />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox label="An IEP was finalized" {...field('isIepFinalized', { type: 'checkbox' })} />
            <Checkbox label="Includes a transition plan" {...field('hasTransitionPlan', { type: 'checkbox' })} />
            <Checkbox label="Includes the transfer-of-rights statement" {...field('hasTransferOfRights', { type: 'checkbox' })} />
          </Group>
        </>
      )}
      {type === 'disciplinary_removal' && (
        <Group gap="lg" align="flex-end">
          <TextInput
            label="School days removed"
            description="Consecutive school days of this removal"
            inputMode="numeric"
            w={220}
            data-testid="fact-school-days"
            {...field('schoolDays')}
          />
          <Checkbox label="The district decided this is a change of placement (34 CFR 300.536)" {...field('isChangeOfPlacement', { type: 'checkbox' })} />
        </Group>
      )}
      {type === 'due_process_filed' && <Checkbox label="Expedited (discipline) hearing, 34 CFR 300.532(c)" {...field('isExpedited', { type: 'checkbox' })} />}
      {type === 'resolution_waived' && (
        <Checkbox label="Waived by both parties, in writing (only then is the meeting waived)" {...field('isJointWritten', { type: 'checkbox' })} />
      )}
      {type === 'no_agreement' && <Checkbox label="Agreed in writing that no agreement is possible" {...field('isWritten', { type: 'checkbox' })} />}
    </Stack>
  );
}
