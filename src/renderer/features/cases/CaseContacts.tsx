import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Contact } from '@shared/domain/entities';
import { CONTACT_ROLE_LABELS } from '@shared/domain/vocabulary';
import { notifyFailed } from '../../lib/notify';
import { offerUndo } from '../../lib/undo';
import { ContactModal } from '../contacts/ContactModal';
import { useContactList } from '../contacts/useContacts';
import { useLinkContact, useUnlinkContact } from './useCases';

interface CaseContactsProps {
  caseId: number;
  contacts: Contact[];
  districtId: number | null;
}

/** The school and district people on this case: link existing contacts or create one here. */
export function CaseContacts({ caseId, contacts, districtId }: CaseContactsProps) {
  const { data: allContacts } = useContactList();
  const link = useLinkContact();
  const unlink = useUnlinkContact();
  const [selected, setSelected] = useState<string | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const linkedIds = new Set(contacts.map((contact) => contact.id));
  const options = (allContacts ?? [])
    .filter((contact) => !linkedIds.has(contact.id))
    .map((contact) => ({ value: String(contact.id), label: `${contact.name} – ${CONTACT_ROLE_LABELS[contact.role]}` }));

  async function linkContact(contactId: number) {
    try {
      await link.mutateAsync({ caseId, contactId });
      setSelected(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  async function unlinkContact(contact: Contact) {
    try {
      await unlink.mutateAsync({ caseId, contactId: contact.id });
      offerUndo({
        id: `unlink-${caseId}-${contact.id}`,
        message: `${contact.name} removed from this case`,
        undo: () => link.mutateAsync({ caseId, contactId: contact.id }),
        undoneMessage: `${contact.name} is on this case again`,
        focusAfterUndo: `[aria-label="${CSS.escape(`Unlink ${contact.name}`)}"]`,
      });
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Contacts on this case
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => setIsCreating(true)}>
          New contact
        </Button>
      </Group>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          No contacts yet. Link the case manager, teachers and district staff you deal with.
        </Text>
      ) : (
        <Stack gap={6} mb="sm">
          {contacts.map((contact) => (
            <Group key={contact.id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={600}>
                  {contact.name}
                </Text>
                <Text size="xs" c="dimmed" truncate title={contact.email ?? undefined}>
                  {CONTACT_ROLE_LABELS[contact.role]}
                  {contact.organization ? ` · ${contact.organization}` : ''}
                  {contact.email ? ` · ${contact.email}` : ''}
                </Text>
              </Stack>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                style={{ flexShrink: 0 }}
                onClick={() => void unlinkContact(contact)}
                aria-label={`Unlink ${contact.name}`}
              >
                Unlink
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Link an existing contact"
          placeholder={options.length ? 'Search contacts' : 'No other contacts yet'}
          data={options}
          value={selected}
          onChange={setSelected}
          searchable
          clearable
          nothingFoundMessage="No contact matches"
          style={{ flex: 1 }}
          size="xs"
        />
        <Button size="xs" variant="default" disabled={!selected} loading={link.isPending} onClick={() => selected && void linkContact(Number(selected))}>
          Link
        </Button>
      </Group>
      {isCreating && (
        <ContactModal
          opened
          contact={null}
          defaultDistrictId={districtId}
          onClose={() => setIsCreating(false)}
          onSaved={(created) => void linkContact(created.id)}
        />
      )}
    </Paper>
  );
}
