import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { SUGGESTED_QUESTIONS } from '@shared/domain/meetings';
import { lines, withQuestion, type IssueValues } from './worksheet-values';

interface IssueBlockProps {
  index: number;
  values: IssueValues;
  errors: Record<string, string>;
  onChange: (key: keyof IssueValues, value: string) => void;
  onRemove: () => void;
}

function ColumnHeading({ children }: { children: string }) {
  return (
    <Text size="xs" fw={700} tt="uppercase" c="dimmed">
      {children}
    </Text>
  );
}

/**
 * One issue, laid out as the interest-based practice reads it: each side's position and the
 * interests behind it, then the family's limits, then what to ask and what backs each ask.
 */
export function IssueBlock({ index, values, errors, onChange, onRemove }: IssueBlockProps) {
  const error = (key: keyof IssueValues) => errors[`issues.${index}.${key}`];
  const text = (key: keyof IssueValues) => ({
    value: values[key],
    error: error(key),
    onChange: (event: { currentTarget: { value: string } }) => onChange(key, event.currentTarget.value),
  });
  const area = { autosize: true, minRows: 2, maxRows: 8 } as const;
  const asked = lines(values.questions);
  const suggestions = SUGGESTED_QUESTIONS.filter((question) => !asked.includes(question));
  const name = values.issue.trim() || `Issue ${index + 1}`;

  return (
    <Paper withBorder radius="md" p="md" data-testid="worksheet-issue" aria-label={`Worksheet issue: ${name}`} component="section">
      <Stack gap="md">
        <Group align="flex-end" wrap="nowrap">
          <TextInput label="Issue" withAsterisk placeholder="e.g. Reading intervention" style={{ flex: 1 }} fw={600} {...text('issue')} />
          <Tooltip label="Remove this issue">
            <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Remove issue ${name}`} onClick={onRemove}>
              Remove
            </Button>
          </Tooltip>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs">
            <ColumnHeading>Family</ColumnHeading>
            <Textarea label="Position" description="What the family is asking for" {...area} {...text('familyPosition')} />
            <Textarea label="Interests" description="Why: the need behind the ask" {...area} {...text('familyInterests')} />
          </Stack>
          <Stack gap="xs">
            <ColumnHeading>District (likely)</ColumnHeading>
            <Textarea label="District's likely position" description="What they will probably offer or refuse" {...area} {...text('districtPosition')} />
            <Textarea label="District's interests" description="Cost, staffing, precedent, compliance…" {...area} {...text('districtInterests')} />
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Textarea label="Non-negotiables" description="One per line" {...area} {...text('nonNegotiables')} />
          <Textarea label="Can compromise on" description="One per line" {...area} {...text('canCompromise')} />
          <Textarea label="Minimum acceptable outcome" description="Decided before the meeting, not in it" {...area} {...text('minimumAcceptable')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={6}>
            <Textarea label="Questions to ask" description="One per line" {...area} {...text('questions')} />
            {suggestions.length > 0 && (
              <Group gap={6}>
                {suggestions.map((question) => (
                  <Button
                    key={question}
                    size="compact-xs"
                    variant="light"
                    color="gray"
                    fw={500}
                    onClick={() => onChange('questions', withQuestion(values.questions, question))}
                  >
                    + {question}
                  </Button>
                ))}
              </Group>
            )}
          </Stack>
          <Textarea
            label="Supporting data"
            description="Evaluations, progress reports, logs — with dates; one per line"
            {...area}
            {...text('supportingData')}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
