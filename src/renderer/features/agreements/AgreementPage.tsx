import { Anchor, Button, Group, Loader, Menu, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { AGREEMENT_TYPE_LABELS } from '@shared/domain/agreements';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useCase } from '../cases/useCases';
import { useCaseDocuments } from '../documents/useDocuments';
import { LetterModal } from '../letters/LetterModal';
import { AgreementFormModal } from './AgreementFormModal';
import { AgreementSummaryCard } from './AgreementSummaryCard';
import { ServiceLogImportModal } from './ServiceLogImportModal';
import { TermFormModal } from './TermFormModal';
import { TermsTable, type TermEntry } from './TermsTable';
import { ThresholdsModal } from './ThresholdsModal';
import { useAgreement, useDeleteAgreement, useDeleteTerm } from './useAgreements';

// The chart library (recharts) loads with the first chart shown, not with the app.
const ComplianceChart = lazy(() => import('./ComplianceChart').then((module) => ({ default: module.ComplianceChart })));

type Dialog =
  | { kind: 'edit-agreement' }
  | { kind: 'delete-agreement' }
  | { kind: 'thresholds' }
  | { kind: 'letter' }
  | { kind: 'add-term' }
  | { kind: 'edit-term'; entry: TermEntry }
  | { kind: 'delete-term'; entry: TermEntry }
  | { kind: 'import'; entry: TermEntry };

