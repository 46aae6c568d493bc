import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { preparationWorksheet, type MeetingRecord } from '@shared/domain/meetings';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { FormErrors } from '../../components/FormErrors';
import { errorMessage, serverFieldErrors } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { validateWith } from '../../lib/validate';
import { IssueBlock } from './IssueBlock';
import { ParentConcernsPanel } from './ParentConcernsPanel';
import { TrialsForMeeting, trialWorksheetIssue } from '../trials/TrialsForMeeting';
import { useSavePreparation } from './useMeetings';
import { emptyIssue, worksheetInput, worksheetValues, type IssueValues } from './worksheet-values';

interface PreparationTabProps {
  meeting: MeetingRecord;
  caseIssues: string[];
}

/**
 * Edits not yet stored, by meeting, in memory only (never browser storage): a worksheet that
 * cannot be saved yet (a required field empty) survives a tab switch or a trip to another page.
 */
const drafts = new Map<number, IssueValues[]>();
const AUTOSAVE_DELAY_MS = 1_000;

type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'failed';

/**
 * The preparation worksheet: saves itself a moment after typing stops and when the tab or page
 * is left (Ctrl/Cmd+S or Save saves at once). Until the advocate edits it, a prefilled worksheet
 * is only a start and is not stored.
 */
export function PreparationTab({ meeting, caseIssues }: PreparationTabProps) {
  const [issues, setIssues] = useState<IssueValues[]>(() => drafts.get(meeting.id) ?? worksheetValues(meeting.preparation, caseIssues));
  const [savedSnapshot, setSavedSnapshot] = useState(() => JSON.stringify(worksheetValues(meeting.preparation, caseIssues)));
  const [hasEdited, setHasEdited] = useState(() => drafts.has(meeting.id));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const save = useSavePreparation();
  // A worksheet never saved counts as unsaved even when prefilled: the prefill is only a start.
  const isDirty = meeting.preparation === null ? issues.length > 0 : JSON.stringify(issues) !== savedSnapshot;
  const pending = useRef({ issues, isDirty, hasEdited, savedSnapshot });
  pending.current = { issues, isDirty, hasEdited, savedSnapshot };

  const edit = (update: (current: IssueValues[]) => IssueValues[]) => {
    setHasEdited(true);
    setIssues(update);
  };
  const change = (index: number) => (key: keyof IssueValues, value: string) =>
    edit((current) => current.map((issue, at) => (at === index ? { ...issue, [key]: value } : issue)));

  async function saveWorksheet(isQuiet = false) {
    const values = pending.current.issues;
    const validation = validateWith(preparationWorksheet, worksheetInput(values));
    if (!validation.isValid) {
      // While typing, an incomplete issue is not an error yet; asked to save, it is.
      setSaveState('invalid');
      if (!isQuiet) {
        setErrors(validation.errors);
        setFormError('Please correct the highlighted fields.');
      }
      return;
    }
    setErrors({});
    setFormError(null);
    setSaveState('saving');
    const snapshot = JSON.stringify(values);
    try {
      await save.mutateAsync({ id: meeting.id, preparation: validation.data });
      setSavedSnapshot(snapshot);
      drafts.delete(meeting.id);
      setSaveState(JSON.stringify(pending.current.issues) === snapshot ? 'saved' : 'unsaved');
      if (!isQuiet) notifySaved('Worksheet saved');
    } catch (error) {
      setSaveState('failed');
      const fields = serverFieldErrors(error);
      const byIssue = Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^preparation\./, ''), message]));
      setErrors(byIssue);
      setFormError(Object.keys(byIssue).length > 0 ? 'Please correct the highlighted fields.' : errorMessage(error));
    }
  }

  // Autosave a moment after the last edit.
  useEffect(() => {
    if (!hasEdited || !isDirty) return;
    setSaveState('unsaved');
    const timer = setTimeout(() => void saveWorksheet(true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // saveWorksheet reads the latest values from a ref; the timer restarts on each edit.
  }, [issues, hasEdited, isDirty]);

  // Leaving the tab or the page: store what can be stored, keep the rest as a draft.
  const meetingId = meeting.id;
  const savePreparation = save.mutateAsync;
  useEffect(
    () => () => {
      const { issues: values, isDirty: isLeftDirty, hasEdited: wasEdited } = pending.current;
      if (!wasEdited || !isLeftDirty) return;
      drafts.set(meetingId, values);
      const validation = validateWith(preparationWorksheet, worksheetInput(values));
      if (!validation.isValid) return;
      void savePreparation({ id: meetingId, preparation: validation.data })
        .then(() => {
          if (drafts.get(meetingId) === values) drafts.delete(meetingId);
        })
        .catch(() => undefined);
    },
    [meetingId, savePreparation],
  );

  function handleKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void saveWorksheet();
    }
  }

  const stateLabel: Record<SaveState, { label: string; color: string }> = {
    saved: { label: 'Saved', color: 'teal' },
    unsaved: { label: 'Unsaved changes', color: 'orange' },
    saving: { label: 'Saving…', color: 'gray' },
    invalid: { label: 'Not saved yet: an issue needs its name', color: 'orange' },
    failed: { label: 'Not saved — try again', color: 'red' },
  };
  const shown = !isDirty && saveState !== 'saving' ? stateLabel.saved : stateLabel[saveState === 'saved' ? 'unsaved' : saveState];

  return (
    <Stack gap="md" onKeyDown={handleKeyDown}>
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={640}>
          For each issue, separate what each side asks for from why. Set the family's limits before the meeting; bring the questions and the data.
        </Text>
        <Group gap="sm">
          <Badge color={shown.color} variant="light" tt="none" data-testid="worksheet-state" aria-live="polite">
            {shown.label}
          </Badge>
          <Button variant="default" onClick={() => edit((current) => [...current, emptyIssue()])}>
            Add issue
          </Button>
          <Button onClick={() => void saveWorksheet()} loading={save.isPending} disabled={!isDirty}>
            Save worksheet
          </Button>
        </Group>
      </Group>
      <FormErrors message={formError} />
      <TrialsForMeeting
        meetingId={meeting.id}
        onAddToWorksheet={(trial) => edit((current) => [...current, { ...emptyIssue(), ...trialWorksheetIssue(trial) }])}
      />
      {issues.length === 0 ? (
        <EmptyState
          title="No issues on the worksheet"
          description="Add the issues the family wants to resolve at this meeting. Issues recorded on the case are filled in for a new worksheet."
          action={<Button onClick={() => edit(() => [emptyIssue()])}>Add issue</Button>}
        />
      ) : (
        issues.map((issue, index) => (
          <IssueBlock
            key={index}
            index={index}
            values={issue}
            errors={errors}
            onChange={change(index)}
            onRemove={() => edit((current) => current.filter((_, at) => at !== index))}
          />
        ))
      )}
      <ParentConcernsPanel meeting={meeting} hasUnsavedWorksheet={isDirty} />
    </Stack>
  );
}
