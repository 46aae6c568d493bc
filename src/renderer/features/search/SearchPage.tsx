import { familyLabel } from '../../components/FamilyName';
import { Anchor, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SearchHitRow } from './SearchHitRow';
import { useDebounced, useSearch } from './useSearch';

function Divided({ children }: { children: React.ReactNode[] }) {
  return (
    <>
      {children.map((child, index) => (
        <div key={index} style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}>
          {child}
        </div>
      ))}
    </>
  );
}

/** Vault-wide search, results grouped by case with the matched words marked. The query lives in the URL (?q=). */
export function SearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const [text, setText] = useState(query);
  const debounced = useDebounced(text, 250);
  const { data, isLoading, isFetching, error, refetch } = useSearch(query);

  useEffect(() => setText(query), [query]);
  useEffect(() => {
    if (debounced.trim() !== query.trim()) setSearchParams(debounced.trim() ? { q: debounced } : {}, { replace: true });
    // Only typing moves the URL; the URL moving the input is the effect above.
  }, [debounced]);

  const total = data ? data.cases.reduce((sum, group) => sum + group.hits.length, 0) + data.other.length : 0;

  return (
    <>
      <PageHeader title="Search" subtitle="Families, students, cases, timeline entries, meetings, decisions, documents' text and contacts." />
      <Stack gap="md">
        <TextInput
          aria-label="Search the vault"
          placeholder="Type words to find, e.g. reading evaluation"
          size="md"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          data-autofocus
          autoFocus
          rightSection={
            isFetching ? (
              <Text size="xs" c="dimmed">
                …
              </Text>
            ) : null
          }
        />
        {!query.trim() ? (
          <EmptyState title="Search the whole vault" description="Tip: press Ctrl+K (⌘K on a Mac) anywhere to search and jump straight to a result." />
        ) : !data ? (
          <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
        ) : total === 0 ? (
          <EmptyState title={`Nothing matches “${query}”`} description="Try fewer or different words; the last word may be the start of a word." />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {data.isTruncated ? `The first ${data.total} results` : `${total} result${total === 1 ? '' : 's'}`} for “{query}”
            </Text>
            {data.cases.map((group) => (
              <Paper
                key={group.caseId}
                withBorder
                radius="md"
                component="section"
                aria-label={`${group.studentName}${group.familyHint ? ` (${familyLabel(group.familyName, group.familyHint)})` : ''} · ${group.caseTitle}`}
                data-testid="search-case-group"
              >
                <Group
                  justify="space-between"
                  px="md"
                  py="xs"
                  bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0' }}
                >
                  <Group gap="xs">
                    <Anchor component={Link} to={`/cases/${group.caseId}`} fw={700} size="sm">
                      {group.studentName}
                    </Anchor>
                    <Text size="sm">· {group.caseTitle}</Text>
                  </Group>
                  <Anchor component={Link} to={`/families/${group.familyId}`} size="xs" c="dimmed">
                    {familyLabel(group.familyName, group.familyHint)}
                  </Anchor>
                </Group>
                <Divided>
                  {group.hits.map((hit) => (
                    <SearchHitRow key={`${hit.kind}-${hit.entityId}`} hit={hit} />
                  ))}
                </Divided>
              </Paper>
            ))}
            {data.other.length > 0 && (
              <Paper withBorder radius="md" component="section" aria-label="Families and contacts">
                <Title
                  order={3}
                  size="h6"
                  px="md"
                  py="xs"
                  bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                >
                  Families and contacts
                </Title>
                <Divided>
                  {data.other.map((hit) => (
                    <SearchHitRow key={`${hit.kind}-${hit.entityId}`} hit={hit} context={hit.familyName ? familyLabel(hit.familyName, hit.familyHint) : null} />
                  ))}
                </Divided>
              </Paper>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
