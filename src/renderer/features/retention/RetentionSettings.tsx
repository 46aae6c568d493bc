import { Anchor, Button, Group, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { serverFieldErrors } from '../../lib/form-errors';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { SettingsCard } from '../settings/SettingsCard';
import { useFamilyList } from '../families/useFamilies';
import { FamilyName } from '../../components/FamilyName';
import { useRetentionFlags, useRetentionSettings, useSaveRetentionSettings } from '../settings/useSettings';

function monthsInWords(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : '', rest > 0 ? `${rest} ${rest === 1 ? 'month' : 'months'}` : ''];
  return parts.filter(Boolean).join(' and ');
}

function RetentionPeriodCard() {
  const { data, isLoading, error, refetch } = useRetentionSettings();
  const save = useSaveRetentionSettings();
  const [months, setMonths] = useState<number | string>('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  useEffect(() => {
    if (data) setMonths(data.closedCaseReviewAfterMonths);
  }, [data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(months);
    if (!Number.isInteger(value) || value < 1 || value > 1200) {
      setFieldError('Enter a whole number of months between 1 and 1200');
      return;
    }
    setFieldError(undefined);
    try {
      await save.mutateAsync({ closedCaseReviewAfterMonths: value });
      notifySaved('Retention period saved');
    } catch (failure) {
      const fields = serverFieldErrors(failure);
      if (fields.closedCaseReviewAfterMonths) setFieldError(fields.closedCaseReviewAfterMonths);
      else notifyFailed(failure, 'Could not save the retention period');
    }
  }

  const value = Number(months);
  return (
    <SettingsCard
      title="Retention period"
      description="How long a closed case is kept before it is flagged for review. Nothing is ever deleted automatically: for each flagged case you decide to keep it, export it or purge the family."
    >
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && (
        <form onSubmit={submit} noValidate aria-label="Retention period">
          <Group align="flex-end" gap="sm">
            <NumberInput
              label="Review closed cases after"
              description={Number.isInteger(value) && value > 0 ? `${monthsInWords(value)} after the case closed` : 'Months after the case closed'}
              suffix=" months"
              min={1}
              max={1200}
              allowDecimal={false}
              allowNegative={false}
              value={months}
              onChange={setMonths}
              error={fieldError}
              w={280}
            />
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </form>
      )}
    </SettingsCard>
  );
}

function FlaggedCasesCard() {
  const { data, isLoading, error, refetch } = useRetentionFlags();
  const families = useFamilyList('');
  const hints = new Map((families.data ?? []).map((family) => [family.id, family.hint]));
  return (
    <SettingsCard
      title="Closed cases due for review"
      description={
        data && data.length > 0
          ? `${data.length} ${data.length === 1 ? 'case has' : 'cases have'} been closed longer than the retention period. Open each to decide: keep it, export the family, or purge it.`
          : undefined
      }
    >
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && <EmptyState title="Nothing to review" description="No closed case is older than the retention period." />}
      {data && data.length > 0 && (
        <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
          <Table aria-label="Closed cases due for review">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case</Table.Th>
                <Table.Th>Student</Table.Th>
                <Table.Th>Family</Table.Th>
                <Table.Th>Closed</Table.Th>
                <Table.Th>Review due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((flag) => (
                <Table.Tr key={flag.caseId} data-testid="retention-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${flag.caseId}`} size="sm" fw={600}>
                      {flag.caseTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{flag.studentName}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/families/${flag.familyId}`} size="sm">
                      <FamilyName name={flag.familyName} hint={hints.get(flag.familyId)} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(flag.closedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text span size="sm" c="orange">
                      {formatDate(flag.reviewDueOn)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </SettingsCard>
  );
}

export function RetentionSettings() {
  return (
    <Stack gap="md">
      <RetentionPeriodCard />
      <FlaggedCasesCard />
    </Stack>
  );
}
