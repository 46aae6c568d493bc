import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { LETTER_KIND_IDS, type LetterDraft, type LetterKindId } from '@shared/domain/documents';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiCallError } from '../../api/client';
import { callMethod } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { formatDate, todayIso } from '../../lib/dates';
import { errorMessage } from '../../lib/form-errors';
import { meetingTypeLabel } from '../deadlines/meeting-labels';
import { useCaseAgreements } from '../agreements/useAgreements';
import { useCaseMeetings, useIeeRequests } from '../iee/useIee';
import { fieldsFromValues, inputsFor, optionFieldPath, type OptionInput } from './letter-option-fields';
import { useLetterTemplates } from './useLetters';

const MEETING_KINDS: LetterKindId[] = ['records_request', 'parent_concern_statement', 'meeting_follow_up'];

interface LetterOptionsStepProps {
  caseId: number;
  initialKind: LetterKindId | null;
  initialAgreementId: number | null;
  initialMeetingId?: number | null;
  /** Drafts at once with the initial choices (the agreement page's notice); the form shows only if facts are missing. */
  shouldDraftAtOnce?: boolean;
  onDrafted: (kind: LetterKindId, draft: LetterDraft) => void;
  onCancel: () => void;
}

/**
 * Which letter, about what, and anything the case data does not have. The draft call says by name
 * what is missing (options.fields.*); those inputs appear here with the server's message.
 */