/** One agreement: what it promises, term by term, and how much of it the district has delivered. */
export function AgreementPage() {
  const id = Number(useParams().id);
  // 'As of' a past date (the day of a meeting): blank or invalid means today.
  const [asOfText, setAsOfText] = useState('');
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) && dayjs(asOfText, 'YYYY-MM-DD', true).isValid() ? asOfText : undefined;
  const { data: detail, isLoading, error, refetch } = useAgreement(id, asOf);
  const caseId = detail?.agreement.caseId ?? 0;
  const { data: caseData } = useCase(caseId);
  const { data: documents } = useCaseDocuments(caseId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [expandedIds, setExpandedIds] = useState<number[]>([]);
  const [chartTermId, setChartTermId] = useState<number | null>(null);
  const deleteAgreement = useDeleteAgreement();
  const deleteTerm = useDeleteTerm();
  const navigate = useNavigate();

  if (!detail) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const { agreement, terms } = detail;
  const chartable = terms.filter((entry) => entry.series.length > 0);
  const chartEntry = chartable.find((entry) => entry.term.id === chartTermId) ?? chartable[0] ?? null;
  const sourceDocument = documents?.find((document) => document.id === agreement.sourceDocumentId);
  const studentName = caseData ? `${caseData.student.firstName} ${caseData.student.lastName}` : 'Case';
  const close = () => setDialog(null);

  function toggle(termId: number) {
    setExpandedIds((current) => (current.includes(termId) ? current.filter((candidate) => candidate !== termId) : [...current, termId]));
    setChartTermId(termId);
  }

  async function confirmDeleteAgreement() {
    try {
      await deleteAgreement.mutateAsync({ id: agreement.id });
      notifySaved('Agreement deleted');
      void navigate(`/cases/${agreement.caseId}?tab=agreements`);
    } catch (failure) {
      notifyFailed(failure, 'Could not delete the agreement');
    }
  }

  async function confirmDeleteTerm(entry: TermEntry) {
    try {
      await deleteTerm.mutateAsync({ id: entry.term.id });
      notifySaved('Term deleted');
      close();
    } catch (failure) {
      notifyFailed(failure, 'Could not delete the term');
    }
  }

  return (
    <>
      <PageHeader
        above={
          <Group gap={6}>
            <Anchor underline="hover" component={Link} to="/cases" size="sm">
              Caseload
            </Anchor>
            <Text size="sm" c="dimmed">
              /
            </Text>
            <Anchor underline="hover" component={Link} to={`/cases/${agreement.caseId}?tab=agreements`} size="sm">
              {studentName} · Agreements
            </Anchor>
          </Group>
        }
        title={agreement.title}
        subtitle={
          <Group gap="md">
            <Text size="sm" fw={500} c="var(--mantine-color-text)">
              {AGREEMENT_TYPE_LABELS[agreement.type]}
            </Text>
            <Text size="sm" c="dimmed">
              {agreement.signedOn ? `Signed ${formatDate(agreement.signedOn)}` : 'Signing date not recorded'}
            </Text>
            {agreement.parties && (
              <Text size="sm" c="dimmed" lineClamp={1} title={agreement.parties}>
                Parties: {agreement.parties}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              Source:{' '}
              {sourceDocument ? (
                <Anchor component={Link} to={`/cases/${agreement.caseId}?tab=documents`} size="sm">
                  {sourceDocument.title}
                </Anchor>
              ) : (
                'no document linked'
              )}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button variant="default" onClick={() => setDialog({ kind: 'letter' })}>
              Notice of non-implementation…
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'edit-agreement' })}>
              Edit agreement
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" aria-label="More agreement actions">
                  …
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog({ kind: 'thresholds' })}>Compliance thresholds…</Menu.Item>
                <Menu.Item color="red" onClick={() => setDialog({ kind: 'delete-agreement' })}>
                  Delete agreement
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" data-testid="as-of">
          <div style={{ width: 300 }}>
            <DateField
              label="Figures as of"
              description="Blank: today. Counts every fact dated on or before it, whenever entered."
              value={asOfText}
              onChange={(value) => setAsOfText(typeof value === 'string' ? value : '')}
              error={asOfText !== '' && !asOf ? 'Enter a real date as YYYY-MM-DD' : undefined}
            />
          </div>
          {asOf && (
            <Button variant="subtle" size="xs" mb={4} onClick={() => setAsOfText('')}>
              Back to today
            </Button>
          )}
        </Group>
        <AgreementSummaryCard detail={detail} onChangeThresholds={() => setDialog({ kind: 'thresholds' })} />
        {chartEntry && (
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" mb="sm" align="flex-end">
              <div>
                <Title order={3} size="h5">
                  Owed vs delivered
                </Title>
                <Text size="xs" c="dimmed">
                  Week by week since the term started; the gap between the lines is the shortfall.
                </Text>
              </div>
              <Select
                aria-label="Term shown in the chart"
                data={chartable.map((entry) => ({ value: String(entry.term.id), label: entry.term.description }))}
                value={String(chartEntry.term.id)}
                onChange={(value) => value && setChartTermId(Number(value))}
                allowDeselect={false}
                w={340}
              />
            </Group>
            <Suspense fallback={<Loader size="sm" aria-label="Loading the chart" />}>
              <ComplianceChart series={chartEntry.series} unit={chartEntry.compliance.unit} />
            </Suspense>
          </Paper>
        )}
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <div>
              <Title order={3} size="h5">
                Terms
              </Title>
              <Text size="xs" c="dimmed">
                Open a term for the sentence behind its figures and its implementation log.
              </Text>
            </div>
            <Button size="sm" onClick={() => setDialog({ kind: 'add-term' })}>
              Add term
            </Button>
          </Group>
          {terms.length === 0 ? (
            <EmptyState
              title="No terms yet"
              description="Split the agreement into its promises: each service with its minutes and frequency, each evaluation by its date, each reimbursement."
            />
          ) : (
            <TermsTable
              caseId={agreement.caseId}
              terms={terms}
              expandedIds={expandedIds}
              onToggle={toggle}
              onEdit={(entry) => setDialog({ kind: 'edit-term', entry })}
              onDelete={(entry) => setDialog({ kind: 'delete-term', entry })}
              onImport={(entry) => setDialog({ kind: 'import', entry })}
            />
          )}
        </Paper>
      </Stack>
      {dialog?.kind === 'edit-agreement' && <AgreementFormModal caseId={agreement.caseId} agreement={agreement} onClose={close} />}
      {dialog?.kind === 'thresholds' && <ThresholdsModal thresholds={detail.thresholds} onClose={close} />}
      {dialog?.kind === 'letter' && (
        <LetterModal caseId={agreement.caseId} initialKind="non_implementation_notice" agreementId={agreement.id} onClose={close} />
      )}
      {dialog?.kind === 'add-term' && (
        <TermFormModal
          agreementId={agreement.id}
          defaultStart={agreement.signedOn ?? ''}
          term={null}
          otherTerms={terms.map((entry) => ({ id: entry.term.id, description: entry.term.description }))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'edit-term' && (
        <TermFormModal
          agreementId={agreement.id}
          defaultStart={agreement.signedOn ?? ''}
          term={dialog.entry.term}
          otherTerms={terms
            .filter((entry) => entry.term.id !== dialog.entry.term.id)
            .map((entry) => ({ id: entry.term.id, description: entry.term.description }))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'import' && <ServiceLogImportModal termId={dialog.entry.term.id} termDescription={dialog.entry.term.description} onClose={close} />}
      <ConfirmDialog
        opened={dialog?.kind === 'delete-agreement'}
        title="Delete agreement"
        message={`Delete “${agreement.title}” with its ${terms.length} ${terms.length === 1 ? 'term' : 'terms'} and their implementation logs? The source document stays in the case's documents.`}
        confirmLabel="Delete agreement"
        isPending={deleteAgreement.isPending}
        onConfirm={() => void confirmDeleteAgreement()}
        onClose={close}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'delete-term'}
        title="Delete term"
        message={dialog?.kind === 'delete-term' ? `Delete “${dialog.entry.term.description}” and its implementation log?` : ''}
        confirmLabel="Delete term"
        isPending={deleteTerm.isPending}
        onConfirm={() => dialog?.kind === 'delete-term' && void confirmDeleteTerm(dialog.entry)}
        onClose={close}
      />
    </>
  );
}
