import { Button, Group, Paper, Select, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Contact } from '@shared/domain/entities';
import { CONTACT_ROLE_LABELS } from '@shared/domain/vocabulary';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TruncatedCell } from '../../components/TruncatedCell';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { ContactModal } from './ContactModal';
import { DistrictsPanel } from '../districts/DistrictsPanel';
import { useContactList, useDeleteContact, useDistrictOptions, useDistricts } from './useContacts';

function ContactsPanel() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const districtOptions = useDistrictOptions();
  const { data: districts } = useDistricts();
  const remove = useDeleteContact();
  const filters = { ...(debouncedSearch ? { search: debouncedSearch } : {}), ...(districtId ? { districtId: Number(districtId) } : {}) };
  const { data, isLoading, error, refetch } = useContactList(filters);
  const isFiltered = Boolean(debouncedSearch || districtId);
  const districtName = (id: number | null) => districts?.find((district) => district.id === id)?.name ?? '—';

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved(`${deleting.name} deleted`);
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="Search contacts"
            placeholder="Name, organization or email"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={280}
          />
          <Select
            label="District"
            placeholder="All districts"
            data={districtOptions}
            value={districtId}
            onChange={setDistrictId}
            clearable
            searchable
            w={240}
          />
        </Group>
        <Button onClick={() => setEditing('new')}>New contact</Button>
      </Group>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && (
        <EmptyState
          title={isFiltered ? 'No contacts match' : 'No contacts yet'}
          description={isFiltered ? 'Try another search or district.' : 'Add the case managers, teachers, psychologists and district staff you work with.'}
        />
      )}
      {data && data.length > 0 && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table highlightOnHover layout="fixed" aria-label="Contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="14%">Name</Table.Th>
                <Table.Th w="15%">Role</Table.Th>
                <Table.Th w="14%">Organization</Table.Th>
                <Table.Th w="14%">District</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th w={150}>Phone</Table.Th>
                <Table.Th w={116} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((contact) => (
                <Table.Tr key={contact.id}>
                  <TruncatedCell isStrong title={contact.name}>
                    {contact.name}
                  </TruncatedCell>
                  <TruncatedCell title={CONTACT_ROLE_LABELS[contact.role]}>{CONTACT_ROLE_LABELS[contact.role]}</TruncatedCell>
                  <TruncatedCell title={contact.organization}>{contact.organization}</TruncatedCell>
                  <TruncatedCell title={districtName(contact.districtId)}>{districtName(contact.districtId)}</TruncatedCell>
                  <TruncatedCell title={contact.email}>{contact.email}</TruncatedCell>
                  <TruncatedCell>{contact.phone}</TruncatedCell>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setEditing(contact)} aria-label={`Edit ${contact.name}`}>
                      Edit
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDeleting(contact)} aria-label={`Delete ${contact.name}`}>
                      Delete
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <ContactModal opened contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete contact"
        message={<>Delete {deleting?.name}? They are removed from every case. Timeline events that name them keep their text.</>}
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

export function ContactsPage() {
  return (
    <>
      <PageHeader title="Contacts & districts" subtitle="The people and districts across your caseload" />
      <Tabs defaultValue="contacts" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="contacts">Contacts</Tabs.Tab>
          <Tabs.Tab value="districts">Districts</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contacts">
          <ContactsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="districts">
          <DistrictsPanel />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed" mt="md">
        Link contacts to a case from the case page.
      </Text>
    </>
  );
}
