import { Button, Group, MultiSelect, Paper, Select, Switch, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_SORTS, type CaseListItem } from '@shared/domain/entities';
import { CASE_STAGES, type CaseStage } from '@shared/domain/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SORT_OPTIONS, STAGE_OPTIONS } from '../../lib/labels';
import { useDistrictOptions } from '../contacts/useContacts';
import { CaseTable } from './CaseTable';
import { useCaseList } from './useCases';

type CaseSort = (typeof CASE_SORTS)[number];

function isCaseStage(value: string): value is CaseStage {
  return (CASE_STAGES as readonly string[]).includes(value);
}
/** The same fields cases.list searches (family, student, case title, district), case-insensitive. */
export function matchesCaseSearch(item: CaseListItem, search: string): boolean {
  const needle = search.toLowerCase();
  return [item.familyName, item.studentName, item.title, item.districtName ?? ''].some((text) => text.toLowerCase().includes(needle));
}

function isCaseSort(value: string | null): value is CaseSort {
  return (CASE_SORTS as readonly (string | null)[]).includes(value);
}

/**
 * Every open case, searchable and filterable, most recent activity first. The filters live in
 * the URL (?stage=iee&district=3&sort=family&archived=1) so the dashboard's stage counts and the
 * back button land on the same filtered list.
 */
export function CaseloadPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState('');
  // Filtered in memory on every keystroke (the list is already here); deferred, so typing stays
  // responsive while the rows catch up, and only rows that appear are rendered anew.
  const deferredSearch = useDeferredValue(search.trim());
  const stages = searchParams.getAll('stage').filter(isCaseStage);
  const districtId = searchParams.get('district');
  const sortParam = searchParams.get('sort');
  const sort: CaseSort = isCaseSort(sortParam) ? sortParam : 'recent_activity';
  const includeArchived = searchParams.get('archived') === '1';
  function setParam(name: string, values: string[]) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        for (const value of values) next.append(name, value);
        return next;
      },
      { replace: true },
    );
  }
  const setStages = (values: CaseStage[]) => setParam('stage', values);
  const setDistrictId = (value: string | null) => setParam('district', value ? [value] : []);
  const setSort = (value: CaseSort) => setParam('sort', value === 'recent_activity' ? [] : [value]);
  const setIncludeArchived = (value: boolean) => setParam('archived', value ? ['1'] : []);
  const districtOptions = useDistrictOptions();

  // With no parameter set this equals DEFAULT_CASELOAD_FILTERS, the list the dashboard prefetches.
  const filters = {
    ...(stages.length > 0 ? { stages } : {}),
    ...(districtId ? { districtId: Number(districtId) } : {}),
    sort,
    includeArchived,
  };
  const { data: all, isLoading, error, refetch, isFetching } = useCaseList(filters);
  const data = useMemo(() => (all && deferredSearch ? all.filter((item) => matchesCaseSearch(item, deferredSearch)) : all), [all, deferredSearch]);
  const isFiltered = Boolean(deferredSearch || stages.length > 0 || districtId);

  return (
    <>
      <PageHeader
        title="Caseload"
        subtitle={data ? `${data.length} ${data.length === 1 ? 'case' : 'cases'}${isFiltered ? ' match the filters' : ''}` : ' '}
        actions={<Button onClick={() => navigate('/families?new=1')}>New family</Button>}
      />
      <Paper withBorder radius="md" p="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Name, case or district"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={240}
            autoFocus
          />
          <MultiSelect
            label="Stage"
            placeholder={stages.length ? undefined : 'All stages'}
            data={STAGE_OPTIONS}
            value={stages}
            onChange={(value) => setStages(value as CaseStage[])}
            clearable
            searchable
            w={250}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="District"
            placeholder="All districts"
            data={districtOptions}
            value={districtId}
            onChange={setDistrictId}
            clearable
            searchable
            w={200}
          />
          <Select label="Sort by" data={SORT_OPTIONS} value={sort} onChange={(value) => value && setSort(value as CaseSort)} allowDeselect={false} w={170} />
          <Switch label="Show archived" checked={includeArchived} onChange={(event) => setIncludeArchived(event.currentTarget.checked)} mb={8} />
        </Group>
      </Paper>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && !isFiltered && !includeArchived && (
        <EmptyState
          title="Your caseload is empty"
          description="No cases yet. Add a family, then open a case for their child."
          action={<Button onClick={() => navigate('/families?new=1')}>Add a family</Button>}
        />
      )}
      {data && data.length === 0 && (isFiltered || includeArchived) && (
        <EmptyState title="No cases match" description="Try another search text, or clear the stage and district filters." />
      )}
      {data && data.length > 0 && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: isFetching && !isLoading ? 0.75 : 1 }}>
          <CaseTable cases={data} />
        </Paper>
      )}
      {data && data.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Select a row or press Enter on it to open the case.
        </Text>
      )}
    </>
  );
}
