import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Progress,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callMethod } from '../../api/use-api';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../lib/form-errors';
import { AdvocateProfileModal } from '../profile/AdvocateProfileModal';
import { BinderResult } from './BinderResult';
import { BinderSectionList } from './BinderSectionList';
import { binderOptions, DEFAULT_BATES, includedDocumentPages, type BatesValues, type PlanSection } from './binder-options';
import { useBinderBuild } from './useBinderBuild';
import { formatCount } from '@shared/format';

/** The mediation binder in one click: the default plan is ready to build; everything else is optional. */
export function BinderBuilderModal({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const plan = useQuery({
    queryKey: ['binder-plan', caseId],
    queryFn: () => callMethod('bundles.binderPlan', { caseId, options: {} }),
    staleTime: 0,
  });
  const [sections, setSections] = useState<PlanSection[] | null>(null);
  const [bates, setBates] = useState<BatesValues>(DEFAULT_BATES);
  const [paperSize, setPaperSize] = useState<'letter' | 'a4'>('letter');
  const [includeNotes, setIncludeNotes] = useState(false);
  const [positionStatement, setPositionStatement] = useState<string | null>(null);
  const [isEditingProfile, setIsEditingProfile] = useState(false);
  const { state, build, reset } = useBinderBuild(caseId);
  useEffect(() => {
    if (plan.data && sections === null) setSections(plan.data.sections);
    if (plan.data && positionStatement === null) setPositionStatement(plan.data.positionStatement);
  }, [plan.data, sections, positionStatement]);
  const isPositionIncluded = sections?.some((section) => section.id === 'position_statement' && section.include) ?? false;

  const isBuilding = state.kind === 'building';
  const counts = sections ? includedDocumentPages(sections) : null;
  const progress = state.kind === 'building' ? state.progress : null;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const setBatesField = <K extends keyof BatesValues>(key: K, value: BatesValues[K]) => setBates((current) => ({ ...current, [key]: value }));

  return (
    <Modal
      opened
      onClose={isBuilding ? () => undefined : onClose}
      title="Mediation binder"
      size={1080}
      closeOnClickOutside={!isBuilding}
      closeOnEscape={!isBuilding}
    >
      {state.kind === 'built' ? (
        <BinderResult result={state.result} onBack={reset} />
      ) : (
        <Stack gap="sm">
          <QueryState isLoading={plan.isLoading} error={plan.error} onRetry={() => void plan.refetch()} />
          {plan.data && plan.data.warnings.length > 0 && (
            <Alert color="yellow" variant="light" title="Before you build">
              <List size="sm" spacing={2}>
                {plan.data.warnings.map((warning) => (
                  <List.Item key={warning}>{warning}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {/* Two panes side by side when the dialog is wide enough, stacked when not (by the dialog's width, not the window's). */}
          {sections && (
            <Group align="flex-start" gap="md" wrap="wrap">
              <Box style={{ flex: '999 1 620px', minWidth: 0 }}>
                <Text size="sm" c="dimmed" mb={6}>
                  Drag sections to reorder them (or use the arrows), switch off what you do not need, and untick single documents.
                </Text>
                <fieldset disabled={isBuilding} style={{ border: 0, padding: 0, margin: 0 }}>
                  <BinderSectionList sections={sections} onChange={setSections} />
                  {isPositionIncluded && (
                    <Textarea
                      mt="sm"
                      label="Position statement (prints exactly as shown)"
                      description="Built from the meeting prep: each issue’s position, interests, asks and records. Minimum acceptable and can-compromise items are never included. Lines starting with # are headings."
                      autosize
                      minRows={6}
                      maxRows={16}
                      value={positionStatement ?? ''}
                      onChange={(event) => setPositionStatement(event.currentTarget.value)}
                    />
                  )}
                </fieldset>
              </Box>
              <Box style={{ flex: '1 1 260px', minWidth: 0 }}>
                <Stack gap="sm">
                  <Title order={4} size="h6">
                    Page numbers
                  </Title>
                  <Switch
                    label="Bates-number every page"
                    checked={bates.isEnabled}
                    disabled={isBuilding}
                    onChange={(event) => setBatesField('isEnabled', event.currentTarget.checked)}
                  />
                  {bates.isEnabled && (
                    <>
                      <TextInput
                        label="Prefix"
                        placeholder="e.g. HADDAD"
                        value={bates.prefix}
                        onChange={(event) => setBatesField('prefix', event.currentTarget.value)}
                        maxLength={20}
                      />
                      <Group grow>
                        <NumberInput
                          label="Digits"
                          min={1}
                          max={12}
                          allowDecimal={false}
                          value={bates.digits}
                          onChange={(value) => setBatesField('digits', Number(value) || 6)}
                        />
                        <NumberInput
                          label="Start at"
                          min={0}
                          allowDecimal={false}
                          value={bates.start}
                          onChange={(value) => setBatesField('start', Number(value) || 0)}
                        />
                      </Group>
                      <Text size="xs" c="dimmed">
                        First page: {bates.prefix.trim()}
                        {String(bates.start).padStart(bates.digits, '0')}
                      </Text>
                    </>
                  )}
                  <Title order={4} size="h6" mt="sm">
                    Chronology
                  </Title>
                  <Switch
                    label="Include my own notes"
                    description="Off: only dated facts go in, each citing its exhibit. Your notes are work product."
                    checked={includeNotes}
                    disabled={isBuilding}
                    onChange={(event) => setIncludeNotes(event.currentTarget.checked)}
                  />
                  <Title order={4} size="h6" mt="sm">
                    Paper
                  </Title>
                  <SegmentedControl
                    aria-label="Paper size"
                    value={paperSize}
                    disabled={isBuilding}
                    onChange={(value) => setPaperSize(value === 'a4' ? 'a4' : 'letter')}
                    data={[
                      { value: 'letter', label: 'US Letter' },
                      { value: 'a4', label: 'A4' },
                    ]}
                  />
                  <Text size="xs" c="dimmed">
                    Every page is scaled to fit between white bands, so page numbers and exhibit labels never cover the record.
                  </Text>
                  <Title order={4} size="h6" mt="sm">
                    Cover
                  </Title>
                  <Anchor component="button" type="button" size="sm" onClick={() => setIsEditingProfile(true)} style={{ textAlign: 'left' }}>
                    Your details used on letters and binder covers
                  </Anchor>
                  {counts && (
                    <Text size="sm" c="dimmed" mt="sm">
                      {formatCount(counts.documents, 'document')} ({formatCount(counts.pages, 'page')}) plus the generated sections.
                    </Text>
                  )}
                </Stack>
              </Box>
            </Group>
          )}
          {isBuilding && (
            <Stack gap={4} data-testid="binder-progress">
              <Progress value={percent} animated striped size="lg" aria-label="Binder build progress" />
              <Text size="sm" c="dimmed" data-testid="binder-progress-label">
                {progress ? `${progress.label} (${progress.done} of ${progress.total})` : 'Starting…'}
              </Text>
            </Stack>
          )}
          {state.kind === 'failed' && (
            <Alert color="red" variant="light" title="The binder was not built" role="alert">
              {errorMessage(state.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isBuilding}>
              Cancel
            </Button>
            <Button
              onClick={() =>
                sections && void build(binderOptions(sections, bates, paperSize, includeNotes, isPositionIncluded ? (positionStatement ?? '') : undefined))
              }
              loading={isBuilding}
              disabled={!sections}
            >
              Build binder
            </Button>
          </Group>
        </Stack>
      )}
      {isEditingProfile && <AdvocateProfileModal onClose={() => setIsEditingProfile(false)} />}
    </Modal>
  );
}
