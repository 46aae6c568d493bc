import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { preparationWorksheet, type MeetingRecord } from '@shared/domain/meetings';
import { useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { FormErrors } from '../../components/FormErrors';
import { errorMessage, serverFieldErrors } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { validateWith } from '../../lib/validate';
import { IssueBlock } from './IssueBlock';
import { ParentConcernsPanel } from './ParentConcernsPanel';
import { useSavePreparation } from './useMeetings';
import { emptyIssue, worksheetInput, worksheetValues, type IssueValues } from './worksheet-values';

interface PreparationTabProps {
  meeting: MeetingRecord;
  caseIssues: string[];
}

/** The preparation worksheet: edited freely, saved on 'Save' (or Ctrl/Cmd+S), with a visible unsaved state. */
export function PreparationTab({ meeting, caseIssues }: PreparationTabProps) {
  const [issues, setIssues] = useState<IssueValues[]>(() => worksheetValues(meeting.preparation, caseIssues));
  const [savedSnapshot, setSavedSnapshot] = useState(() => JSON.stringify(worksheetValues(meeting.preparation, caseIssues)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSavePreparation();
  // A worksheet never saved counts as unsaved even when prefilled: the prefill is only a start.
  const isDirty = meeting.preparation === null ? issues.length > 0 : JSON.stringify(issues) !== savedSnapshot;

  const change = (index: number) => (key: keyof IssueValues, value: string) =>
    setIssues((current) => current.map((issue, at) => (at === index ? { ...issue, [key]: value } : issue)));

  async function saveWorksheet() {
    setFormError(null);
    const validation = validateWith(preparationWorksheet, worksheetInput(issues));
    if (!validation.isValid) {
      setErrors(validation.errors);
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setErrors({});
    const snapshot = JSON.stringify(issues);
    try {
      await save.mutateAsync({ id: meeting.id, preparation: validation.data });
      setSavedSnapshot(snapshot);
      notifySaved('Worksheet saved');
    } catch (error) {
      const fields = serverFieldErrors(error);
      const byIssue = Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^preparation\./, ''), message]));
      setErrors(byIssue);
      setFormError(Object.keys(byIssue).length > 0 ? 'Please correct the highlighted fields.' : errorMessage(error));
    }
  }

  function handleKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void saveWorksheet();
    }
  }

  return (
    <Stack gap="md" onKeyDown={handleKeyDown}>
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={640}>
          For each issue, separate what each side asks for from why. Set the family's limits before the meeting; bring the questions and the data.
        </Text>
        <Group gap="sm">
          {isDirty ? (
            <Badge color="orange" variant="light" tt="none" data-testid="worksheet-state">
              Unsaved changes
            </Badge>
          ) : (
            <Badge color="teal" variant="light" tt="none" data-testid="worksheet-state">
              Saved
            </Badge>
          )}
          <Button variant="default" onClick={() => setIssues((current) => [...current, emptyIssue()])}>
            Add issue
          </Button>
          <Button onClick={() => void saveWorksheet()} loading={save.isPending} disabled={!isDirty}>
            Save worksheet
          </Button>
        </Group>
      </Group>
      <FormErrors message={formError} />
      {issues.length === 0 ? (
        <EmptyState
          title="No issues on the worksheet"
          description="Add the issues the family wants to resolve at this meeting. Issues recorded on the case are filled in for a new worksheet."
          action={<Button onClick={() => setIssues([emptyIssue()])}>Add issue</Button>}
        />
      ) : (
        issues.map((issue, index) => (
          <IssueBlock
            key={index}
            index={index}
            values={issue}
            errors={errors}
            onChange={change(index)}
            onRemove={() => setIssues((current) => current.filter((_, at) => at !== index))}
          />
        ))
      )}
      <ParentConcernsPanel meeting={meeting} hasUnsavedWorksheet={isDirty} />
    </Stack>
  );
}