export function LetterOptionsStep({
  caseId,
  initialKind,
  initialAgreementId,
  initialMeetingId,
  shouldDraftAtOnce,
  onDrafted,
  onCancel,
}: LetterOptionsStepProps) {
  const { data: templates } = useLetterTemplates();
  const [kind, setKind] = useState<LetterKindId | null>(initialKind);
  const [date, setDate] = useState(todayIso());
  const [agreementId, setAgreementId] = useState<string | null>(initialAgreementId ? String(initialAgreementId) : null);
  const [ieeRequestId, setIeeRequestId] = useState<string | null>(null);
  const [meetingId, setMeetingId] = useState<string | null>(initialMeetingId ? String(initialMeetingId) : null);
  const [inputs, setInputs] = useState<OptionInput[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isDrafting, setIsDrafting] = useState(false);
  const { data: agreements } = useCaseAgreements(caseId, kind === 'non_implementation_notice');
  const { data: ieeRequests } = useIeeRequests(caseId);
  const { data: meetings } = useCaseMeetings(caseId);
  const template = templates?.find((candidate) => candidate.kind === kind);
  const hasDraftedAtOnce = useRef(false);
  useEffect(() => {
    if (!shouldDraftAtOnce || hasDraftedAtOnce.current) return;
    hasDraftedAtOnce.current = true;
    void draft();
    // Once, on opening: later drafts are the user's.
  }, []);

  function chooseKind(value: string | null) {
    setKind(value && (LETTER_KIND_IDS as readonly string[]).includes(value) ? (value as LetterKindId) : null);
    setInputs([]);
    setErrors({});
    setMessage(null);
  }

  async function draft(event?: FormEvent) {
    event?.preventDefault();
    if (!kind) {
      setErrors({ kind: 'Choose a letter' });
      return;
    }
    setIsDrafting(true);
    setMessage(null);
    setErrors({});
    try {
      const result = await callMethod('letters.draft', {
        caseId,
        kind,
        options: {
          date,
          ...(agreementId && kind === 'non_implementation_notice' ? { agreementId: Number(agreementId) } : {}),
          ...(ieeRequestId && kind === 'iee_request' ? { ieeRequestId: Number(ieeRequestId) } : {}),
          ...(meetingId && MEETING_KINDS.includes(kind) ? { meetingId: Number(meetingId) } : {}),
          fields: fieldsFromValues(inputs, values),
        },
      });
      onDrafted(kind, result);
    } catch (error) {
      setMessage(errorMessage(error));
      if (error instanceof ApiCallError) {
        const next = [...inputs];
        const fieldErrors: Record<string, string> = {};
        for (const [path, text] of Object.entries(error.fields)) {
          const fieldPath = optionFieldPath(path);
          if (fieldPath === null) {
            fieldErrors[path.replace(/^options\./, '')] = text;
            continue;
          }
          for (const input of inputsFor(fieldPath)) if (!next.some((known) => known.key === input.key)) next.push(input);
          const target =
            next.find((input) => input.key === fieldPath) ??
            next.find((input) => input.key.startsWith(`${fieldPath.split('.')[0]}.`)) ??
            next.find((input) => input.key === fieldPath.split('.')[0]);
          // The template's schema speaks zod ('expected string, received undefined'); a missing fact is simply required.
          if (target) fieldErrors[target.key] ??= /received undefined|^Required$/i.test(text) ? 'Needed for this letter' : text;
        }
        setInputs(next);
        setErrors(fieldErrors);
      }
    } finally {
      setIsDrafting(false);
    }
  }

  return (
    <form onSubmit={(event) => void draft(event)} noValidate>
      <Stack gap="sm">
        <Select
          label="Letter"
          placeholder="Choose a template"
          data={(templates ?? []).map((candidate) => ({ value: candidate.kind, label: candidate.title }))}
          value={kind}
          onChange={chooseKind}
          allowDeselect={false}
          error={errors.kind}
          data-autofocus
        />
        {template?.citation && (
          <Text size="xs" c="dimmed" mt={-6}>
            {template.citation}
          </Text>
        )}
        <DateField label="Letter date" value={date} onChange={(value) => setDate(String(value ?? ''))} error={errors.date} />
        {kind === 'non_implementation_notice' && (
          <Select
            label="Agreement"
            description="Blank: the agreement furthest behind"
            data={(agreements ?? []).map((agreement) => ({
              value: String(agreement.id),
              label: `${agreement.title}${agreement.signedOn ? ` · ${formatDate(agreement.signedOn)}` : ''}`,
            }))}
            value={agreementId}
            onChange={setAgreementId}
            clearable
            error={errors.agreementId}
          />
        )}
        {kind === 'iee_request' && (ieeRequests?.length ?? 0) > 0 && (
          <Select
            label="IEE request"
            description="Blank: the latest request"
            data={(ieeRequests ?? []).map((request) => ({
              value: String(request.id),
              label: `${request.disputedEvaluation} · requested ${formatDate(request.requestedOn)}`,
            }))}
            value={ieeRequestId}
            onChange={setIeeRequestId}
            clearable
            error={errors.ieeRequestId}
          />
        )}
        {kind && MEETING_KINDS.includes(kind) && (meetings?.length ?? 0) > 0 && (
          <Select
            label="Meeting"
            description={kind === 'meeting_follow_up' ? 'Blank: the last meeting held' : 'Blank: the next meeting'}
            // A mediation session gets no follow-up summary: its discussions are confidential (34 CFR 300.506(b)(8)).
            data={(meetings ?? [])
              .filter((meeting) => kind !== 'meeting_follow_up' || meeting.type !== 'mediation')
              .map((meeting) => ({ value: String(meeting.id), label: `${meetingTypeLabel(meeting.type)} · ${formatDate(meeting.date)}` }))}
            value={meetingId}
            onChange={setMeetingId}
            clearable
            error={errors.meetingId}
          />
        )}
        {message && (
          <Alert
            color={inputs.length > 0 ? 'yellow' : 'red'}
            variant="light"
            title={inputs.length > 0 ? 'A few facts are needed' : 'No draft yet'}
            role="alert"
          >
            {inputs.length > 0 ? 'The case records do not have everything this letter needs. Fill in the fields below, then draft it again.' : message}
          </Alert>
        )}
        {inputs.map((input) => {
          const common = {
            label: input.label,
            description: input.description,
            error: errors[input.key],
            value: values[input.key] ?? '',
          };
          const set = (value: string) => {
            setValues((current) => ({ ...current, [input.key]: value }));
            setErrors(({ [input.key]: _answered, ...rest }) => rest);
          };
          if (input.type === 'date') return <DateField key={input.key} {...common} onChange={(value) => set(String(value ?? ''))} />;
          if (input.type === 'lines' || input.type === 'longText')
            return (
              <Textarea key={input.key} {...common} autosize minRows={input.type === 'lines' ? 3 : 2} onChange={(event) => set(event.currentTarget.value)} />
            );
          return <TextInput key={input.key} {...common} onChange={(event) => set(event.currentTarget.value)} />;
        })}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isDrafting}>
            Draft the letter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
