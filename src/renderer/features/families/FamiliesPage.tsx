import { Button, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FamilyName, familyLabel } from '../../components/FamilyName';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ImportFamilyModal } from './ImportFamilyModal';
import { NewFamilyModal } from './NewFamilyModal';
import { useFamilyList } from './useFamilies';
import { ariaRowCount, VirtualTableBody } from '../../components/VirtualTableBody';

export function FamiliesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [isImporting, setIsImporting] = useState(false);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const { data, isLoading, error, refetch } = useFamilyList(debouncedSearch);
  const isCreating = params.get('new') === '1';
  const setCreating = (isOpen: boolean) => setParams(isOpen ? { new: '1' } : {}, { replace: true });

  return (
    <>
      <PageHeader
        title="Families"
        subtitle={data ? `${data.length} ${data.length === 1 ? 'family' : 'families'}` : ' '}
        actions={
          <>
            <Button variant="default" onClick={() => setIsImporting(true)}>
              Import family…
            </Button>
            <Button onClick={() => setCreating(true)}>New family</Button>
          </>
        }
      />
      <TextInput
        label="Search families"
        placeholder="Family or student name"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={320}
        mb="md"
      />
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && !debouncedSearch && (
        <EmptyState
          title="No families yet"
          description="Start with the family you are helping: add the family, a guardian and the student. Then open a case for the student."
          action={<Button onClick={() => setCreating(true)}>Add a family</Button>}
        />
      )}
      {data && data.length === 0 && debouncedSearch && <EmptyState title="No families match" description="Try part of a family or student name." />}
      {data && data.length > 0 && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table highlightOnHover aria-label="Families" aria-rowcount={ariaRowCount(data.length)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Family</Table.Th>
                <Table.Th>Students</Table.Th>
                <Table.Th ta="right">Open cases</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <VirtualTableBody
              items={data}
              getKey={(family) => family.id}
              columnCount={3}
              renderRow={(family, rowProps) => (
                <Table.Tr
                  {...rowProps}
                  key={family.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`/families/${family.id}`)}
                  onKeyDown={(event) => event.key === 'Enter' && navigate(`/families/${family.id}`)}
                  aria-label={familyLabel(family.name, family.hint)}
                >
                  <Table.Td fw={600}>
                    <FamilyName name={family.name} hint={family.hint} />
                  </Table.Td>
                  <Table.Td>
                    {family.studentNames.length ? (
                      family.studentNames.join(', ')
                    ) : (
                      <Text span c="dimmed" size="sm">
                        No students yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{family.openCaseCount}</Table.Td>
                </Table.Tr>
              )}
            />
          </Table>
        </Paper>
      )}
      <NewFamilyModal opened={isCreating} onClose={() => setCreating(false)} />
      <ImportFamilyModal opened={isImporting} onClose={() => setIsImporting(false)} />
    </>
  );
}
